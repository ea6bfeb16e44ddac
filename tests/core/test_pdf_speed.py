"""The fast paths of the twin make the same file a slow path would: the QR code reportlab would draw, PAdES
signatures from a key reused across documents that verify and never mix keys, a broken signature value still
caught, the lower-level entry for an already verified DCC, and a benchmark that cleans up after itself."""

from __future__ import annotations

import hashlib
import io
import random

import pytest

from coomet_lab.trust import SigningError


def _payloads() -> list[str]:
    rng = random.Random(20261207)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/ _.абвгдÄÖÜ"
    payloads = [f"DCC: {''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))}\n"
                f"SHA-256: {hashlib.sha256(str(k).encode()).hexdigest()}" for k in range(120)]
    return payloads + ["x", "0123456789" * 30, "DCC: UT-2026-00417\nSHA-256: " + "0" * 64]


def test_the_qr_code_is_the_symbol_reportlab_would_draw():
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from coomet_lab.twin.layout import qr_modules

    for payload in _payloads():
        widget = QrCodeWidget(payload, barLevel="M")
        widget.qr.make()  # reportlab's own mask choice, eight symbols scored in pure Python
        assert qr_modules(payload) == widget.qr.modules, payload


def _signer_certificate(pdf: bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader

    (signature,) = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    return signature.signer_cert


def test_one_opened_key_signs_many_twins_and_two_keys_never_mix(signed_dcc, test_pki, lab_trust):
    """The pyHanko signer and the reserved size are kept per key: every twin still verifies, each carries the
    certificate of the key that signed it, also when an RSA key (a larger signature) follows an EC key."""
    from coomet_lab.twin import make_twin, verify_pdf
    from coomet_lab.twin.pades import asn1_certificate

    ec, rsa = test_pki.signer("ec"), test_pki.signer("rsa")
    twins = [(make_twin(signed_dcc, signer=ec, trust=lab_trust).pdf, ec),
             (make_twin(signed_dcc, signer=ec, trust=lab_trust).pdf, ec),
             (make_twin(signed_dcc, signer=rsa, trust=lab_trust).pdf, rsa),
             (make_twin(signed_dcc, signer=ec, trust=lab_trust).pdf, ec)]
    for pdf, signer in twins:
        report = verify_pdf(pdf, trust=lab_trust)
        assert report.valid, report.summary()
        assert _signer_certificate(pdf).dump() == asn1_certificate(signer.certificate).dump()
    assert twins[0][0] != twins[1][0]  # two documents, two signatures


class _WrongValue:
    """A key whose token answers with a signature over other bytes (a confused or faulty device)."""

    def __init__(self, signer):  # noqa: ANN001
        self._signer = signer
        self.certificate, self.chain, self.key_type = signer.certificate, signer.chain, signer.key_type
        self.signature_method, self.digest_method = signer.signature_method, signer.digest_method

    def digest(self, data: bytes) -> bytes:
        return self._signer.digest(data)

    def sign(self, data: bytes) -> bytes:
        return self._signer.sign(data + b"!")

    def close(self) -> None:
        self._signer.close()


def test_a_signature_value_that_does_not_verify_is_caught_and_nothing_returned(signed_dcc, test_pki, lab_trust):
    from coomet_lab.twin import render_twin
    from coomet_lab.twin.pades import sign_pdf, vendor

    pdf = render_twin(signed_dcc, trust=lab_trust, producer=vendor())
    good = test_pki.signer("ec")
    assert sign_pdf(pdf, good, trust=lab_trust)  # the same key, answering honestly, signs
    with pytest.raises(SigningError, match="the new PDF signature does not verify; nothing was written"):
        sign_pdf(pdf, _WrongValue(good), trust=lab_trust)


def test_the_twin_of_an_already_verified_dcc_is_the_same_twin(signed_dcc, test_pki, lab_trust):
    from coomet_lab.trust import verify_xml
    from coomet_lab.twin import make_verified_twin, verify_pdf

    from tests.pdfcheck import page_texts

    report = verify_xml(signed_dcc, trust=lab_trust)
    twin = make_verified_twin(signed_dcc, report, signer=test_pki.signer("ec"), trust=lab_trust)
    checked = verify_pdf(twin.pdf, trust=lab_trust)
    assert checked.valid, checked.summary()
    assert twin.sha256 == hashlib.sha256(signed_dcc).hexdigest() and twin.pades_signed and not twin.draft
    assert "UT-2026-00417" in page_texts(twin.pdf)[0]


def test_the_verified_entry_refuses_what_make_twin_refuses(signed_dcc, unsigned_dcc, lab_trust, test_pki):
    from coomet_lab.trust import verify_xml
    from coomet_lab.twin import make_verified_twin
    from coomet_lab.twin.errors import TwinRefusedError

    tampered = signed_dcc.replace(b"UT-2026-00417", b"UT-2026-00418", 1)
    with pytest.raises(TwinRefusedError, match="does not verify"):
        make_verified_twin(tampered, verify_xml(tampered, trust=lab_trust), signer=test_pki.signer("ec"),
                           trust=lab_trust)
    with pytest.raises(TwinRefusedError, match=r"does not verify \(unsigned\)"):
        make_verified_twin(unsigned_dcc, verify_xml(unsigned_dcc, trust=lab_trust), trust=lab_trust)


def test_the_benchmark_leaves_nothing_in_the_temporary_directory(tmp_path):
    import os
    import subprocess
    import sys

    from tests.helpers import REPO

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_pdf.py"), "--runs", "1",
                           "--first-runs", "1", "--sizes", "typical"], capture_output=True, text=True, env=env,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "typical (example)" in done.stdout
    assert list(temporary.iterdir()) == []


def test_two_threads_signing_with_one_key_each_get_a_valid_twin(signed_dcc, test_pki, lab_trust):
    from concurrent.futures import ThreadPoolExecutor

    from coomet_lab.twin import render_twin, verify_pdf
    from coomet_lab.twin.pades import sign_pdf, vendor

    pdf = render_twin(signed_dcc, trust=lab_trust, producer=vendor())
    signer = test_pki.signer("ec")
    with ThreadPoolExecutor(max_workers=2) as pool:
        signed = list(pool.map(lambda _: sign_pdf(pdf, signer, trust=lab_trust), range(6)))
    for twin in signed:
        assert verify_pdf(twin, trust=lab_trust).valid
