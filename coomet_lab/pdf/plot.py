"""Deviation with its expanded uncertainty against the reference value, drawn with reportlab's vector graphics
(the embedded fonts carry the labels, nothing is rasterised, and a thousand points cost milliseconds)."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from coomet_lab.pdf.context import ACCENT, RULE, SECONDARY, RenderContext

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
    values = []
    value = first
    while value <= high + step * 1e-9 and len(values) < 30:
        values.append(0.0 if abs(value) < step * 1e-9 else value)
        value += step
    decimals = max(0, -math.floor(math.log10(step) + 1e-12)) if step < 1 else 0
    if step in (0.25, 2.5) or (step < 1 and round(step * 10 ** decimals, 6) % 1):
        decimals += 1
    return values, decimals


def deviation_plot(ctx: RenderContext, points: list[tuple[float, float, float | None]], x_label: str,
                   y_label: str, width: float, height: float = 64 * mm) -> Drawing:
    """``points`` are (reference, deviation, U or None); the zero line and ±U bars are drawn."""
    font, size = ctx.fonts.regular, 6.6
    left, right, bottom, top = 16 * mm, 4 * mm, 11 * mm, 8 * mm
    pw, ph = width - left - right, height - bottom - top
    xs = [p[0] for p in points]
    lows = [p[1] - (p[2] or 0) for p in points] + [0.0]
    highs = [p[1] + (p[2] or 0) for p in points] + [0.0]
    x0, x1 = min(xs), max(xs)
    pad = (x1 - x0) * 0.05 or abs(x0) * 0.05 or 1.0
    x0, x1 = x0 - pad, x1 + pad
    y0, y1 = min(lows), max(highs)
    pad = (y1 - y0) * 0.1 or abs(y1) * 0.1 or 1.0
    y0, y1 = y0 - pad, y1 + pad

    def sx(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * pw

    def sy(y: float) -> float:
        return bottom + (y - y0) / (y1 - y0) * ph

    d = Drawing(width, height, initialFontName=font, initialFontSize=size)
    d.add(Rect(left, bottom, pw, ph, strokeColor=RULE, fillColor=None, strokeWidth=0.6))
    xticks, xdec = _ticks(x0, x1)
    yticks, ydec = _ticks(y0, y1)
    for x in xticks:
        d.add(Line(sx(x), bottom, sx(x), bottom + ph, strokeColor=GRID, strokeWidth=0.4))
        d.add(String(sx(x), bottom - 3 * mm, ctx.note(f"{x:.{xdec}f}"), fontName=font, fontSize=size,
                     textAnchor="middle", fillColor=SECONDARY))
    for y in yticks:
        d.add(Line(left, sy(y), left + pw, sy(y), strokeColor=GRID, strokeWidth=0.4))
        d.add(String(left - 1.2 * mm, sy(y) - size / 3, ctx.note(f"{y:.{ydec}f}"), fontName=font, fontSize=size,
                     textAnchor="end", fillColor=SECONDARY))
    if y0 < 0 < y1:
        d.add(Line(left, sy(0), left + pw, sy(0), strokeColor=ZERO, strokeWidth=0.7))
    cap = 1.1
    for x, y, u in points:
        px = sx(x)
        if u:
            d.add(Line(px, sy(y - u), px, sy(y + u), strokeColor=ACCENT, strokeWidth=0.7))
            d.add(Line(px - cap, sy(y - u), px + cap, sy(y - u), strokeColor=ACCENT, strokeWidth=0.7))
            d.add(Line(px - cap, sy(y + u), px + cap, sy(y + u), strokeColor=ACCENT, strokeWidth=0.7))
        d.add(Circle(px, sy(y), 1.5, fillColor=ACCENT, strokeColor=None))
    if len(points) <= 200:
        d.add(PolyLine([c for x, y, _ in points for c in (sx(x), sy(y))], strokeColor=ACCENT, strokeWidth=0.3))
    d.add(String(left + pw / 2, 1.5 * mm, ctx.note(x_label), fontName=font, fontSize=size + 0.4, textAnchor="middle"))
    d.add(String(left, bottom + ph + 2.5 * mm, ctx.note(y_label), fontName=ctx.fonts.bold, fontSize=size + 0.4))
    return d
