"""Deviation with its expanded uncertainty against the reference value, as vector graphics in the page itself
(the embedded fonts carry the labels, nothing is rasterised)."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from coomet_lab.twin.context import ACCENT, INK, RULE, SECONDARY, RenderContext

GRID = colors.HexColor("#dfe4ea")
ZERO = colors.HexColor("#7d8896")


def as_float(text: str) -> float | None:
    """A number from the DCC for plotting only (the table prints the text itself)."""
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return float(value) if value.is_finite() else None


def nice_step(span: float, ticks: int = 6) -> float:
    if span <= 0 or not math.isfinite(span):
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _ticks(low: float, high: float) -> tuple[list[float], int]:
    step = nice_step(high - low)
    first = math.ceil(low / step - 1e-9) * step
    values: list[float] = []
    value = first
    while value <= high + step * 1e-9 and len(values) < 30:
        values.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    decimals = max(0, -math.floor(math.log10(step) + 1e-12)) if step < 1 else 0
    if step in (0.25, 2.5) or (step < 1 and round(step * 10 ** decimals, 6) % 1):
        decimals += 1
    return values, decimals


class DeviationPlot(Flowable):
    """``points`` are (reference, deviation, U or None); the zero line and ±U bars are drawn straight onto the
    canvas as a few paths (thousands of points cost milliseconds, and the labels use the embedded fonts)."""

    def __init__(self, ctx: RenderContext, points: list[tuple[float, float, float | None]], x_label: str,
                 y_label: str, width: float, height: float = 64 * mm):
        super().__init__()
        self.points, self.width, self.height = points, width, height
        self.font, self.bold, self.size = ctx.fonts.regular, ctx.fonts.bold, 6.6
        self.left, self.right, self.bottom, self.top = 16 * mm, 4 * mm, 11 * mm, 8 * mm
        self.x_label, self.y_label = ctx.note(x_label), ctx.note(y_label)
        xs = [p[0] for p in points]
        lows = [p[1] - (p[2] or 0) for p in points] + [0.0]
        highs = [p[1] + (p[2] or 0) for p in points] + [0.0]
        x0, x1 = min(xs), max(xs)
        pad = (x1 - x0) * 0.05 or abs(x0) * 0.05 or 1.0
        self.x0, self.x1 = x0 - pad, x1 + pad
        y0, y1 = min(lows), max(highs)
        pad = (y1 - y0) * 0.1 or abs(y1) * 0.1 or 1.0
        self.y0, self.y1 = y0 - pad, y1 + pad
        xticks, xdec = _ticks(self.x0, self.x1)
        yticks, ydec = _ticks(self.y0, self.y1)
        self.xticks = [(x, ctx.note(f"{x:.{xdec}f}")) for x in xticks]
        self.yticks = [(y, ctx.note(f"{y:.{ydec}f}")) for y in yticks]

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def sx(self, x: float) -> float:
        return self.left + (x - self.x0) / (self.x1 - self.x0) * (self.width - self.left - self.right)

    def sy(self, y: float) -> float:
        return self.bottom + (y - self.y0) / (self.y1 - self.y0) * (self.height - self.bottom - self.top)

    def draw(self) -> None:
        c = self.canv
        left, bottom = self.left, self.bottom
        right, top = self.width - self.right, self.height - self.top
        c.saveState()
        c.setLineWidth(0.4)
        c.setStrokeColor(GRID)
        grid = c.beginPath()
        for x, _ in self.xticks:
            grid.moveTo(self.sx(x), bottom)
            grid.lineTo(self.sx(x), top)
        for y, _ in self.yticks:
            grid.moveTo(left, self.sy(y))
            grid.lineTo(right, self.sy(y))
        c.drawPath(grid, stroke=1, fill=0)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.6)
        c.rect(left, bottom, right - left, top - bottom, stroke=1, fill=0)
        if self.y0 < 0 < self.y1:
            c.setStrokeColor(ZERO)
            c.setLineWidth(0.7)
            c.line(left, self.sy(0), right, self.sy(0))
        c.setFillColor(SECONDARY)
        c.setFont(self.font, self.size)
        for x, label in self.xticks:
            c.drawCentredString(self.sx(x), bottom - 3 * mm, label)
        for y, label in self.yticks:
            c.drawRightString(left - 1.2 * mm, self.sy(y) - self.size / 3, label)
        self._data(c)
        c.setFillColor(INK)
        c.setFont(self.font, self.size + 0.4)
        c.drawCentredString((left + right) / 2, 1.5 * mm, self.x_label)
        c.setFont(self.bold, self.size + 0.4)
        c.drawString(left, top + 2.5 * mm, self.y_label)
        c.restoreState()

    def _data(self, c) -> None:  # noqa: ANN001
        cap, mark = 1.1, 1.3
        bars, marks = c.beginPath(), c.beginPath()
        for x, y, u in self.points:
            px, py = self.sx(x), self.sy(y)
            if u:
                low, high = self.sy(y - u), self.sy(y + u)
                bars.moveTo(px, low)
                bars.lineTo(px, high)
                bars.moveTo(px - cap, low)
                bars.lineTo(px + cap, low)
                bars.moveTo(px - cap, high)
                bars.lineTo(px + cap, high)
            marks.rect(px - mark, py - mark, 2 * mark, 2 * mark)
        c.setStrokeColor(ACCENT)
        c.setFillColor(ACCENT)
        c.setLineWidth(0.7)
        c.drawPath(bars, stroke=1, fill=0)
        c.drawPath(marks, stroke=0, fill=1)
        if len(self.points) <= 200:
            line = c.beginPath()
            line.moveTo(self.sx(self.points[0][0]), self.sy(self.points[0][1]))
            for x, y, _ in self.points[1:]:
                line.lineTo(self.sx(x), self.sy(y))
            c.setLineWidth(0.3)
            c.drawPath(line, stroke=1, fill=0)
