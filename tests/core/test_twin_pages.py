"""A twin is valid only if its pages say what its signed XML says, even when the lab's own key signed the PDF
(pages edited before PAdES signing, or a rendering bug): verification recomputes the numbers it printed.

Every forgery here is signed by the trusted lab key, so the PAdES signature, the embedded DCC's XAdES signature
and the printed SHA-256 are all good; only the page checks (coomet_lab.twin.pagecheck) can refuse it."""

from __future__ import annotations

import io
import re
import time

import pikepdf
import pytest

from coomet_lab.twin import verify_pdf


def _lab_signed(pdf: bytes, test_pki, lab_trust) -> bytes:  # noqa: ANN001
    from coomet_lab.twin.pades import sign_pdf

    return sign_pdf(pdf, test_pki.signer("ec"), trust=lab_trust)


def _pages_from(shown_xml: bytes, embedded_xml: bytes, lab_trust) -> bytes:  # noqa: ANN001
    """A PDF/A twin whose pages are rendered from ``shown_xml`` but which embeds (and prints the hash of)
    ``embedded_xml``: what an insider, or a bug, would produce."""
    import hashlib

    from coomet_lab.twin import pdfa
    from coomet_lab.twin.fonts import resolve_fonts
    from coomet_lab.twin.make import prepare
    from coomet_lab.twin.pades import vendor
    from coomet_lab.twin.render import render_pages

    shown = prepare(shown_xml, trust=lab_trust)
    pages = render_pages(shown.certificate, sha256=hashlib.sha256(embedded_xml).hexdigest(), draft=False,
                         fonts=resolve_fonts(), signatures=shown.verification.signatures)
    return pdfa.finish(pages.pdf, xml=embedded_xml, producer=vendor())


def _edited(pdf: bytes, edit) -> bytes:  # noqa: ANN001
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        edit(doc)
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _problems(report) -> str:  # noqa: ANN001
    return " | ".join(report.reasons)


@pytest.fixture(scope="module")
def unsigned_twin(signed_dcc, lab_trust, tmp_path_factory) -> bytes:
    """The good twin before its PAdES signature: what an insider would edit."""
    from coomet_lab.twin import render_twin
    from coomet_lab.twin.pades import vendor

    from tests.conftest import offline_env

    with offline_env(tmp_path_factory.mktemp("home")):
        return render_twin(signed_dcc, trust=lab_trust, producer=vendor())


def test_pages_that_show_another_value_than_the_signed_dcc_are_refused(signed_dcc, unsigned_dcc, test_pki,
                                                                       lab_trust):
    """Finding 1: 100.06 in the signed DCC, 100.07 on the page; the hash printed is the embedded DCC's."""
    from coomet_lab.trust import sign_xml

    other = sign_xml(unsigned_dcc.replace(b"100.06", b"100.07"), test_pki.signer("ec"), trust=lab_trust)
    forged = _lab_signed(_pages_from(other, signed_dcc, lab_trust), test_pki, lab_trust)
    report = verify_pdf(forged, trust=lab_trust)
    assert report.signatures[0].trusted and report.xml.valid and report.pages_showing_hash == report.pages
    assert report.verdict == "invalid"
    text = _problems(report)
    assert "100.07 (page 2)" in text and "does not contain" in text
    assert "100.06 (1× in the DCC, 0× on the pages)" in text


def test_a_value_printed_with_other_digits_is_refused(signed_dcc, unsigned_dcc, test_pki, lab_trust):
    """0.020 is not 0.02: the digits a lab states are part of the result."""
    from coomet_lab.trust import sign_xml

    assert signed_dcc.count(b" 0.020 ") >= 1
    other = sign_xml(unsigned_dcc.replace(b" 0.020 ", b" 0.02 "), test_pki.signer("ec"), trust=lab_trust)
    report = verify_pdf(_lab_signed(_pages_from(other, signed_dcc, lab_trust), test_pki, lab_trust), trust=lab_trust)
    assert report.verdict == "invalid"
    assert "0.020 (2× in the DCC, 1× on the pages)" in _problems(report)


