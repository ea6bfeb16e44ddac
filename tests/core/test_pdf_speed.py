"""The fast paths of the twin make the same file a slow path would: the QR code reportlab would draw, PAdES
signatures from a key reused across documents that verify and never mix keys, a broken signature value still
caught, the lower-level entry for an already verified DCC, and a benchmark that cleans up after itself."""

from __future__ import annotations

import hashlib
import io
import random

import pytest

from coomet_lab.signing import SigningError


def _payloads() -> list[str]:
    rng = random.Random(20261207)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-/ _.абвгдÄÖÜ"
    payloads = [f"DCC: {''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))}\n"
                f"SHA-256: {hashlib.sha256(str(k).encode()).hexdigest()}" for k in range(120)]
    return payloads + ["x", "0123456789" * 30, "DCC: UT-2026-00417\nSHA-256: " + "0" * 64]


def test_the_qr_code_is_the_symbol_reportlab_would_draw():
    from reportlab.graphics.barcode.qr import QrCodeWidget

    from coomet_lab.pdf.layout import qr_modules

    for payload in _payloads():
        widget = QrCodeWidget(payload, barLevel="M")
        widget.qr.make()  # reportlab's own mask choice, eight symbols scored in pure Python
        assert qr_modules(payload) == widget.qr.modules, payload
