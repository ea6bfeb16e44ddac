"""Issue 12: `dcc upgrade` (and read + write) keeps every comment, processing instruction and mixed-content run.

The measurement compares the input's information items with the output's: the sequence of (kind, text) of comments
and processing instructions over the whole document, and the text runs (text, element, tail, in order) of every
element with mixed content.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from coomet_lab.dcc.io.document import certificate_from_document, certificate_to_document
from coomet_lab.dcc.io.reader import certificate_from_tree, read_certificate_bytes
from coomet_lab.dcc.io.writer import serialize, to_bytes
from coomet_lab.dcc.upgrade import upgrade_tree
from coomet_lab.kernel.xmlsafe import parse_bytes, parse_file

from tests.conftest import EXAMPLES

STYLESHEET = '<?xml-stylesheet type="text/xsl" href="dcc.xsl"?>'
LICENCE = "<!-- DCC - Digital Calibration Certificate. Licence: LGPL-3.0 -->"


def misc_items(tree: etree._ElementTree) -> list[tuple[str, str]]:
    """Every comment and processing instruction of the document, in document order."""
    out = []
    for node in tree.xpath("/comment() | /processing-instruction() | //comment() | //processing-instruction()"):
        if isinstance(node, etree._Comment):
            out.append(("comment", node.text or ""))
        else:
            out.append(("pi", f"{node.target} {node.text or ''}"))
    return out


def misc_places(tree: etree._ElementTree) -> list[tuple[str, int, str]]:
    """Where each comment and processing instruction sits: its parent's path and how many elements precede it."""
    out = []
    for node in tree.xpath("//comment() | //processing-instruction()"):
        parent = node.getparent()
        if parent is None:
            continue  # around the root: misc_items has their order
        path = "/".join(etree.QName(a).localname for a in reversed([parent, *parent.iterancestors()]))
        before = sum(1 for sibling in node.itersiblings(preceding=True) if isinstance(sibling.tag, str))
        out.append((path, before, etree.tostring(node, with_tail=False, encoding="unicode")))
    return out


def mixed_runs(tree: etree._ElementTree) -> list[tuple[str, list[str]]]:
    """For every element with its own text and child elements: its text runs and children, in order."""
    out = []
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str) or not len(el):
            continue
        tails = [(c.tail or "").strip() for c in el]
        if not (el.text or "").strip() and not any(tails):
            continue  # element-only content (indentation whitespace)
        seq = [(el.text or "").strip()]
        for child, tail in zip(el, tails, strict=True):
            if isinstance(child.tag, str):
                seq += [f"<{child.tag}>{''.join(child.itertext())}", tail]
            else:
                seq += [etree.tostring(child, with_tail=False, encoding="unicode"), tail]
        out.append((etree.QName(el).localname, seq))
    return out


def measure(before: etree._ElementTree, after: etree._ElementTree) -> dict[str, tuple]:
    return {
        "misc": (misc_items(before), misc_items(after)),
        "places": (misc_places(before), misc_places(after)),
        "mixed": (mixed_runs(before), mixed_runs(after)),
    }


def _fixture_bytes() -> bytes:
    """A real 3.3.0 DCC with a stylesheet PI and licence comment before the root, comments inside bound elements,
    a comment inside a kept-verbatim element, and mixed content inside dcc:content."""
    tree = parse_file(EXAMPLES / "01_ptb-dcclib_valid_v3.3.0.xml")
    root = tree.getroot()
    ns = {"dcc": "https://ptb.de/dcc"}
    root.addprevious(etree.fromstring(f"<x>{STYLESHEET}</x>")[0])
    root.addprevious(etree.fromstring(f"<x>{LICENCE}</x>")[0])
    root.insert(0, etree.Comment(" inside the root, before administrativeData "))
    admin = root.find("dcc:administrativeData", ns)
    admin[1].addnext(etree.Comment(" between two administrativeData children "))
    admin.append(etree.ProcessingInstruction("lab-note", "checked=yes"))
    software = admin.find("dcc:dccSoftware", ns)
    software.insert(0, etree.Comment(" inside a list wrapper, before its first item "))
    software.append(etree.Comment(" inside a list wrapper, after its last item "))
    two_langs = root.find(".//dcc:name[dcc:content][dcc:content]", ns)
    two_langs[0].addnext(etree.Comment(" between two items of a repeated field "))
    value = root.find(".//{https://ptb.de/si}value")
    whole = value.text
    value.text = whole[:1]
    inside = etree.Comment(" inside a simple value ")
    inside.tail = whole[1:]
    value.append(inside)
    first = root.find(".//dcc:content", ns)
    first.text = "δ"
    sub = etree.SubElement(first, "{https://ptb.de/dcc}sub")
    sub.text = "u"
    sub.tail = " is the relative uncertainty"
    comment = etree.Comment(" note in text ")
    comment.tail = " (k = 2)"
    first.append(comment)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")


