"""Forged PDF twins, made the way an attacker would with ordinary tools (pikepdf) and with the application's own
PAdES code and a key nobody here trusts. Used by the inspection tests and by the generator of the committed
attack files (``tests/data/attacks/stages/make_attacks.py``)."""

from __future__ import annotations

import io
import re

import pikepdf

SHOWN_NUMBER = re.compile(rb"\(([^()\\]*?)(\d)([.,]\d[^()\\]*)\) Tj")


def _save(document: pikepdf.Pdf) -> bytes:
    out = io.BytesIO()
    document.save(out, deterministic_id=True)
    return out.getvalue()


def forge_page_text(twin: bytes) -> bytes:
    """The first number shown on page 1 with its first digit changed (0→1, else n→n-1); all else untouched."""
    with pikepdf.open(io.BytesIO(twin)) as document:
        page = document.pages[0]
        streams = page.obj.Contents if isinstance(page.obj.Contents, pikepdf.Array) else [page.obj.Contents]
        for stream in streams:
            data = stream.read_bytes()
            match = SHOWN_NUMBER.search(data)
            if match:
                digit = match.group(2)
                forged = b"1" if digit == b"0" else bytes([digit[0] - 1])
                start = match.start(2)
                stream.write(data[:start] + forged + data[start + 1:])
                return _save(document)
    raise AssertionError("no number shown on page 1 to forge")


def swap_pages(twin: bytes, first: int = 0, second: int = 1) -> bytes:
    """Two pages exchanged (the page tree reordered, every page's content untouched)."""
    with pikepdf.open(io.BytesIO(twin)) as document:
        pages = list(document.pages)
        a, b = pages[first], pages[second]
        document.pages[first] = b
        document.pages[second] = a
        return _save(document)


def strip_signature(twin: bytes) -> bytes:
    """The twin as it was before PAdES signing: the incremental update (the signature) cut off."""
    marker = twin.rfind(b"%%EOF", 0, twin.rfind(b"%%EOF"))
    if marker < 0:
        raise AssertionError("the twin has no incremental update to cut off")
    return twin[:marker + len(b"%%EOF")] + b"\n"


def resign(twin: bytes, signer) -> bytes:  # noqa: ANN001
    """The twin's pages and dcc.xml kept, its PAdES signature replaced by one made with ``signer`` (the
    application's own PAdES code; no trust store, so any valid key signs)."""
    from coomet_lab.twin.pades import sign_pdf

    return sign_pdf(strip_signature(twin), signer, trust=None)