def test_rows_swapped_on_the_page_are_refused(signed_dcc, unsigned_dcc, test_pki, lab_trust):
    """The same numbers, two deviations exchanged between rows: the order of the DCC's list is checked."""
    from coomet_lab.trust import sign_xml

    lists = re.findall(rb"<si:valueXMLList>([^<]*)</si:valueXMLList>", unsigned_dcc)
    deviations = next(v for v in lists if v.startswith(b"0.032"))
    first, second, *rest = deviations.split()
    swapped = unsigned_dcc.replace(deviations, b" ".join([second, first, *rest]))
    other = sign_xml(swapped, test_pki.signer("ec"), trust=lab_trust)
    report = verify_pdf(_lab_signed(_pages_from(other, signed_dcc, lab_trust), test_pki, lab_trust), trust=lab_trust)
    assert report.verdict == "invalid"
    assert "not printed in the DCC's order (0.032 0.026" in _problems(report)


@pytest.mark.parametrize(("name", "edit", "message"), [
    ("swapped", lambda doc: doc.pages.reverse(), "pages 1, 3 of 3 do not show their own page number"),
    ("removed", lambda doc: doc.pages.remove(p=2), "pages 1, 2 of 2 do not show their own page number"),
    ("duplicated", lambda doc: doc.pages.append(doc.pages[1]), "pages 1, 2, 3, 4 of 4 do not show their own page"),
])
def test_pages_rearranged_before_signing_are_refused(name, edit, message, unsigned_twin, test_pki, lab_trust):
    forged = _lab_signed(_edited(unsigned_twin, edit), test_pki, lab_trust)
    report = verify_pdf(forged, trust=lab_trust)
    assert report.signatures[0].trusted and report.xml.valid
    assert report.verdict == "invalid", name
    assert message in _problems(report)


def _digit_codes(doc) -> tuple[object, dict[str, int]]:  # noqa: ANN001
    """The regular font of page 2 and the codes its ToUnicode map gives the digits."""
    from coomet_lab.twin.textscan import _unicode_map

    for _, font in doc.pages[1].Resources.Font.items():
        if str(font.BaseFont).endswith("+DejaVuSans"):
            mapping = _unicode_map(font)
            return font, {text: code for code, text in mapping.items() if text.isdigit()}
    raise AssertionError("no regular font on page 2")


def test_a_font_whose_tounicode_lies_is_refused(unsigned_twin, test_pki, lab_trust):
    """The glyph drawn is a '1', the text layer says '7' (and the other way round): what a reader sees is not what
    the check would read. Every code of the map must draw DejaVu's outline for its character."""

    def lie(doc) -> None:  # noqa: ANN001
        font, codes = _digit_codes(doc)
        cmap = font.ToUnicode.read_bytes()
        one, seven = f"<{codes['1']:02X}> <0031>".encode(), f"<{codes['7']:02X}> <0037>".encode()
        assert one in cmap and seven in cmap, "reportlab writes bfchar entries '<code> <unicode>'"
        swapped = cmap.replace(one, b"@1@").replace(seven, one[:5] + b"<0037>").replace(b"@1@", seven[:5] + b"<0031>")
        font.ToUnicode = pikepdf.Stream(doc, swapped)

    forged = _lab_signed(_edited(unsigned_twin, lie), test_pki, lab_trust)
    report = verify_pdf(forged, trust=lab_trust)
    assert report.signatures[0].trusted and report.xml.valid
    assert report.verdict == "invalid"
    font = next(r for r in report.reasons if "draws other glyphs than its ToUnicode map says" in r)
    assert "'1'" in font and "'7'" in font and "+DejaVuSans " in font


def test_invisible_text_is_refused(unsigned_twin, test_pki, lab_trust):
    """Text with render mode 3 is read by the check but not shown to a reader."""

    def hide(doc) -> None:  # noqa: ANN001
        page = doc.pages[1]
        page.contents_add(pikepdf.Stream(doc, b"BT 3 Tr /F1+0 9 Tf 100 100 Td (x) Tj ET"), prepend=False)
        font = next(f for _, f in page.Resources.Font.items())
        page.Resources.Font[pikepdf.Name("/F1+0")] = font

    report = verify_pdf(_lab_signed(_edited(unsigned_twin, hide), test_pki, lab_trust), trust=lab_trust)
    assert report.verdict == "invalid"
    assert "page 2 carries invisible text" in _problems(report)


