"""The text a reader sees on each page, to check the hash and the numbers printed there.

Fast path: the page's content streams (and the form XObjects it draws, recursively) are inflated under the caps
of :mod:`coomet_lab.twin.limits`, parsed by qpdf, and the text operators are decoded with each font's ToUnicode
map (simple fonts, as reportlab writes them: about 1 ms a page). Text drawn invisibly (render mode 3 or 7),
images, and fonts this cannot decode are recorded, so the page checks can refuse what they cannot read. A page
where the fast path finds no hash is read again with pypdf's full text extraction (pypdf bounds its own
decompression), so a twin made by another tool is judged by what it shows, not by how it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coomet_lab.twin.limits import MAX_PAGE_STREAM_BYTES, MAX_SMALL_STREAM_BYTES, read_stream

HEX64 = re.compile(r"(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_OPERATORS = "Tf Tj TJ ' \" Tr q Q Do"
_POSITIONS = _OPERATORS + " BT Tm Td TD T* cm"  # a second pass, only on pages where parts of a number may meet
_MAX_FORM_DEPTH = 8


_WIDTHS: dict[tuple[int, int], tuple[int, list[float]]] = {}  # per call of page_texts (cleared there)


class _Undecodable(Exception):
    """A font the fast path does not decode."""


@dataclass
class PageText:
    """What the fast path read from one page."""

    text: str = ""
    decoded: bool = True  # False: a font without a usable ToUnicode map (the slow path's text is used)
    why: str = ""  # what could not be decoded
    fonts: dict[tuple[int, int], Any] = field(default_factory=dict)  # the font dictionaries text was drawn with
    unmapped: set[str] = field(default_factory=set)  # fonts with character codes their ToUnicode does not map
    invisible: bool = False  # text drawn with render mode 3 or 7 (not painted)
    images: int = 0
    annotations: list[str] = field(default_factory=list)  # annotations that can draw on the page (subtypes)


def page_texts(doc) -> list[PageText]:  # noqa: ANN001 (a pikepdf.Pdf)
    """Every page's text in drawing order, decoded with the fonts' own ToUnicode maps."""
    maps: dict[tuple[int, int], dict[int, str]] = {}
    _WIDTHS.clear()
    out = []
    for number, page in enumerate(doc.pages, start=1):
        result = PageText()
        result.annotations = _drawing_annotations(page)
        try:
            data = _contents(page, number)
            pieces: list[str] = []
            if _scan(doc, data, _resources(page.obj), pieces, result, maps, depth=0, seen=set(), precise=False):
                result, pieces = PageText(), []
                _scan(doc, data, _resources(page.obj), pieces, result, maps, depth=0, seen=set(), precise=True)
            result.text = "\n".join(pieces)
        except _Undecodable as exc:
            result.decoded, result.why = False, str(exc)
        out.append(result)
    return out


def _drawing_annotations(page) -> list[str]:  # noqa: ANN001
    """Annotations that can show something on the page. A twin has only its invisible signature field (a widget
    with a zero-area rectangle) and, perhaps, links (which draw nothing without an appearance)."""
    import pikepdf

    out = []
    for annotation in page.obj.get("/Annots", []):
        if not isinstance(annotation, pikepdf.Dictionary):
            continue
        subtype = str(annotation.get("/Subtype", "?"))
        try:
            x0, y0, x1, y1 = (float(v) for v in annotation.get("/Rect", [0, 0, 0, 0]))
        except (TypeError, ValueError):
            x0 = y0 = x1 = y1 = 1.0
        empty = abs(x1 - x0) < 0.01 or abs(y1 - y0) < 0.01
        if (subtype == "/Widget" and empty) or (subtype == "/Link" and "/AP" not in annotation):
            continue
        out.append(subtype)
    return out


def hashes_on_pages(doc, data: bytes, texts: list[PageText] | None = None) -> list[set[str]]:  # noqa: ANN001
    """The 64-digit hexadecimal strings shown on each page (lower case)."""
    texts = texts if texts is not None else page_texts(doc)
    found: list[set[str]] = []
    slow_reader = None
    for index, page in enumerate(texts):
        hashes = {h.lower() for h in HEX64.findall(page.text)} if page.decoded else set()
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


def _resources(holder) -> Any:  # noqa: ANN001, ANN401
    return holder.get("/Resources", {}) if holder is not None else {}


def _contents(page, number: int) -> bytes:  # noqa: ANN001
    import pikepdf

    contents = page.obj.get("/Contents")
    if contents is None:
        return b""
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    parts = [read_stream(s, limit=MAX_PAGE_STREAM_BYTES, what=f"the content of page {number}") for s in streams]
    if sum(map(len, parts)) > MAX_PAGE_STREAM_BYTES:
        from coomet_lab.twin.limits import PdfTooLargeError

        raise PdfTooLargeError(f"the content of page {number} is more than {MAX_PAGE_STREAM_BYTES >> 20} MB, more "
                               "than a twin's page ever holds; refused")
    return b"\n".join(parts)


def _scan(doc, data: bytes, resources, pieces: list[str], result: PageText,  # noqa: ANN001, PLR0913, C901, PLR0912, PLR0915
          maps: dict[tuple[int, int], dict[int, str]], *, depth: int, seen: set[tuple[int, int]],
          precise: bool) -> bool:
    """Decode the text operators in drawing order. A number drawn in two parts that meet exactly (reportlab draws
    a decimal-aligned cell as ``0`` and ``.025``, the second starting where the first ends) is joined again; every
    other piece of text is a separate line. Positions (text space, from ``Tm``/``Td`` and the fonts' widths) are
    worked out only in the ``precise`` pass, which runs only on a page where the first pass found such a
    candidate (it returns whether it did)."""
    import pikepdf

    fonts = resources.get("/Font", {})
    xobjects = resources.get("/XObject", {})
    current: dict[int, str] | None = None
    current_font: pikepdf.Object | None = None
    size = 0.0
    key: tuple[int, int] | None = None
    render_modes = [0]
    line: tuple[float, float] | None = None  # the start of the current text line; None: not known
    point: tuple[float, float] | None = None  # where the next show starts; None: not known
    ended: tuple[float, float] | None = None  # where the last simple Tj ended, while nothing else intervened
    candidates = False
    operators = _POSITIONS if precise else _OPERATORS
    for instruction in pikepdf.parse_content_stream(pikepdf.Stream(doc, data), operators):
        operands, op = instruction.operands, str(instruction.operator)
        if op == "Tj" or op == "TJ" or op == "'" or op == '"':  # noqa: PLR1714 (the hot path)
            if current is None or current_font is None or key is None:  # the three are set together, by Tf
                raise _Undecodable("text is drawn before any font is chosen")
            if op == "'" or op == '"':  # noqa: PLR1714 (next line: its position needs TL, not tracked)
                line = point = None
            strings = operands[0] if op == "TJ" else [operands[-1]]
            raw = b"".join(bytes(s) for s in strings if isinstance(s, pikepdf.String))
            text = "".join(current.get(b, "\ufffd") for b in raw)
            if "\ufffd" in text:
                result.unmapped.add(str(current_font.get("/BaseFont", "?")))
            if render_modes[-1] in (3, 7):
                result.invisible = result.invisible or bool(text.strip())
            candidate = (op == "Tj" and text[:1] == "." and text[1:2].isdigit() and bool(pieces)
                         and pieces[-1][-1:].isdigit())
            if candidate and ended is not None and point is not None and _close(ended, point):
                pieces[-1] += text
            else:
                candidates = candidates or candidate
                pieces.append(text)
            if precise and op == "Tj" and point is not None:
                first, table = _WIDTHS[key]
                advance = sum(table[b - first] if 0 <= b - first < len(table) else 0.0 for b in raw) * size / 1000
                point = ended = (point[0] + advance, point[1])
            else:
                point = ended = None
        elif op == "BT":  # the text matrix restarts; the user space (and so ``ended``) stays the same
            line = point = (0.0, 0.0)
        elif op == "Tm":
            a, b, c, d, e, f = (float(v) for v in operands)
            line = point = (e, f) if (a, b, c, d) == (1.0, 0.0, 0.0, 1.0) else None
        elif op == "Td" or op == "TD":  # noqa: PLR1714
            line = point = (line[0] + float(operands[0]), line[1] + float(operands[1])) if line is not None else None
        elif op == "T*":
            line = point = None
        elif op == "Tf":
            name = str(operands[0])
            if name not in fonts:
                raise _Undecodable(f"the font resource {name} does not exist")
            current_font = fonts[name]
            size = float(operands[1]) if precise else 0.0
            key = current_font.objgen
            if key not in maps:
                maps[key] = _unicode_map(current_font)
                _WIDTHS[key] = (int(current_font.get("/FirstChar", 0)),
                                [float(w) for w in current_font.get("/Widths", [])])
            current = maps[key]
            result.fonts[key] = current_font
        elif op == "q":
            render_modes.append(render_modes[-1])
        elif op == "Q":
            if len(render_modes) > 1:
                render_modes.pop()
            ended = None
        elif op == "cm":
            ended = None
        elif op == "Tr":
            render_modes[-1] = int(operands[0])
        elif op == "Do":
            candidates = _draw_xobject(doc, xobjects, str(operands[0]), pieces, result, maps, depth=depth,
                                       seen=seen, inherited=resources, precise=precise) or candidates
            ended = None
    return candidates


def _close(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 0.05 and abs(a[1] - b[1]) < 0.05


def _draw_xobject(doc, xobjects, name: str, pieces: list[str], result: PageText,  # noqa: ANN001, PLR0913
                  maps: dict[tuple[int, int], dict[int, str]], *, depth: int, seen: set[tuple[int, int]],
                  inherited, precise: bool) -> bool:  # noqa: ANN001
    """Text inside a form XObject is text on the page: read it too (depth-limited, each form once per page)."""
    if name not in xobjects:
        return False
    xobject = xobjects[name]
    subtype = str(xobject.get("/Subtype", ""))
    if subtype == "/Image":
        result.images += 1
        return False
    if subtype != "/Form" or xobject.objgen in seen:
        return False
    if depth >= _MAX_FORM_DEPTH:
        raise _Undecodable(f"forms are nested more than {_MAX_FORM_DEPTH} deep")
    seen.add(xobject.objgen)
    data = read_stream(xobject, limit=MAX_PAGE_STREAM_BYTES, what=f"the form {name} drawn on a page")
    resources = xobject.get("/Resources") or inherited
    return _scan(doc, data, resources, pieces, result, maps, depth=depth + 1, seen=seen, precise=precise)


def _unicode_map(font) -> dict[int, str]:  # noqa: ANN001
    if str(font.get("/Subtype")) == "/Type0" or "/ToUnicode" not in font:
        raise _Undecodable(f"the font {font.get('/BaseFont', '?')} is composite or has no ToUnicode map")
    cmap = read_stream(font.ToUnicode, limit=MAX_SMALL_STREAM_BYTES,
                       what=f"the ToUnicode map of the font {font.get('/BaseFont')}")
    spaces = _CODESPACE.findall(cmap)
    if not spaces or any(len(code) != 2 for block in spaces for code in _HEX.findall(block)):
        raise _Undecodable(f"the font {font.get('/BaseFont', '?')} uses multi-byte codes")
    mapping: dict[int, str] = {}
    for block in _BFCHAR.findall(cmap):
        values = _HEX.findall(block)
        for source, target in zip(values[0::2], values[1::2], strict=False):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(cmap):
        for line in block.splitlines():
            values = _HEX.findall(line)
            if len(values) == 3 and b"[" not in line:
                start, end, target = int(values[0], 16), int(values[1], 16), int(values[2], 16)
                for offset in range(min(end - start + 1, 256)):
                    mapping[start + offset] = chr(target + offset)
            elif len(values) >= 3:
                start = int(values[0], 16)
                for offset, target in enumerate(values[2:]):
                    mapping[start + offset] = bytes.fromhex(target.decode()).decode("utf-16-be", "replace")
    return mapping
