"""Do the pages say what the signed XML says? The check behind "a twin is valid only if its pages match its DCC".

The printed SHA-256 only proves which XML the pages *claim* to come from; a twin signed by the lab's own key can
still show other numbers (pages edited before PAdES signing, or a rendering bug). So verification reads the
numbers again, from the page text layer, and compares them with the **verified** XML (the content its XAdES
signature covers), independently of the layout:

1. **Every result value is printed, as written.** Each value, uncertainty and list entry of the DCC's
   measurement results (``si:value``, ``si:valueXMLList``, the uncertainty values) appears on the pages at least
   as often as in the DCC, digit for digit (``0.020`` is not ``0.02``), and the entries of each list appear in
   their order. Data the twin announces as "in the embedded DCC only" (complex quantities, multivariate
   uncertainties, coverage intervals) and the measuring equipment's own quantities are not required.
2. **No number that is not the DCC's.** Every number on the pages is a number of the verified XML (values,
   uncertainties, coverage factors, dates — also as ``DD.MM.YYYY`` —, identifiers, addresses), a number of the
   captions, of a verified signature (signer, time), a page or section number, a time stamp, the SHA-256, or an
   axis label of a plot (a run of equally spaced round numbers).
3. **The pages are the twin's, in order**: page N of M shows its own "N … M" label and the certificate number.
4. **The glyphs are what the text layer says**: every font text is drawn with is an embedded TrueType subset of
   DejaVu Sans / Sans Bold / Sans Mono (the fonts the app ships, :mod:`coomet_lab.twin.fonts`), and every code of
   its ToUnicode map draws exactly DejaVu's outline for that character (a ``1`` glyph mapped to ``7`` is found).
   No text is drawn invisibly, and no page carries an image.

Not proven (docs/pdf-twin.md): text drawn as vector paths (the plot's curves, the QR code) is not read; colours
and positions are not checked (white text, text outside the page box, text hidden under a filled rectangle);
the order check follows the content stream's drawing order, not the visual one.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections import Counter
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

from coomet_lab.twin import forms
from coomet_lab.twin.textscan import HEX64, PageText

NUMBER = re.compile(r"[-+]?(?:\d+(?:[.,]\d+)*|[.,]\d+)(?:[eE][-+]?\d+)?")  # "-39.982", ".5", "1.5E-03", "0,15"
TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|\s?UTC|[+-]\d{2}:?\d{2})?")
ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
SHA_NAME = re.compile(r"SHA-?(?:1|224|256|384|512)\b")
SI = "https://ptb.de/si"
DCC = "https://ptb.de/dcc"
REQUIRED = {"value", "valueXMLList", "valueExpandedMU", "valueExpandedMUXMLList", "valueStandardMU",
            "valueStandardMUXMLList", "uncertainty", "uncertaintyXMLList"}
NOT_PRINTED = ("complex", "Complex", "Multivariate", "covariance", "coverageInterval", "ellipsoidal",
               "rectangular", "measuringEquipments", "usedMethods", "measurementMetaData")
FONTS = {"DejaVuSans": "regular", "DejaVuSans-Bold": "bold", "DejaVuSansMono": "mono"}
SUBSET = re.compile(r"^/[A-Z]{6}\+(.+)$")
NICE = {Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)}
SHOWN = 5  # examples named in one reason


def check_pages(texts: list[PageText], xml: bytes, *, identifier: str | None, extra_texts: list[str],
                verification: bool) -> tuple[list[str], list[str]]:
    """(problems, notes) of the page checks (see the module docstring). ``xml`` is the verified content;
    ``extra_texts`` are the verified signatures' signer names and times; ``verification`` says the DCC is a
    verification certificate or notice (Order 2510), whose form prints a decision, not measured values."""
    from lxml import etree

    from coomet_lab.kernel.xmlsafe import parse_bytes

    problems: list[str] = []
    notes: list[str] = []
    root = parse_bytes(xml, large=True, source="the embedded DCC (signed content)").getroot()
    unreadable = [i + 1 for i, t in enumerate(texts) if not t.decoded]
    if unreadable:
        why = next(t.why for t in texts if not t.decoded)
        problems.append(f"the text of page{_s(unreadable)} {_pages(unreadable)} cannot be read ({why}; a twin uses "
                        "only embedded DejaVu subsets), so the numbers shown there cannot be compared with the DCC")
        return problems, notes  # what was read of the other pages would only add noise to that reason
    page_tokens = [_tokens(t.text) for t in texts]
    problems += _fonts_and_drawing(texts, notes)
    problems += _labels(texts, identifier)
    allowed = set(_tokens(" ".join(_all_text(root, etree)))) | _caption_tokens()
    allowed |= set(_tokens(" ".join(extra_texts)))
    for year, month, day in ISO_DATE.findall(" ".join(_all_text(root, etree))):
        allowed.add(f"{day}.{month}.{year}")
    foreign = _foreign(page_tokens, allowed, len(texts))
    if foreign:
        shown = ", ".join(f"{value} (page {page})" for value, page in foreign[:SHOWN])
        problems.append(f"the pages show number{_s(foreign)} that the signed DCC does not contain: {shown}"
                        f"{' …' if len(foreign) > SHOWN else ''}; the pages do not say what the DCC says")
    if not verification:
        problems += _required(root, [tok for tokens in page_tokens for tok in tokens])
    return problems, notes


# ------------------------------------------------------------------------------------------------ tokens


def _tokens(text: str) -> list[str]:
    """The number tokens of a text as written, with hashes, "SHA-256" and date-times left out."""
    text = text.replace("\u2212", "-")
    text = HEX64.sub(" ", text)
    text = SHA_NAME.sub(" ", text)
    text = TIMESTAMP.sub(" ", text)
    return NUMBER.findall(text)


def _all_text(root, etree) -> list[str]:  # noqa: ANN001
    out = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions are not signed content anyone reads
        if element.text:
            out.append(element.text)
        if element.tail:
            out.append(element.tail)
        out += list(element.attrib.values())
    return out


def _caption_tokens() -> frozenset[str]:
    """Numbers the layouts' own captions may print: the calibration captions and every registered form's."""
    return _caption_tokens_of(forms.registered_forms())


@functools.lru_cache(maxsize=4)
def _caption_tokens_of(registered: tuple[forms.Form, ...]) -> frozenset[str]:
    data = json.loads(resources.files("coomet_lab").joinpath("data/pdf-captions.json").read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(node: Any) -> None:  # noqa: ANN401
        if isinstance(node, str):
            texts.append(re.sub(r"\{\w+\}", " ", node))
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data.get("captions", data))
    for form in registered:  # a jurisdiction's form prints captions of its own
        if form.captions is not None:
            walk(form.captions())
    return frozenset(_tokens(" ".join(texts)))


def _decimal(token: str) -> Decimal | None:
    try:
        return Decimal(token)
    except InvalidOperation:
        return None


# ------------------------------------------------------------------------------------------------ numbers


def _foreign(page_tokens: list[list[str]], allowed: set[str], pages: int) -> list[tuple[str, int]]:
    found = []
    small = max(pages, 50)
    for number, tokens in enumerate(page_tokens, start=1):
        ticks = _axis_labels(tokens)
        for index, token in enumerate(tokens):
            if token in allowed or index in ticks:
                continue
            if token.isdigit() and not token.startswith("0") and int(token) <= small:
                continue  # page and section numbers
            found.append((token, number))
    return found


def _axis_labels(tokens: list[str]) -> set[int]:
    """Indexes of tokens in runs of two or more equally spaced round numbers with the same decimals: the labels
    of a plot's axis (``0.00 0.02 0.04``, ``0 50 100 150``)."""
    out: set[int] = set()
    values = [_decimal(t) if "," not in t and "e" not in t.lower() else None for t in tokens]
    start = 0
    while start < len(tokens) - 1:
        end = start
        step = None
        while end + 1 < len(tokens):
            this, following = values[end], values[end + 1]
            if this is None or following is None or _decimals(tokens[end]) != _decimals(tokens[end + 1]):
                break
            difference = following - this
            if step is None:
                if not _nice(difference):
                    break
                step = difference
            elif difference != step:
                break
            end += 1
        if end > start:
            out.update(range(start, end + 1))
            start = end
        else:
            start += 1
    return out


