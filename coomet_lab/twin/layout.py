"""Pages of the twin: A4, a header with the laboratory, the certificate number and "page N of M" on every page,
a footer with the SHA-256 of the embedded DCC and a QR code (certificate number and that hash), and a DRAFT
watermark on every page of a twin made from an unsigned DCC.

"Page N of M" needs M before any page is written: the canvas keeps each finished page's drawing state and writes
all pages once the count is known (one layout pass instead of two).
"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Callable

from reportlab import rl_config
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from coomet_lab.twin.context import ACCENT, DRAFT_RED, RULE, SECONDARY, RenderContext

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 17 * mm
TOP = 24 * mm
BOTTOM = 29 * mm
QR_SIZE = 21 * mm
QR_FORM = "TwinQR"
WATERMARK = (0.96, 0.80, 0.82)  # light red, opaque: drawn first, under the content (no transparency needed)


def frame_width() -> float:
    return PAGE_WIDTH - 2 * MARGIN


def qr_payload(identifier: str, sha256: str) -> str:
    """What the QR code carries: the certificate number and the SHA-256 of the embedded DCC."""
    return f"DCC: {identifier}\nSHA-256: {sha256}"


def qr_modules(payload: str) -> list[list[bool]]:
    """The QR code (error correction M) of ``payload``, exactly as reportlab's ``QRCode.make()`` builds it.

    reportlab picks the mask by building all eight masked symbols and scoring each with its own rules in pure
    Python (about 10 ms, a sixth of a typical twin's rendering). The same scores are computed here on rows held as
    integers (one bit a module), then reportlab builds the chosen symbol, so the symbol on the page is the same."""
    qr = QrCodeWidget(payload, barLevel="M").qr
    if qr.version is None:
        qr.version = qr.calculate_version()
    qr.makeImpl(False, best_mask(qr))
    return qr.modules


def best_mask(qr) -> int:  # noqa: ANN001 (reportlab's QRCode with its version set)
    """reportlab's ``getBestMaskPattern``: the first mask with the lowest ``QRUtil.getLostPoint``.

    reportlab's scores, reproduced as they are: runs of five or more equal modules in a row or a column score
    length - 2, each 2×2 block of one colour 3, the finder-like pattern ``1011101 0000`` 40 where it starts before
    the last eleven modules of a row (reportlab's column version never matches: it compares tuples with a list),
    and the dark ratio 10 per 5 % away from half. Each symbol is the one reportlab scores: its mask-0 data
    modules flipped where the other mask differs (the format information is blank in all eight)."""
    qr.makeImpl(True, 0)
    n = qr.moduleCount
    base = [sum(1 << c for c, dark in enumerate(row) if dark) for row in qr.modules]
    scores = []
    for flips in _mask_flips(qr.version, n, tuple(qr.dataPosIterator())):
        rows = [b ^ f for b, f in zip(base, flips, strict=True)]
        scores.append(_lost_points(rows, n))
    return scores.index(min(scores))  # the first of equal minima, as reportlab


@functools.lru_cache(maxsize=8)
def _mask_flips(version: int, n: int, positions: tuple[tuple[int, int], ...]) -> list[list[int]]:
    """Per mask and row, the data modules where that mask differs from mask 0 (the same for every symbol of a
    version; the twins' payloads are all one version)."""
    from reportlab.graphics.barcode.qrencoder import QRUtil

    masks = [QRUtil.getMask(k) for k in range(8)]
    out = []
    for mask in masks:
        flips = [0] * n
        for col, row in positions:
            if mask(row, col) != masks[0](row, col):
                flips[row] |= 1 << col
        out.append(flips)
    return out


_FINDER = (True, False, True, True, True, False, True, False, False, False, False)


def _lost_points(rows: list[int], n: int) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of a symbol given as row bit masks (bit c = column c)."""
    full, inner = (1 << n) - 1, (1 << (n - 1)) - 1
    score = 0
    for x in rows:  # runs along a row: bit c of same = module c equals module c + 1
        same = ~(x ^ (x >> 1)) & inner
        score += _long_runs(same & (same >> 1) & (same >> 2) & (same >> 3))
        finder = full
        for k, dark in enumerate(_FINDER):
            finder &= (x >> k) if dark else ~(x >> k)
        score += 40 * (finder & ((1 << max(n - 11, 0)) - 1)).bit_count()
    down = [~(a ^ b) & full for a, b in zip(rows, rows[1:], strict=False)]  # bit c: equal to the module below
    for a, v in zip(rows, down, strict=False):  # 2×2 blocks of one colour
        score += 3 * (v & (v >> 1) & ~(a ^ (a >> 1)) & inner).bit_count()
    starts = [d0 & d1 & d2 & d3 for d0, d1, d2, d3 in zip(down, down[1:], down[2:], down[3:], strict=False)]
    covered_before = 0
    for r in range(len(down)):  # runs down the columns, all columns at once
        covered = 0
        for back in range(4):
            if 0 <= r - back < len(starts):
                covered |= starts[r - back]
        score += covered.bit_count() - (covered & ~covered_before).bit_count()
        covered_before = covered
    dark_modules = sum(x.bit_count() for x in rows)
    return score + 10 * (abs(100 * dark_modules // (n * n) - 50) // 5)


def _long_runs(starts: int) -> int:
    """Given the bits where four equal-neighbour pairs begin (a run of five or more), length - 2 per run."""
    covered = starts | (starts << 1) | (starts << 2) | (starts << 3)
    return covered.bit_count() - (covered & ~(covered << 1)).bit_count()


def _draw_qr(canvas: Canvas, payload: str, size: float, border: int = 2) -> None:
    """The QR code (error correction M) as one filled path of dark runs, so it costs one drawing operation."""
    modules = qr_modules(payload)
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            count = len(list(run))
            if dark:
                path.rect((c + border) * box, size - (r + border + 1) * box, count * box, box)
            c += count
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


class TwinCanvas(Canvas):
    """Keeps every page until the end, then writes "page N of M" on each (see the module docstring)."""

    def __init__(self, *args, finish_page: Callable[[Canvas, int, int], None], **kwargs):  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._finish_page = finish_page
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._finish_page(self, number, total)
            super().showPage()
        super().save()


class PageDecoration:
    """Draws what every page carries; one instance per twin."""

    def __init__(self, ctx: RenderContext):
        self.ctx = ctx
        lab = ctx.admin.calibration_laboratory
        self.lab_name = (ctx.texts(lab.contact.name) if lab and lab.contact else [""])[0]
        self.identifier = ctx.core.unique_identifier or ""
        self.title = ctx.note(" / ".join(ctx.caps("title")))
        self.number_caption = ctx.note(" / ".join(ctx.caps("certificate_number")))
        self.sha_caption = ctx.note(" / ".join(ctx.caps("sha_label")))
        self.watermark = [ctx.note(w) for w in ctx.caps("watermark")]
        ctx.note(self.lab_name + self.identifier + ctx.sha256)
        ctx.note(" / ".join(ctx.caps("page", n=0, m=0)) + "0123456789")
        self._qr_defined = False

    # ------------------------------------------------------------------ every page, before the content

    def on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self._header(canvas)
        self._footer(canvas)

    def _watermark(self, canvas: Canvas) -> None:
        """Outlined letters over the content: visible on shaded tables, the content readable through them, and no
        transparency needed."""
        fonts = self.ctx.fonts
        canvas.saveState()
        canvas.setStrokeColorRGB(*WATERMARK)
        canvas.setLineWidth(1.4)
        canvas.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canvas.rotate(52)
        for index, word in enumerate(self.watermark[:3]):
            size = 92 if index == 0 else 40
            size = min(size, size * 0.78 * PAGE_HEIGHT / max(canvas.stringWidth(word, fonts.bold, size), 1))
            text = canvas.beginText()
            text.setTextRenderMode(1)
            text.setFont(fonts.bold, size)
            text.setTextOrigin(-canvas.stringWidth(word, fonts.bold, size) / 2, -index * 58 - (0 if index == 0 else 12))
            text.textOut(word)
            canvas.drawText(text)
        canvas.restoreState()

    def _header(self, canvas: Canvas) -> None:
        fonts = self.ctx.fonts
        top = PAGE_HEIGHT - 11 * mm
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.bold, 9)
        canvas.drawString(MARGIN, top, self.lab_name[:90])
        canvas.setFillColor(SECONDARY)
        canvas.setFont(fonts.regular, 7.2)
        canvas.drawString(MARGIN, top - 4.2 * mm, self.title)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top + 0.3 * mm, self.number_caption)
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.bold, 10)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, top - 4.2 * mm, self.identifier)
        if self.ctx.draft:
            canvas.setFillColor(DRAFT_RED)
            canvas.setFont(fonts.bold, 8)
            canvas.drawCentredString(PAGE_WIDTH / 2, top, " / ".join(self.watermark))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, PAGE_HEIGHT - TOP + 4 * mm, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - TOP + 4 * mm)
        canvas.restoreState()

    def _footer(self, canvas: Canvas) -> None:
        fonts = self.ctx.fonts
        canvas.saveState()
        line_y = BOTTOM - 4 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, line_y, PAGE_WIDTH - MARGIN, line_y)
        canvas.setFillColor(SECONDARY)
        canvas.setFont(fonts.regular, 6.6)
        canvas.drawString(MARGIN, line_y - 4.5 * mm, self.sha_caption)
        canvas.setFillColor(ACCENT)
        canvas.setFont(fonts.mono, 7.4)
        canvas.drawString(MARGIN, line_y - 8.5 * mm, self.ctx.sha256)
        self._qr(canvas, PAGE_WIDTH - MARGIN - QR_SIZE, 3.5 * mm)
        canvas.restoreState()

    def _qr(self, canvas: Canvas, x: float, y: float) -> None:
        # One form XObject, drawn on every page: the QR code's hundreds of squares are written once.
        if not self._qr_defined:
            canvas.beginForm(QR_FORM)
            _draw_qr(canvas, qr_payload(self.identifier, self.ctx.sha256), QR_SIZE)
            canvas.endForm()
            self._qr_defined = True
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(QR_FORM)
        canvas.restoreState()

    # ------------------------------------------------------------------ every page, once the count is known

    def finish_page(self, canvas: Canvas, number: int, total: int) -> None:
        if self.ctx.draft:
            self._watermark(canvas)
        canvas.saveState()
        canvas.setFillColor(SECONDARY)
        canvas.setFont(self.ctx.fonts.regular, 7.2)
        label = " / ".join(self.ctx.caps("page", n=number, m=total))
        canvas.drawRightString(PAGE_WIDTH - MARGIN - QR_SIZE - 3 * mm, BOTTOM - 8.5 * mm - 4 * mm, label)
        canvas.restoreState()


def build(ctx: RenderContext, story: list[Flowable], decoration: PageDecoration, *, title: str, author: str,
          subject: str, creator: str, keywords: str) -> tuple[bytes, int]:
    """Lay the story out on A4 pages; returns the PDF bytes and the page count."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP, bottomMargin=BOTTOM,
        title=title, author=author, subject=subject, creator=creator, keywords=keywords, lang=ctx.langs[0],
        initialFontName=ctx.fonts.regular, initialFontSize=9,
    )
    frame = Frame(MARGIN, BOTTOM, frame_width(), PAGE_HEIGHT - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decoration.on_page)])

    def canvasmaker(*args, **kwargs) -> TwinCanvas:  # noqa: ANN002, ANN003
        return TwinCanvas(*args, finish_page=decoration.finish_page, **kwargs)

    # Page streams Flate-compressed only, not also ASCII85-encoded: the PDF/A step (qpdf) decoded ASCII85 and
    # deflated every page again on save (76 of the 95 ms of that step for 100 pages; same content either way).
    previous = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=canvasmaker)
    finally:
        rl_config.useA85 = previous
    return buffer.getvalue(), doc.page