def overlay(doc) -> None:  # noqa: ANN001
    """A FreeText annotation whose appearance draws "100.07" over page 2 (the page text is left alone)."""
    page = doc.pages[1]
    font = next(f for _, f in page.Resources.Font.items())
    appearance = pikepdf.Stream(doc, b"BT /F 9 Tf 2 2 Td (100.07) Tj ET")
    appearance.Type, appearance.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    appearance.BBox = [0, 0, 60, 14]
    appearance.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F=font))
    annotation = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FreeText, Rect=[300, 500, 360, 514],
                                    Contents="100.07", DA="/F 9 Tf", F=4,
                                    AP=pikepdf.Dictionary(N=doc.make_indirect(appearance)))
    page.obj.Annots = doc.make_indirect(pikepdf.Array([doc.make_indirect(annotation)]))


def test_an_annotation_drawn_over_a_page_is_refused(unsigned_twin, test_pki, lab_trust):
    report = verify_pdf(_lab_signed(_edited(unsigned_twin, overlay), test_pki, lab_trust), trust=lab_trust)
    assert report.signatures[0].trusted and report.verdict == "invalid"
    assert "page 2 carries annotations that draw over the page (/FreeText)" in _problems(report)


def test_optional_content_is_refused(unsigned_twin, test_pki, lab_trust):
    def layers(doc) -> None:  # noqa: ANN001
        group = doc.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OCG, Name="hidden"))
        doc.Root.OCProperties = pikepdf.Dictionary(OCGs=[group], D=pikepdf.Dictionary(OFF=[group]))

    report = verify_pdf(_lab_signed(_edited(unsigned_twin, layers), test_pki, lab_trust), trust=lab_trust)
    assert report.verdict == "invalid"
    assert "the PDF has optional content (layers)" in _problems(report)


def test_a_font_the_app_does_not_ship_is_refused(unsigned_twin, test_pki, lab_trust):
    def helvetica(doc) -> None:  # noqa: ANN001
        page = doc.pages[0]
        page.Resources.Font[pikepdf.Name("/Hx")] = pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                                      Subtype=pikepdf.Name.Type1,
                                                                      BaseFont=pikepdf.Name.Helvetica)
        page.contents_add(pikepdf.Stream(doc, b"BT /Hx 9 Tf 100 100 Td (x) Tj ET"), prepend=False)

    report = verify_pdf(_lab_signed(_edited(unsigned_twin, helvetica), test_pki, lab_trust), trust=lab_trust)
    assert report.verdict == "invalid"
    assert "the text of page 1 cannot be read (the font /Helvetica is composite or has no ToUnicode map" \
        in _problems(report)


def test_every_twin_the_app_makes_still_verifies(test_pki, lab_trust, tmp_path):
    """Both examples (Russian/English with a plot, German/English with several results), signed."""
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import sign_xml
    from coomet_lab.twin import make_twin

    from tests.helpers import PRESSURE, THERMOMETER

    for example in (THERMOMETER, PRESSURE):
        signed = sign_xml(to_bytes(load_document(example)), test_pki.signer("ec"), trust=lab_trust)
        twin = make_twin(signed, signer=test_pki.signer("ec"), trust=lab_trust)
        report = verify_pdf(twin.pdf, trust=lab_trust)
        assert report.valid, (example.name, report.summary())


def test_page_checks_are_fast_on_10_and_100_pages(signed_dcc, unsigned_dcc, test_pki, lab_trust):
    """A safety net only (the numbers are in the report): 10 and 100 pages of the thermometer's table."""
    from coomet_lab.trust import sign_xml
    from coomet_lab.twin import make_twin
    from coomet_lab.twin.pagecheck import check_pages
    from coomet_lab.twin.textscan import page_texts

    for rows, limit in ((360, 1.0), (5250, 5.0)):
        xml = sign_xml(_grown(unsigned_dcc, rows), test_pki.signer("ec"), trust=lab_trust)
        twin = make_twin(xml, signer=test_pki.signer("ec"), trust=lab_trust)
        report = verify_pdf(twin.pdf, trust=lab_trust)
        assert report.valid, report.summary()
        with pikepdf.open(io.BytesIO(twin.pdf)) as doc:
            start = time.perf_counter()
            texts = page_texts(doc)
            check_pages(texts, report.xml.verified_xml, identifier="UT-2026-00417", extra_texts=[],
                        verification=False)
            assert time.perf_counter() - start < limit


def _grown(unsigned_dcc: bytes, rows: int) -> bytes:
    """The thermometer's result table grown to ``rows`` rows, as benchmarks/bench_pdf.py grows it."""
    import importlib.util

    from tests.helpers import REPO

    spec = importlib.util.spec_from_file_location("bench_pdf", REPO / "benchmarks" / "bench_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.make_dcc(rows)
