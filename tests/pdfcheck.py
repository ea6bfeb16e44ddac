"""Helpers for PDF twin tests: page text with poppler's pdftotext (an independent reader), structure with pikepdf."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import pikepdf


def page_texts(pdf: bytes) -> list[str]:
    """The text of every page, read by poppler's pdftotext (Debian poppler-utils)."""
    assert shutil.which("pdftotext"), "pdftotext (Debian poppler-utils) is needed: scripts/system-deps.sh installs it"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "twin.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                             check=True).stdout.decode("utf-8")
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def open_pdf(pdf: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(pdf))


def all_fonts(doc: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font dictionary in the file (pages, forms, descendants)."""
    fonts = []
    for obj in doc.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font:
            fonts.append(obj)
    return fonts
