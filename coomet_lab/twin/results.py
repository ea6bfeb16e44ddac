"""Measurement results: every calibration table with its numbers exactly as the DCC writes them, expanded
uncertainty with k and p, a deviation plot where the table has reference values and deviations, and whatever
else a result holds (single values, texts, formulas).

Long tables repeat their header on every page and are split by arithmetic (fixed row height), so a table of
thousands of rows costs linear time; tables too wide for the page get a smaller font, then are split into column
groups that each repeat the reference column.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from coomet_lab.dcc.editing.tables import ROLE_ERROR, ROLE_REFERENCE, Column
from coomet_lab.dcc.editing.tables import Table as CalibrationTable
from coomet_lab.dcc.model import (
    Data,
    DccList,
    MeasurementResult,
    Quantity,
    Result,
    tokens,
)
from coomet_lab.quantities.units import format_unit
from coomet_lab.twin.context import HEADER_FILL, RULE, SECONDARY, Paragraph, RenderContext
from coomet_lab.twin.plot import DeviationPlot, as_float
from coomet_lab.twin.sections import statement_block
from coomet_lab.twin.texts import coverage_text, data_lines

ZEBRA = colors.HexColor("#f3f5f8")
FONT_SIZES = (7.6, 6.8, 6.0)
PADDING = 3.0
MIN_COLUMN = 34.0
MAX_HEADER = 110.0


@dataclass
class PrintedColumn:
    """One column as printed: multilingual header, unit, cells (the DCC's own text)."""

    names: list[str]
    unit: str
    cells: list[str]
    note: str = ""  # "k = 2, p = 0.95" under an uncertainty header
    reference: bool = False


@dataclass
class ResultsState:
    """What the results section found that other parts of the twin need."""

    has_uncertainty: bool = False
    hidden: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ columns


def printed_columns(ctx: RenderContext, table: CalibrationTable) -> list[PrintedColumn]:
    out: list[PrintedColumn] = []
    for column in table.columns:
        names = ctx.texts(column.quantity.name) or [column.quantity.ref_type or ""]
        real_list = column.real_list
        units = tokens(real_list.unit_xml_list) if real_list else []
        values = column.values
        if len(set(units)) > 1 and len(units) == len(values):
            cells, unit = [f"{v} {format_unit(u)}" for v, u in zip(values, units, strict=True)], ""
        else:
            cells, unit = values, column.unit_symbol
        out.append(PrintedColumn(names, unit, cells, reference=ROLE_REFERENCE in column.roles))
        for alt_unit, alt_values in column.alternative_units:
            out.append(PrintedColumn(names, format_unit(alt_unit), alt_values,
                                     reference=ROLE_REFERENCE in column.roles))
        out += uncertainty_columns(column, unit)
    return out


def uncertainty_columns(column: Column, unit: str) -> list[PrintedColumn]:
    uncertainties = column.uncertainties
    if uncertainties is not None:
        note = coverage_text(column.coverage_factor, column.coverage_probability).strip(" ()")
        return [PrintedColumn(["U"], unit, uncertainties, note=note)]
    real_list = column.real_list
    mu = real_list.measurement_uncertainty_univariate_xml_list if real_list else None
    if mu is not None and mu.standard_mu_xml_list is not None:
        values = tokens(mu.standard_mu_xml_list.value_standard_mu_xml_list)
        values = values * len(column.values) if len(values) == 1 else values
        return [PrintedColumn(["u"], unit, values)]
    return []


# ------------------------------------------------------------------------------------------------ layout


@dataclass
class Layout:
    font_size: float
    widths: list[float]
    fraction_pads: list[float]


def _fraction(cell: str) -> str:
    return cell[cell.index("."):] if "." in cell else ""


def _layout(ctx: RenderContext, columns: list[PrintedColumn], size: float) -> Layout:
    font = ctx.fonts.regular
    widths, pads = [], []
    for column in columns:
        longest = max((stringWidth(c, font, size) for c in column.cells), default=0.0)
        fraction = max((stringWidth(_fraction(c), font, size) for c in column.cells), default=0.0)
        words = [w for n in column.names + [column.unit, column.note] for w in n.split()]
        word = max((stringWidth(w, ctx.fonts.bold, 7.4) for w in words), default=0.0)
        header = min(MAX_HEADER, max((stringWidth(n, ctx.fonts.bold, 7.4) for n in column.names), default=0.0))
        halves = f"({column.note})".split(", ") if column.note else []  # "(k = 2," / "p = 0.95)" at most
        note = max((stringWidth(h + ",", ctx.fonts.regular, 7.4) for h in halves), default=0.0)
        widths.append(max(MIN_COLUMN, longest + 2 * PADDING + 4, word + 2 * PADDING, min(header, 70.0),
                          note + 2 * PADDING))
        pads.append(fraction + PADDING + 2)
    return Layout(size, widths, pads)


def _groups(columns: list[PrintedColumn], layout: Layout, width: float) -> list[list[int]]:
    """Column groups that fit the width, each repeating the reference column(s)."""
    keep = [i for i, c in enumerate(columns) if c.reference][:1]
    groups: list[list[int]] = []
    current = list(keep)
    for index in range(len(columns)):
        if index in keep:
            continue
        if current and sum(layout.widths[i] for i in current + [index]) > width and len(current) > len(keep):
            groups.append(current)
            current = list(keep)
        current.append(index)
    groups.append(current)
    return groups


def table_flowables(ctx: RenderContext, columns: list[PrintedColumn]) -> list[Flowable]:
    width = ctx.frame_width
    layout = _layout(ctx, columns, FONT_SIZES[0])
    for size in FONT_SIZES[1:]:
        if sum(layout.widths) <= width:
            break
        layout = _layout(ctx, columns, size)
    groups = [list(range(len(columns)))] if sum(layout.widths) <= width else _groups(columns, layout, width)
    out: list[Flowable] = []
    for number, group in enumerate(groups):
        if len(groups) > 1 and number > 0:
            shown = [i + 1 for i in group if not columns[i].reference]
            out.append(Paragraph(ctx.esc(" / ".join(ctx.caps("columns_continued", a=shown[0], b=shown[-1]))),
                                 ctx.styles.small))
        out.append(_paged(ctx, [columns[i] for i in group], Layout(layout.font_size, [layout.widths[i] for i in group],
                                                                   [layout.fraction_pads[i] for i in group]), width))
        out.append(Spacer(1, 2 * mm))
    return out


def _header_cell(ctx: RenderContext, column: PrintedColumn) -> Paragraph:
    parts = [f"<b>{ctx.esc(column.names[0])}</b>"] if column.names else []
    parts += [f'<font color="{SECONDARY.hexval()}">{ctx.esc(n)}</font>' for n in column.names[1:]]
    if column.note:
        parts.append(ctx.esc(f"({column.note})"))
    if column.unit:
        parts.append(f"<b>{ctx.esc(column.unit)}</b>")
    return Paragraph("<br/>".join(parts), ctx.styles.header_cell)


def _paged(ctx: RenderContext, columns: list[PrintedColumn], layout: Layout, width: float) -> Flowable:
    scale = width / sum(layout.widths)
    widths = [w * scale for w in layout.widths]
    rows = max((len(c.cells) for c in columns), default=0)
    body = [[ctx.esc(c.cells[r]) if r < len(c.cells) else "" for c in columns] for r in range(rows)]
    style = [
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular, layout.font_size),  # the cell default is Helvetica
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, 0), PADDING),
        ("TOPPADDING", (0, 1), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.6),
    ]
    for index, (column, pad) in enumerate(zip(columns, layout.fraction_pads, strict=True)):
        if len({len(_fraction(c)) for c in column.cells}) <= 1:  # same decimals: right-aligned is decimal-aligned
            style.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
            style.append(("RIGHTPADDING", (index, 1), (index, -1), PADDING + 2))
        else:
            style.append(("ALIGN", (index, 1), (index, -1), "DECIMAL"))
            style.append(("RIGHTPADDING", (index, 1), (index, -1), pad))
    header = [_header_cell(ctx, c) for c in columns]
    return PagedTable(header, body, widths, style, row_height=layout.font_size * 1.2 + 2.8)


