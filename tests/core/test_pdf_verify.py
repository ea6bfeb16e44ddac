"""Verifying a twin, and every way it must fail: a flipped byte, an incremental update that swaps the embedded
DCC, pages that show another hash, a wrong or impostor CA, an expired or revoked signer, no signature at all."""

from __future__ import annotations

import io

import pytest

from coomet_lab.trust import SigningError, TrustStore
from coomet_lab.twin import verify_pdf


def test_the_good_twin_verifies(signed_twin, lab_trust):
    report = verify_pdf(signed_twin, trust=lab_trust)
    assert report.valid, report.summary()
    (pades,) = report.signatures
    assert pades.intact and pades.valid and pades.trusted
    assert (pades.coverage, pades.modification_level) == ("ENTIRE_FILE", "NONE")
    assert report.xml.valid and report.pages_showing_hash == report.pages >= 2
    assert report.to_json()["verdict"] == "valid"


def test_pyhanko_bottom_line_for_the_good_twin(signed_twin, test_pki):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    from coomet_lab.twin.pades import asn1_certificate

    context = ValidationContext(trust_roots=[asn1_certificate(test_pki.ca_certificate)], allow_fetching=False,
                                revocation_mode="soft-fail")
    (signature,) = PdfFileReader(io.BytesIO(signed_twin)).embedded_signatures
    status = validate_pdf_signature(signature, context)
    assert status.bottom_line and status.coverage.name == "ENTIRE_FILE" and status.modification_level.name == "NONE"
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"


def test_a_flipped_byte_breaks_the_signature(signed_twin, lab_trust):
    position = signed_twin.index(b"UT-2026-00417")  # in the XMP packet, inside the signed byte range
    tampered = bytearray(signed_twin)
    tampered[position + 12] ^= 0x01  # ...00417 -> ...00416
    report = verify_pdf(bytes(tampered), trust=lab_trust)
    assert report.verdict == "invalid"
    assert report.signatures[0].intact is False
    assert any("changed after signing" in r for r in report.reasons)


def _swap_embedded_xml(pdf: bytes, new_xml: bytes) -> bytes:
    """What an attacker can do without the key: an incremental update that points dcc.xml at other bytes."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    spec_ref = writer.root["/AF"].raw_get(0)
    spec = spec_ref.get_object()
    stream = generic.StreamObject({generic.NameObject("/Type"): generic.NameObject("/EmbeddedFile"),
                                   generic.NameObject("/Subtype"): generic.NameObject("/text#2Fxml")},
                                  stream_data=new_xml)
    ref = writer.add_object(stream)
    spec["/EF"][generic.NameObject("/F")] = ref
    spec["/EF"][generic.NameObject("/UF")] = ref
    writer.mark_update(spec_ref)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_an_incremental_update_swapping_the_dcc_is_refused(signed_twin, signed_dcc, lab_trust):
    swapped = _swap_embedded_xml(signed_twin, signed_dcc.replace(b"100.06", b"100.07"))
    report = verify_pdf(swapped, trust=lab_trust)
    assert report.verdict == "invalid"
    pades = report.signatures[0]
    assert pades.intact  # the signed revision itself is untouched...
    assert pades.coverage != "ENTIRE_FILE" and pades.modification_level not in (None, "NONE")  # ...but not the file
    assert report.xml.verdict == "invalid"  # and the swapped DCC's own signature fails
    assert any("changed after it was signed" in r for r in report.xml.signatures[0].reasons)
    assert any("not printed on pages 1, 2, 3" in p for p in report.problems)


def test_a_swap_for_another_validly_signed_dcc_is_still_refused(signed_twin, unsigned_dcc, test_pki, lab_trust):
    """The other DCC verifies on its own: the PDF signature and the printed hash are what refuse it."""
    from coomet_lab.trust import sign_xml

    other = sign_xml(unsigned_dcc.replace(b"100.06", b"100.07"), test_pki.signer("ec"), trust=lab_trust)
    report = verify_pdf(_swap_embedded_xml(signed_twin, other), trust=lab_trust)
    assert report.xml.valid
    assert report.verdict == "invalid"
    assert any("does not cover the whole file" in r for r in report.reasons)
    assert any("another SHA-256" in p for p in report.problems)


def test_pages_that_show_another_hash_are_refused(signed_dcc, test_pki, lab_trust):
    """A twin whose pages were not rendered from the DCC inside it, signed by a trusted key all the same."""
    from coomet_lab.twin import pdfa
    from coomet_lab.twin.fonts import resolve_fonts
    from coomet_lab.twin.make import prepare
    from coomet_lab.twin.pades import sign_pdf, vendor
    from coomet_lab.twin.render import render_pages

    prepared = prepare(signed_dcc, trust=lab_trust)
    pages = render_pages(prepared.certificate, sha256="ab" * 32, draft=False, fonts=resolve_fonts())
    pdf = pdfa.finish(pages.pdf, xml=signed_dcc, producer=vendor())
    report = verify_pdf(sign_pdf(pdf, test_pki.signer("ec"), trust=lab_trust), trust=lab_trust)
    assert report.signatures[0].trusted and report.xml.valid
    assert report.verdict == "invalid"
    assert any("another SHA-256 (abababababababab…)" in p for p in report.problems)


def test_a_wrong_ca_does_not_trust_the_twin(signed_twin, test_pki, tmp_path):
    report = verify_pdf(signed_twin, trust=TrustStore.with_files([test_pki.other_ca_pem], folder=tmp_path))
    assert report.verdict == "intact-untrusted" and not report.valid
    assert not report.signatures[0].trusted and report.signatures[0].intact


def test_an_impostor_ca_with_the_same_name_is_not_trusted(signed_dcc, test_pki, lab_trust):
    from coomet_lab.twin import render_twin
    from coomet_lab.twin.pades import sign_pdf

    pdf = render_twin(signed_dcc, trust=lab_trust)
    forged = sign_pdf(pdf, test_pki.signer("impostor"), trust=None)  # the impostor trusts itself
    report = verify_pdf(forged, trust=lab_trust)
    assert report.verdict == "intact-untrusted"
    assert any("another CA using the same name" in r for r in report.signatures[0].reasons)


def _forced_signature(pdf: bytes, signer) -> bytes:  # noqa: ANN001
    """Sign with pyHanko directly, past the application's pre-flight (pyHanko signs with anything)."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    from coomet_lab.twin.pades import _backend_signer, _producer_for_signing

    meta = signers.PdfSignatureMetadata(field_name="LabSignature", md_algorithm="sha256",
                                        subfilter=SigSeedSubFilter.PADES)
    writer = IncrementalPdfFileWriter(io.BytesIO(_producer_for_signing(pdf)))
    return signers.PdfSigner(meta, _backend_signer(signer)).sign_pdf(writer).getvalue()