def _decimals(token: str) -> int:
    return len(token.split(".")[1]) if "." in token else 0


def _nice(step: Decimal) -> bool:
    if step == 0:
        return False
    mantissa = abs(step).scaleb(-abs(step).adjusted())
    return mantissa.normalize() in NICE


def _required(root, page_tokens: list[str]) -> list[str]:  # noqa: ANN001
    """Every printed kind of result value appears as often as in the DCC, each list in its order."""
    needed: Counter[str] = Counter()
    lists: list[list[str]] = []
    for element in root.iter(f"{{{SI}}}*"):
        local = element.tag.split("}")[1]
        if local not in REQUIRED or not _printed(element):
            continue
        tokens = _tokens(element.text or "")  # as the pages are read: "0.020" stays "0.020"
        needed.update(tokens)
        if len(tokens) > 1:
            lists.append(tokens)
    shown = Counter(page_tokens)
    missing = sorted((t for t in needed if shown[t] < needed[t]), key=lambda t: -needed[t])
    problems = []
    if missing:
        examples = ", ".join(f"{t} ({needed[t]}× in the DCC, {shown[t]}× on the pages)" for t in missing[:SHOWN])
        problems.append(f"result value{_s(missing)} of the signed DCC {'are' if len(missing) > 1 else 'is'} not "
                        f"printed as often as the DCC states {'them' if len(missing) > 1 else 'it'}: {examples}"
                        f"{' …' if len(missing) > SHOWN else ''}; the pages do not say what the DCC says")
    elif any(not _in_order(values, page_tokens) for values in lists):
        bad = next(values for values in lists if not _in_order(values, page_tokens))
        problems.append(f"the values of a result list are not printed in the DCC's order ({' '.join(bad[:6])}"
                        f"{' …' if len(bad) > 6 else ''}): rows or pages were rearranged")
    return problems


