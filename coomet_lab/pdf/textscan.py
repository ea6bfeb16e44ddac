"""The text a reader sees on each page, to check the hash printed there.

Fast path: qpdf parses the page content streams and the text operators are decoded with each font's ToUnicode
map (simple fonts, as reportlab writes them: about 1 ms a page). A page whose fonts this cannot decode, or where
the fast path finds no hash, is read again with pypdf's full text extraction (about 15 ms a page), so a twin made
by another tool is judged by what it shows, not by how it was written.
"""

from __future__ import annotations

import re

HEX64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)


class _Undecodable(Exception):
    """A font the fast path does not decode."""


def hashes_on_pages(doc, data: bytes) -> list[set[str]]:  # noqa: ANN001 (a pikepdf.Pdf)
    """The 64-digit hexadecimal strings shown on each page (lower case)."""
    found: list[set[str]] = []
    slow_reader = None
    for index, page in enumerate(doc.pages):
        try:
            text = _fast_text(page)
            hashes = {h.lower() for h in HEX64.findall(text)}
        except _Undecodable:
            hashes = set()
        if not hashes:
            if slow_reader is None:
                import io

                import pypdf

                slow_reader = pypdf.PdfReader(io.BytesIO(data))
            text = slow_reader.pages[index].extract_text() or ""
            hashes = {h.lower() for h in HEX64.findall(text.replace("\n", ""))} | {
                h.lower() for h in HEX64.findall(text)}
        found.append(hashes)
    return found


def _fast_text(page) -> str:  # noqa: ANN001
    import pikepdf

    fonts = page.Resources.get("/Font", {}) if "/Resources" in page else {}
    maps: dict[str, dict[int, str]] = {}
    current: dict[int, str] | None = None
    pieces: list[str] = []
    for operands, operator in pikepdf.parse_content_stream(page, "Tf Tj TJ ' \""):
        op = str(operator)
        if op == "Tf":
            name = str(operands[0])
            if name not in maps:
                if name not in fonts:
                    raise _Undecodable(name)
                maps[name] = _unicode_map(fonts[name])
            current = maps[name]
            continue
        if current is None:
            raise _Undecodable("text before a font")
        strings = operands[0] if op == "TJ" else [operands[-1]]
        pieces.append("".join(_decode(bytes(s), current) for s in strings if isinstance(s, pikepdf.String)))
    return "\n".join(pieces)


def _decode(raw: bytes, mapping: dict[int, str]) -> str:
    return "".join(mapping.get(b, "\ufffd") for b in raw)


def _unicode_map(font) -> dict[int, str]:  # noqa: ANN001
    if str(font.get("/Subtype")) == "/Type0" or "/ToUnicode" not in font:
        raise _Undecodable("composite font or no ToUnicode map")
    cmap = font.ToUnicode.read_bytes()
    spaces = _CODESPACE.findall(cmap)
    if not spaces or any(len(code) != 2 for block in spaces for code in _HEX.findall(block)):
        raise _Undecodable("multi-byte codes")
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        values = _HEX.findall(block)
        for source, target in zip(values[0::2], values[1::2]):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(cmap):
        for line in block.splitlines():
            values = _HEX.findall(line)
            if len(values) == 3 and b"[" not in line:
                start, end, target = int(values[0], 16), int(values[1], 16), int(values[2], 16)
                for offset in range(end - start + 1):
                    mapping[start + offset] = chr(target + offset)
            elif len(values) >= 3:
                start = int(values[0], 16)
                for offset, target in enumerate(values[2:]):
                    mapping[start + offset] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    return mapping