def test_an_expired_signer_is_refused_and_never_trusted(signed_dcc, test_pki, lab_trust):
    from coomet_lab.twin import make_twin, render_twin

    with pytest.raises(SigningError, match="expired"):
        make_twin(signed_dcc, signer=test_pki.signer("expired"), trust=lab_trust)
    forced = _forced_signature(render_twin(signed_dcc, trust=lab_trust), test_pki.signer("expired"))
    report = verify_pdf(forced, trust=lab_trust)
    assert report.signatures[0].intact and not report.signatures[0].trusted
    assert report.verdict == "intact-untrusted"
    assert any("expired" in r for r in report.signatures[0].reasons)


def test_a_revoked_signer_is_refused_where_the_crl_is_known(signed_dcc, test_pki, tmp_path):
    from coomet_lab.twin import make_twin, render_twin

    store = TrustStore(tmp_path / "trust")
    store.add(test_pki.ca_pem.read_bytes())
    store.add_crl(test_pki.crl.read_bytes())
    with pytest.raises(SigningError, match="revoked"):
        make_twin(signed_dcc, signer=test_pki.signer("revoked"), trust=store)
    forced = _forced_signature(render_twin(signed_dcc, trust=store), test_pki.signer("revoked"))
    report = verify_pdf(forced, trust=store)
    assert not report.signatures[0].trusted and report.verdict == "intact-untrusted"
    assert any("revoked" in r for r in report.signatures[0].reasons)
    # without the CRL nobody can know: trusted, and the report says revocation was not checked
    without = verify_pdf(forced, trust=TrustStore.with_files([test_pki.ca_pem], folder=tmp_path / "empty"))
    assert without.signatures[0].trusted
    assert any("revocation" in n and "not checked" in n for n in without.signatures[0].notes)


def test_a_draft_twin_is_unsigned(draft_twin, lab_trust):
    report = verify_pdf(draft_twin, trust=lab_trust)
    assert report.verdict == "unsigned" and not report.valid
    assert "the PDF carries no signature (PAdES)" in report.reasons
    assert report.pages_showing_hash == report.pages  # the draft still shows its hash


def test_a_pdf_without_a_dcc_is_not_a_twin(lab_trust):
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 100, "just a PDF")
    canvas.save()
    report = verify_pdf(buffer.getvalue(), trust=lab_trust)
    assert report.verdict == "invalid"
    assert any("no associated file dcc.xml" in p for p in report.problems)


def test_what_is_not_a_pdf_is_unusable(lab_trust):
    from coomet_lab.twin.errors import UnreadablePdfError

    with pytest.raises(UnreadablePdfError, match="not a PDF"):
        verify_pdf(b"<dcc/>", trust=lab_trust)
    with pytest.raises(UnreadablePdfError, match="cannot be read"):
        verify_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 20, trust=lab_trust)


def test_the_embedded_dcc_can_be_taken_out(signed_twin, signed_dcc):
    from coomet_lab.twin import embedded_dcc

    assert embedded_dcc(signed_twin) == signed_dcc