def _printed(element) -> bool:  # noqa: ANN001
    """Inside the measurement results and in a part the twin prints."""
    inside = False
    for ancestor in element.iterancestors():
        name = ancestor.tag.split("}")[1] if isinstance(ancestor.tag, str) and "}" in ancestor.tag else ""
        if any(marker in name for marker in NOT_PRINTED):
            return False
        if name == "measurementResults":
            inside = True
    return inside


def _in_order(values: list[str], stream: list[str]) -> bool:
    position = 0
    for value in values:
        try:
            position = stream.index(value, position) + 1
        except ValueError:
            return False
    return True


# ------------------------------------------------------------------------------------------------ pages


@functools.lru_cache(maxsize=1)
def _page_labels() -> tuple[re.Pattern[str], ...]:
    """The twin's own "page N of M" in each caption language (data/pdf-captions.json), spaces as extracted text
    gives them: a page number is read only where the layout prints one, never from any "2 … 4" on the page."""
    data = json.loads(resources.files("coomet_lab").joinpath("data/pdf-captions.json").read_text(encoding="utf-8"))
    captions = data.get("captions", data)["page"]
    patterns = []
    for template in captions.values():
        parts = re.split(r"(\{[nm]\})", template)
        regex = "".join(f"(?P<{part[1]}>\\d+)" if part in ("{n}", "{m}") else
                        "".join(r"\s*" if char.isspace() else re.escape(char) for char in part) for part in parts)
        patterns.append(re.compile(regex))
    return tuple(patterns)


def _labels(texts: list[PageText], identifier: str | None) -> list[str]:
    total = len(texts)
    wrong, foreign = [], []
    for number, page in enumerate(texts, start=1):
        if not page.decoded:
            continue
        pairs = {(int(m["n"]), int(m["m"])) for pattern in _page_labels() for m in pattern.finditer(page.text)}
        if (number, total) not in pairs:
            wrong.append(number)
        if identifier and identifier not in page.text:
            foreign.append(number)
    problems = []
    if wrong:
        problems.append(f"page{_s(wrong)} {_pages(wrong)} of {total} do{'es' if len(wrong) == 1 else ''} not show "
                        f"{'its' if len(wrong) == 1 else 'their'} own page number \"N of {total}\": pages were "
                        "removed, added, duplicated or rearranged")
    if foreign:
        problems.append(f"page{_s(foreign)} {_pages(foreign)} do{'es' if len(foreign) == 1 else ''} not show the "
                        f"certificate number {identifier} of the embedded DCC")
    return problems


def _fonts_and_drawing(texts: list[PageText], notes: list[str]) -> list[str]:
    problems = []
    invisible = [i + 1 for i, t in enumerate(texts) if t.invisible]
    if invisible:
        problems.append(f"page{_s(invisible)} {_pages(invisible)} carr{'ies' if len(invisible) == 1 else 'y'} "
                        "invisible text (render mode 3): what the text layer says is not what is shown")
    images = [i + 1 for i, t in enumerate(texts) if t.images]
    if images:
        problems.append(f"page{_s(images)} {_pages(images)} show{'s' if len(images) == 1 else ''} an image; a twin "
                        "draws text only, and text in an image cannot be compared with the DCC")
    annotated = [i + 1 for i, t in enumerate(texts) if t.annotations]
    if annotated:
        kinds = sorted({a for t in texts for a in t.annotations})
        problems.append(f"page{_s(annotated)} {_pages(annotated)} carr{'ies' if len(annotated) == 1 else 'y'} "
                        f"annotations that draw over the page ({', '.join(kinds)}); a twin has none, and what they "
                        "show is not compared with the DCC")
    unmapped = sorted({name for t in texts for name in t.unmapped})
    if unmapped:
        problems.append(f"the font {unmapped[0]} draws characters its ToUnicode map does not name: the text layer "
                        "does not say what is shown")
    fonts = {key: font for t in texts for key, font in t.fonts.items()}
    for font in fonts.values():
        problem = _font_problem(font, notes)
        if problem:
            problems.append(problem)
    return problems


