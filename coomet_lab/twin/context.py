"""What every section of the twin needs: the certificate, its languages in display order, styles and fonts.

Every text that reaches the page passes through :meth:`RenderContext.esc`, which records its characters, so the
renderer can refuse a character the embedded font cannot draw instead of printing an empty box.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph as _Paragraph

from coomet_lab.dcc.model import AdministrativeData, Certificate, CoreData, LangString, RichContent, Text
from coomet_lab.twin.captions import captions
from coomet_lab.twin.fonts import FontNames

INK = colors.HexColor("#1a1a1a")
SECONDARY = colors.HexColor("#5a5a5a")
ACCENT = colors.HexColor("#1f3f6e")
RULE = colors.HexColor("#9aa7b8")
HEADER_FILL = colors.HexColor("#e6ebf2")
DRAFT_RED = colors.HexColor("#b00020")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    title: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle

    @classmethod
    def make(cls, fonts: FontNames) -> Styles:
        body = ParagraphStyle("body", fontName=fonts.regular, fontSize=8.6, leading=11, textColor=INK,
                              alignment=TA_LEFT)
        return cls(
            body=body,
            small=ParagraphStyle("small", parent=body, fontSize=7.2, leading=9),
            label=ParagraphStyle("label", parent=body, fontName=fonts.bold, fontSize=8, leading=10),
            heading=ParagraphStyle("heading", parent=body, fontName=fonts.bold, fontSize=11, leading=14,
                                   textColor=ACCENT, spaceBefore=9, spaceAfter=4, keepWithNext=1),
            subheading=ParagraphStyle("subheading", parent=body, fontName=fonts.bold, fontSize=9.2, leading=12,
                                      spaceBefore=6, spaceAfter=3, keepWithNext=1),
            title=ParagraphStyle("title", parent=body, fontName=fonts.bold, fontSize=19, leading=23,
                                 textColor=ACCENT),
            cell=ParagraphStyle("cell", parent=body, fontSize=7.8, leading=9.6),
            header_cell=ParagraphStyle("header_cell", parent=body, fontName=fonts.bold, fontSize=7.4, leading=9),
        )


class Paragraph(_Paragraph):
    """reportlab's Paragraph, remembering its last wrap: tables wrap every cell to measure it and again to draw
    it, and the frame wraps flowables again when it tries a page (136 of 224 wraps of a typical twin were repeats
    at the same width). ``wrap`` only depends on the width (the height is not used) and sets the same state each
    time, so the width of the last wrap decides whether it is done again. ``split`` drops the wrap's line
    breaks (``blPara``) when the paragraph moves on whole; the next wrap is then done again."""

    _last_wrap: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        last = self._last_wrap
        if last is not None and last[0] == availWidth and "blPara" in self.__dict__:
            return last[1]
        size = super().wrap(availWidth, availHeight)
        self._last_wrap = (availWidth, size)
        return size


def display_languages(certificate: Certificate) -> list[str]:
    """Mandatory languages first (as declared), then the other declared ones; English if none is declared."""
    core = certificate.administrative_data.core_data if certificate.administrative_data else None
    mandatory = list(core.mandatory_languages) if core else []
    used = list(core.used_languages) if core else []
    ordered = list(dict.fromkeys(mandatory + used))
    return ordered or ["en"]


@dataclass
class RenderContext:
    certificate: Certificate
    langs: list[str]
    fonts: FontNames
    styles: Styles
    sha256: str
    draft: bool
    frame_width: float
    signatures: list = field(default_factory=list)  # SignatureReport of the embedded DCC (signed input only)
    verified_at: dt.datetime | None = None
    chars: set[str] = field(default_factory=set)
    # Captions a layout replaces for every page (a verification certificate's title in the page header, say).
    caption_overrides: dict[str, list[str]] = field(default_factory=dict)

    # ------------------------------------------------------------------ the certificate

    @property
    def admin(self) -> AdministrativeData:
        """The certificate's administrative data: a twin is made of a schema-valid DCC only, and the schema requires
        them (with their coreData)."""
        admin = self.certificate.administrative_data
        assert admin is not None, "a twin is made of a schema-valid DCC only"
        return admin

    @property
    def core(self) -> CoreData:
        """The certificate's core data (required by the schema, as :attr:`admin`)."""
        core = self.admin.core_data
        assert core is not None, "a twin is made of a schema-valid DCC only"
        return core

    # ------------------------------------------------------------------ text

    def esc(self, text: str) -> str:
        """Escape for reportlab's paragraph markup, remembering the characters for the glyph check."""
        self.chars.update(text)
        return escape(text)

    def note(self, text: str) -> str:
        """Plain text drawn directly on the canvas (header, footer, plot): remembered for the glyph check."""
        self.chars.update(text)
        return text

    def texts(self, value: Text | RichContent | None) -> list[str]:
        """A multilingual text in the display languages, without repeats; language-neutral text once."""
        if value is None:
            return []
        contents = value.contents if isinstance(value, Text) else [i for i in value.items if isinstance(i, LangString)]
        return texts_in(contents, self.langs)

    def caps(self, key: str, **values: object) -> list[str]:
        if key in self.caption_overrides:
            return list(self.caption_overrides[key])
        return captions(key, self.langs, **values)

    # ------------------------------------------------------------------ paragraphs

    def lines(self, lines: Iterable[str], style: ParagraphStyle | None = None, *,
              bold_first: bool = False) -> Paragraph:
        """Several language versions of one text: the first in ink, the others below it in grey."""
        parts = []
        for index, line in enumerate(lines):
            text = self.esc(line)
            if index == 0:
                parts.append(f"<b>{text}</b>" if bold_first else text)
            else:
                parts.append(f'<font color="{SECONDARY.hexval()}">{text}</font>')
        return Paragraph("<br/>".join(parts) or "–", style or self.styles.body)

    def label(self, key: str, **values: object) -> Paragraph:
        """A caption in the certificate's languages: the first bold, the others grey."""
        captions_ = self.caps(key, **values)
        parts = [f"<b>{self.esc(captions_[0])}</b>"]
        parts += [f'<font color="{SECONDARY.hexval()}">{self.esc(c)}</font>' for c in captions_[1:]]
        return Paragraph("<br/>".join(parts), self.styles.small)

    def heading(self, key: str, number: int | None = None) -> Paragraph:
        captions_ = self.caps(key)
        prefix = f"{number}&nbsp;&nbsp;" if number is not None else ""
        rest = "".join(f' <font color="{SECONDARY.hexval()}" size="9">/ {self.esc(c)}</font>' for c in captions_[1:])
        return Paragraph(f"{prefix}{self.esc(captions_[0])}{rest}", self.styles.heading)


def texts_in(contents: list[LangString], langs: list[str]) -> list[str]:
    by_lang: dict[str | None, str] = {}
    for content in contents:
        by_lang.setdefault(content.lang, content.value)
    out: list[str] = []
    for lang in langs:
        value = by_lang.get(lang)
        if value is not None and value not in out:
            out.append(value)
    neutral = by_lang.get(None)
    if neutral is not None and neutral not in out:
        out.insert(0, neutral) if not out else out.append(neutral)
    if not out and contents:
        out.append(contents[0].value)  # only languages the certificate does not declare: show the first
    return [" ".join(v.split()) for v in out]