def test_fixture_has_what_it_tests() -> None:
    tree = parse_bytes(_fixture_bytes())
    assert len(misc_items(tree)) == 10
    assert mixed_runs(tree)


def test_upgrade_keeps_comments_pis_and_mixed_runs_in_place() -> None:
    before = parse_bytes(_fixture_bytes())
    result = upgrade_tree(parse_bytes(_fixture_bytes()))
    after = parse_bytes(serialize(result.element))
    for what, (was, now) in measure(before, after).items():
        assert was == now, what
    text = serialize(result.element).decode()
    assert text.index("xml-stylesheet") < text.index("LGPL") < text.index("<dcc:digitalCalibrationCertificate")
    assert "δ<dcc:sub>u</dcc:sub> is the relative uncertainty<!-- note in text --> (k = 2)</dcc:content>" in text


def test_read_write_and_json_round_trip_keep_them_and_stay_deterministic() -> None:
    data = _fixture_bytes()
    certificate = read_certificate_bytes(data)
    first = to_bytes(certificate)
    assert to_bytes(read_certificate_bytes(first)) == first
    via_json = certificate_from_document(certificate_to_document(certificate))
    assert to_bytes(via_json) == first
    for what, (was, now) in measure(parse_bytes(data), parse_bytes(first)).items():
        assert was == now, what


def test_a_comment_inside_a_simple_value_is_kept_and_the_value_is_still_read() -> None:
    data = _fixture_bytes()
    value = parse_bytes(data).getroot().find(".//{https://ptb.de/si}value")
    text = to_bytes(read_certificate_bytes(data)).decode()
    assert f"{value.text}<!-- inside a simple value -->{value[0].tail}</si:value>" in text
    original = parse_file(EXAMPLES / "01_ptb-dcclib_valid_v3.3.0.xml")
    from coomet_lab.dcc.upgrade import measurement_facts

    assert measurement_facts(parse_bytes(text.encode())) == measurement_facts(original)


def test_edited_mixed_text_is_written_as_the_new_text() -> None:
    certificate = read_certificate_bytes(_fixture_bytes())
    tree = parse_bytes(to_bytes(certificate))
    assert "δ<dcc:sub>" in etree.tostring(tree, encoding="unicode")
    first = certificate.administrative_data.dcc_software[0].name.contents[0]
    first.value = "edited"
    text = to_bytes(certificate).decode()
    assert "<dcc:content>edited" in text and "δ<dcc:sub>" not in text


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.xml")), ids=lambda p: Path(p).name)
def test_every_example_keeps_its_information_items_on_upgrade(path: Path) -> None:
    before = parse_file(path)
    result = upgrade_tree(parse_file(path))
    after = parse_bytes(serialize(result.element))
    for what, (was, now) in measure(before, after).items():
        assert was == now, f"{path.name}: {what} changed"
    assert certificate_from_tree(after).schema_version == "3.3.0"


def test_cli_upgrade_writes_the_licence_header_and_stylesheet_and_stays_valid(tmp_path: Path) -> None:
    from tests.helpers import EX05, run_cli

    source = tmp_path / "in.xml"
    text = EX05.read_text(encoding="utf-8")
    head, _, body = text.partition("<dcc:digitalCalibrationCertificate")
    source.write_text(f"{head}{STYLESHEET}\n{LICENCE}\n<dcc:digitalCalibrationCertificate{body}", encoding="utf-8")
    out = tmp_path / "out.xml"
    code, stdout, _ = run_cli("dcc", "upgrade", str(source), "-o", str(out))
    assert code == 0, stdout
    written = out.read_text(encoding="utf-8")
    assert written.index(STYLESHEET) < written.index(LICENCE) < written.index("<dcc:digitalCalibrationCertificate")
    assert "Physikalisch-Technische Bundesanstalt" in written  # PTB's LGPL header inside the root
    before, after = parse_file(source), parse_file(out)
    assert misc_items(before) == misc_items(after)
    assert misc_places(before) == misc_places(after)
