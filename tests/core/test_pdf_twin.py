"""The PDF twin as a file: PDF/A-3b markers, embedded fonts, the DCC inside, metadata that agrees after signing,
and pages that show what the DCC says (read back with poppler, an independent reader)."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from decimal import Decimal

import pikepdf
import pytest
from lxml import etree
from PIL import ImageCms

from coomet_lab.trust import verify_xml

from tests.pdfcheck import all_fonts, open_pdf, page_texts

SI = "https://ptb.de/si"


def test_pdfa_3b_markers_on_the_signed_file(signed_twin):
    assert signed_twin.startswith(b"%PDF-1.7")
    with open_pdf(signed_twin) as doc:
        meta = doc.open_metadata()
        assert (meta.get("pdfaid:part"), meta.get("pdfaid:conformance")) == ("3", "B")
        intents = doc.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == pikepdf.Name.GTS_PDFA1
        profile = intents[0].DestOutputProfile
        assert profile.N == 3
        icc = ImageCms.ImageCmsProfile(io.BytesIO(profile.read_bytes()))
        assert "sRGB" in ImageCms.getProfileDescription(icc) and icc.profile.xcolor_space.strip() == "RGB"
        assert not doc.is_encrypted and "/Encrypt" not in doc.trailer
        for obj in doc.objects:
            if isinstance(obj, pikepdf.Dictionary):
                assert "/JS" not in obj and obj.get("/S") != pikepdf.Name.JavaScript
        assert "/JavaScript" not in doc.Root.get("/Names", {})
        assert "/Trapped" not in doc.docinfo


def test_every_font_is_an_embedded_truetype_subset(signed_twin, draft_twin):
    for pdf in (signed_twin, draft_twin):
        with open_pdf(pdf) as doc:
            fonts = all_fonts(doc)
            assert fonts
            tags = set()
            for font in fonts:
                assert font.Subtype == pikepdf.Name.TrueType, font.BaseFont
                assert "/FontFile2" in font.FontDescriptor, f"{font.BaseFont} is not embedded"
                tag, name = str(font.BaseFont)[1:].split("+")
                assert re.fullmatch("[A-Z]{6}", tag) and name.startswith("DejaVuSans")
                tags.add(tag)
            assert len(tags) == len({f.objgen for f in fonts}), "every subset has its own tag"


def _pdf_date(value: str) -> str:
    digits = re.sub(r"\D", "", value)[:14]
    return digits


def test_info_and_xmp_agree_after_signing(signed_twin):
    from pyhanko.pdf_utils.metadata.model import VENDOR

    with open_pdf(signed_twin) as doc:
        info, meta = doc.docinfo, doc.open_metadata()
        assert str(info.Title) == meta.get("dc:title") == "Сертификат калибровки UT-2026-00417"
        assert str(info.Author) == meta.get("dc:creator")[0] == "Метрологический центр «УралТест»"
        assert str(info.Producer) == meta.get("pdf:Producer") == VENDOR
        assert _pdf_date(str(info.CreationDate)) == _pdf_date(meta.get("xmp:CreateDate"))
        assert _pdf_date(str(info.ModDate)) == _pdf_date(meta.get("xmp:ModifyDate"))


def test_the_signed_dcc_is_the_associated_source_file(signed_twin, signed_dcc, lab_trust):
    with open_pdf(signed_twin) as doc:
        specs = list(doc.Root.AF)
        assert len(specs) == 1
        spec = specs[0]
        assert spec.AFRelationship == pikepdf.Name.Source
        assert str(spec.F) == str(spec.UF) == "dcc.xml"
        stream = spec.EF.F
        assert stream.Subtype == pikepdf.Name("/text/xml")
        assert "/ModDate" in stream.Params
        assert doc.attachments["dcc.xml"].obj.objgen == spec.objgen
        embedded = stream.read_bytes()
    assert embedded == signed_dcc
    report = verify_xml(embedded, trust=lab_trust)
    assert report.valid, report.summary()


def test_the_sha256_of_the_embedded_dcc_is_on_every_page(signed_twin, signed_dcc):
    digest = hashlib.sha256(signed_dcc).hexdigest()
    pages = page_texts(signed_twin)
    assert len(pages) >= 2
    assert all(digest in page for page in pages)


def test_cyrillic_captions_names_and_units_read_back(signed_twin):
    text = "\n".join(page_texts(signed_twin))
    for expected in ("Сертификат калибровки", "Calibration certificate", "Смирнова Анна Викторовна",
                     "Anna V. Smirnova", "АО «Уралхим»", "ГОСТ 6651-2009", "Страница 1 из 3 / Page 1 of 3",
                     "°C", "UT-2026-00417", "RA.RU.311234", "20417", "С-ВЯ/12-03-2026/412345678",
                     "соответствует / conforms (pass)", "k = 2, p = 0.95"):
        assert expected in text, expected


def _table_tokens(xml: bytes) -> list[list[str]]:
    tree = etree.fromstring(xml)
    lists = tree.iter(f"{{{SI}}}valueXMLList", f"{{{SI}}}valueExpandedMUXMLList")
    return [el.text.split() for el in lists]


def test_every_number_is_printed_exactly_as_in_the_xml(signed_twin, signed_dcc):
    text = "\n".join(page_texts(signed_twin))
    words = text.split()
    for column in _table_tokens(signed_dcc):
        for value in column:
            assert value in words, value
    # the uncertainty column keeps its trailing zero: the text is printed, not a number
    assert "0.020" in words and "0.0" not in words
    assert Decimal("0.020") == Decimal("0.02")  # (a float formatter would have printed 0.02)


def test_german_umlauts_and_as_found_as_left(tmp_path, lab_trust):
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.twin import make_twin

    from tests.helpers import PRESSURE

    xml = to_bytes(load_document(PRESSURE))
    twin = make_twin(xml, trust=lab_trust)
    text = "\n".join(page_texts(twin.pdf))
    for expected in ("Kalibrierschein", "Digitalmanometer, Messbereich 0 bar bis 16 bar (Überdruck)", "Rückführung",
                     "Vor der Justierung (Eingangszustand)", "As left (after adjustment)", "Hafenstraße",
                     "D-K-15178-01-00", "nicht konform", "0.0000", "16.0002", "ENTWURF"):
        assert expected in text, expected
    for column in _table_tokens(xml):
        for value in column:
            assert value in text.split(), value


def test_a_draft_says_so_on_every_page(draft_twin, signed_twin):
    for page in page_texts(draft_twin):
        assert "ЧЕРНОВИК" in page and "DRAFT" in page
    assert "DRAFT" not in "\n".join(page_texts(signed_twin))


def test_the_qr_code_carries_the_number_and_the_hash(signed_twin, signed_dcc, tmp_path):
    from coomet_lab.twin.layout import qr_payload

    assert shutil.which("zbarimg") and shutil.which("pdftoppm"), "zbar-tools and poppler-utils are needed"
    (tmp_path / "twin.pdf").write_bytes(signed_twin)
    subprocess.run(["pdftoppm", "-r", "300", "-f", "2", "-l", "2", "-gray", "-png", str(tmp_path / "twin.pdf"),
                    str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png"))
    out = subprocess.run(["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(image)],
                         capture_output=True, check=True).stdout.decode("utf-8").strip()
    assert out == qr_payload("UT-2026-00417", hashlib.sha256(signed_dcc).hexdigest())


def test_a_plot_shows_the_deviation_table(signed_twin):
    text = "\n".join(page_texts(signed_twin))
    assert "Отклонение с расширенной неопределённостью (±U) / Deviation with expanded uncertainty (±U)" in text
    assert "Отклонение показания / Deviation of the indication ± U, K" in text


def _certificate():
    from coomet_lab.dcc.io.document import load_document

    from tests.helpers import THERMOMETER

    return load_document(THERMOMETER)


def test_an_amendment_is_announced(lab_trust):
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.dcc.model import ReportAmendedSubstituted
    from coomet_lab.twin import make_twin

    certificate = _certificate()
    certificate.administrative_data.core_data.report_amended_substituted = ReportAmendedSubstituted(
        type_of_change="substituted", replaced_unique_identifier="UT-2026-00399")
    text = "\n".join(page_texts(make_twin(to_bytes(certificate), trust=lab_trust).pdf))
    assert "Настоящий сертификат заменяет сертификат № UT-2026-00399" in text
    assert "This certificate replaces certificate No. UT-2026-00399" in text


def test_a_long_wide_table_repeats_its_header_and_keeps_every_value(lab_trust, test_pki):
    from coomet_lab.dcc.editing.tables import ColumnSpec, make_table
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import sign_xml
    from coomet_lab.twin import make_twin

    certificate = _certificate()
    rows = 260
    columns = [ColumnSpec({"ru": "Эталон", "en": "Reference"}, "°C", [f"{i}.{i % 7}1" for i in range(rows)],
                          role="basic_referenceValue")]
    columns += [ColumnSpec({"ru": f"Канал {c}", "en": f"Channel {c}"}, "mV",
                           [f"{c}{i}.{c}05" for i in range(rows)], uncertainties=["0.015"] * rows,
                           role="basic_measuredValue") for c in range(1, 9)]
    certificate.measurement_results.results[0].results.append(
        make_table({"ru": "Многоканальная таблица", "en": "Multichannel table"}, columns))
    signed = sign_xml(to_bytes(certificate), test_pki.signer("ec"), trust=lab_trust)  # no watermark letters
    twin = make_twin(signed, trust=lab_trust)
    pages = page_texts(twin.pdf)
    assert twin.pages == len(pages) > 8
    words = "\n".join(pages).split()
    for spec in columns:
        for value in spec.values:
            assert value in words, value
    assert sum("Channel 8" in page for page in pages) >= 5, "the header is repeated on every page of the table"
    assert "продолжение: столбцы" in "\n".join(pages), "too wide for A4: split into column groups"


def test_a_ptb_example_renders_as_a_draft(lab_trust):
    from coomet_lab.twin import make_twin

    from tests.helpers import EX01

    twin = make_twin(EX01.read_bytes(), trust=lab_trust)
    text = "\n".join(page_texts(twin.pdf))
    assert twin.draft and "Kalibrierfirma GmbH" in text and "ENTWURF" in text


def test_an_invalid_dcc_is_refused_with_its_findings(unsigned_dcc, lab_trust):
    from coomet_lab.twin import make_twin
    from coomet_lab.twin.errors import TwinRefusedError

    broken = unsigned_dcc.replace(b"<dcc:beginPerformanceDate>2026-11-18", b"<dcc:beginPerformanceDate>18.11.2026")
    with pytest.raises(TwinRefusedError, match="not a valid DCC") as caught:
        make_twin(broken, trust=lab_trust)
    assert caught.value.findings and "beginPerformanceDate" in str(caught.value.findings[0])


def test_a_dcc_whose_signature_is_not_trusted_is_refused(lab_trust):
    from coomet_lab.twin import make_twin
    from coomet_lab.twin.errors import TwinRefusedError

    from tests.helpers import EX02

    with pytest.raises(TwinRefusedError, match="intact-untrusted"):
        make_twin(EX02.read_bytes(), trust=lab_trust)


def test_a_tampered_signed_dcc_is_refused(signed_dcc, lab_trust):
    from coomet_lab.twin import make_twin
    from coomet_lab.twin.errors import TwinRefusedError

    with pytest.raises(TwinRefusedError, match="changed after it was signed"):
        make_twin(signed_dcc.replace(b"100.06", b"100.07"), trust=lab_trust)


def test_the_twin_shows_the_signed_content_not_an_injected_comment(signed_dcc, lab_trust):
    """A comment inside a signed value keeps the signature intact (c14n drops comments): the twin must print
    the value as signed, read from the verified content."""
    from coomet_lab.twin import make_twin

    injected = signed_dcc.replace(b"100.06", b"100.0<!-- x -->6", 1)
    twin = make_twin(injected, trust=lab_trust)
    words = "\n".join(page_texts(twin.pdf)).split()
    assert "100.06" in words and "100.0" not in words