class PagedTable(Flowable):
    """A long table whose rows all have one height: splits by arithmetic and repeats its header on each page."""

    MIN_ROWS = 3

    def __init__(self, header: list, rows: list[list[str]], widths: list[float], style: list, row_height: float,
                 header_height: float | None = None):
        super().__init__()
        self.header, self.rows, self.widths, self.style, self.row_height = header, rows, widths, style, row_height
        self._header_height = header_height

    def _head(self) -> float:
        if self._header_height is None:
            probe = Table([self.header], colWidths=self.widths)
            probe.setStyle(TableStyle([s for s in self.style if s[1][1] == 0]))
            self._header_height = probe.wrap(sum(self.widths), 10_000)[1]
        return self._header_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = sum(self.widths)
        self.height = self._head() + len(self.rows) * self.row_height
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fit = int((available_height - self._head()) // self.row_height)
        if fit < min(self.MIN_ROWS, len(self.rows)):
            return []
        if fit >= len(self.rows):
            return [self]
        if len(self.rows) - fit < self.MIN_ROWS:
            fit = max(self.MIN_ROWS, len(self.rows) - self.MIN_ROWS)
        return [self._part(self.rows[:fit]), self._part(self.rows[fit:])]

    def _part(self, rows: list[list[str]]) -> PagedTable:
        return PagedTable(self.header, rows, self.widths, self.style, self.row_height, self._head())

    def draw(self) -> None:
        table = Table([self.header] + self.rows, colWidths=self.widths,
                      rowHeights=[self._head()] + [self.row_height] * len(self.rows))
        table.setStyle(TableStyle(self.style))
        table.wrap(self.width, self.height)
        table.drawOn(self.canv, 0, 0)


# ------------------------------------------------------------------------------------------------ plot


def plot_for(ctx: RenderContext, table: CalibrationTable) -> Flowable | None:
    """Deviation ± U against the reference value, when the table has both columns."""
    columns = table.columns
    reference = next((c for c in columns if ROLE_REFERENCE in c.roles), None)
    error = next((c for c in columns if ROLE_ERROR in c.roles), None)
    if reference is None or error is None:
        return None
    u = error.uncertainties or []
    points = []
    for index, (x_text, y_text) in enumerate(zip(reference.values, error.values, strict=False)):
        x, y = as_float(x_text), as_float(y_text)
        uu = as_float(u[index]) if index < len(u) else None
        if x is not None and y is not None:
            points.append((x, y, abs(uu) if uu is not None else None))
    if len(points) < 2:
        return None
    points.sort()
    x_label = f"{' / '.join(ctx.texts(reference.quantity.name)[:2])}, {reference.unit_symbol}"
    y_label = f"{' / '.join(ctx.texts(error.quantity.name)[:2])} ± U, {error.unit_symbol}"
    drawing = DeviationPlot(ctx, points, x_label, y_label, ctx.frame_width)
    caption = Paragraph(ctx.esc(" / ".join(ctx.caps("plot_title"))), ctx.styles.small)
    return KeepTogether([Spacer(1, 1 * mm), caption, drawing, Spacer(1, 2 * mm)])


# ------------------------------------------------------------------------------------------------ section


def result_block(ctx: RenderContext, result: Result, state: ResultsState) -> list[Flowable]:
    out: list[Flowable] = [ctx.lines(ctx.texts(result.name), ctx.styles.subheading)]
    described = ctx.texts(result.description)
    if described:
        out.append(ctx.lines(described))
    if result.data is None:
        return out
    others: list = []
    hidden: list[str] = []
    for item in result.data.items:
        table = CalibrationTable(result, item) if isinstance(item, DccList) else None
        if isinstance(item, DccList) and table is not None and table.columns:
            columns = printed_columns(ctx, table)
            state.has_uncertainty |= any(c.names == ["U"] for c in columns)
            out += table_flowables(ctx, columns)
            plot = plot_for(ctx, table)
            if plot is not None:
                out.append(plot)
            rest = [q for q in item.items if not (isinstance(q, Quantity) and Column(q).real_list is not None)]
            others += rest
        else:
            others.append(item)
    lines = data_lines(ctx, Data(items=others), hidden) if others else []
    if lines:
        out.append(Paragraph("<br/>".join(ctx.esc(line) for line in lines), ctx.styles.body))
    if hidden:
        state.hidden += hidden
        out.append(ctx.lines(ctx.caps("not_shown"), ctx.styles.small))
    return out


def measurement_result_block(ctx: RenderContext, measurement: MeasurementResult, state: ResultsState,
                             several: bool) -> list[Flowable]:
    out: list[Flowable] = []
    if several:
        out.append(ctx.lines(ctx.texts(measurement.name), ctx.styles.subheading, bold_first=True))
        described = ctx.texts(measurement.description)
        if described:
            out.append(ctx.lines(described))
    for result in measurement.results:
        out += result_block(ctx, result, state)
    for statement in measurement.measurement_meta_data:
        out.append(statement_block(ctx, statement))
    return out


def results(ctx: RenderContext, number: int) -> tuple[list[Flowable], ResultsState]:
    """Every measurement result of the DCC (17025 §7.8.2.1 l, §7.8.4.1)."""
    state = ResultsState()
    measurements = ctx.certificate.measurement_results.results if ctx.certificate.measurement_results else []
    body: list[Flowable] = []
    for measurement in measurements:
        body += measurement_result_block(ctx, measurement, state, several=True)
    head: list[Flowable] = [ctx.heading("results", number)]
    if state.has_uncertainty:
        head.append(ctx.lines(ctx.caps("uncertainty_note"), ctx.styles.small))
        head.append(Spacer(1, 1.5 * mm))
    return head + body, state