def _font_problem(font, notes: list[str]) -> str | None:  # noqa: ANN001
    from coomet_lab.twin.limits import MAX_SMALL_STREAM_BYTES, read_stream

    base = str(font.get("/BaseFont", "?"))
    match = SUBSET.match(base)
    descriptor = font.get("/FontDescriptor")
    program = descriptor.get("/FontFile2") if descriptor is not None else None
    if str(font.get("/Subtype")) != "/TrueType" or match is None or match.group(1) not in FONTS or program is None:
        return (f"text is drawn with the font {base}, which is not an embedded subset of the fonts the app ships "
                f"({', '.join(FONTS)})")
    role = FONTS[match.group(1)]
    shipped = _shipped(role)
    if shipped is None:
        note = ("the glyphs of the embedded fonts were not compared with DejaVu (not found here), so a font whose "
                "ToUnicode map lies would not be noticed")
        if note not in notes:
            notes.append(note)
        return None
    from coomet_lab.twin.textscan import _unicode_map

    subset = _parse_font(read_stream(program, limit=MAX_SMALL_STREAM_BYTES, what=f"the font program of {base}"))
    if subset is None:
        return f"the embedded font {base} cannot be read as TrueType"
    mapping = _unicode_map(font)
    codes = _code_to_glyph(subset)
    wrong = []
    for code, text in sorted(mapping.items()):
        glyph = codes.get(code)
        if glyph is None or len(text) != 1:
            continue  # a code its program cannot draw shows nothing (.notdef); ligatures are not drawn by the app
        if _outline(subset, glyph) != _shipped_outline(role, ord(text)):
            wrong.append(text)
    if wrong:
        shown = ", ".join(repr(c) for c in wrong[:SHOWN])
        return (f"the embedded font {base} draws other glyphs than its ToUnicode map says for {shown}"
                f"{' …' if len(wrong) > SHOWN else ''}: the text layer does not say what is shown")
    return None


@functools.lru_cache(maxsize=4)
def _shipped(role: str) -> Any:  # noqa: ANN401 (a fontTools TTFont, or None)
    from coomet_lab.twin.errors import FontNotFoundError
    from coomet_lab.twin.fonts import resolve_fonts

    try:
        path = resolve_fonts().files()[role]
    except FontNotFoundError:
        return None
    from fontTools.ttLib import TTFont

    return TTFont(str(path), lazy=True)


@functools.lru_cache(maxsize=4096)
def _shipped_outline(role: str, code_point: int) -> tuple | None:
    font = _shipped(role)
    name = font.getBestCmap().get(code_point)
    return None if name is None else _outline(font, name)


def _parse_font(program: bytes) -> Any:  # noqa: ANN401
    from fontTools.ttLib import TTFont, TTLibError

    try:
        return TTFont(io.BytesIO(program), lazy=True)
    except (TTLibError, Exception):  # noqa: BLE001 (a damaged program is a finding)
        return None


def _code_to_glyph(font) -> dict[int, str]:  # noqa: ANN001
    """reportlab's subsets map each one-byte code to its glyph in a (1, 0) cmap; any simple cmap will do."""
    try:
        tables = font["cmap"].tables
    except Exception:  # noqa: BLE001
        return {}
    merged: dict[int, str] = {}
    for table in tables:
        for code, name in table.cmap.items():
            merged.setdefault(code & 0xFF if table.platformID == 3 and table.platEncID == 0 else code, name)
    return merged


def _outline(font, name: str) -> tuple | None:  # noqa: ANN001
    try:
        glyf = font["glyf"]
        coordinates, ends, flags = glyf[name].getCoordinates(glyf)
    except Exception:  # noqa: BLE001
        return None
    return tuple(coordinates), tuple(ends), tuple(f & 1 for f in flags)


def _s(items: list) -> str:
    return "s" if len(items) > 1 else ""


def _pages(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (f" … ({len(numbers)} pages)" if len(numbers) > 10 else "")
