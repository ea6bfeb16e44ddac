"""Calibration tables: the DCC's ``dcc:list`` of quantities seen as columns of values, units and uncertainties.

:class:`Table` and :class:`Column` are views over the model, not copies: every edit changes the certificate's own
``si:realListXMLList`` text, so the XML, the PDF and the desktop table always show the same digits. A cell not yet
filled holds :data:`EMPTY`, which validation reports as an empty cell (it can never pass as a number).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from coomet_lab.dcc.model import (
    Certificate,
    Data,
    DccList,
    ExpandedMUXMLList,
    MeasurementUncertaintyUnivariateXMLList,
    Quantity,
    Result,
    SiRealListXMLList,
    Text,
    tokens,
)
from coomet_lab.kernel.errors import CoometLabError, NumberFormatError
from coomet_lab.quantities.numbers import (
    parse_coverage_factor,
    parse_non_negative,
    parse_number,
    parse_number_list,
    parse_probability,
)
from coomet_lab.quantities.units import Unit, format_unit, parse_unit, require_same_dimension

EMPTY = "?"
ROLE_REFERENCE = "basic_referenceValue"
ROLE_MEASURED = "basic_measuredValue"
ROLE_ERROR = "basic_measurementError"


class TableEditError(CoometLabError):
    code = "table.edit"


@dataclass
class ColumnSpec:
    """What a new column holds: a name per language, a unit as typed, values and optional uncertainties."""

    name: Mapping[str, str] | str
    unit: str
    values: Sequence[str] = ()
    uncertainties: Sequence[str] | None = None
    coverage_factor: str = "2"
    coverage_probability: str = "0.95"
    role: str | None = None
    id: str | None = None
    ref_id: str | None = None
    extra_ref_types: Sequence[str] = field(default_factory=tuple)


class Column:
    """One quantity of a table, with a value list in a single unit."""

    def __init__(self, quantity: Quantity):
        self.quantity = quantity

    # ------------------------------------------------------------------ reading

    @property
    def real_list(self) -> SiRealListXMLList | None:
        q = self.quantity
        if q.real_list_xml_list is not None:
            return q.real_list_xml_list
        if q.hybrid is not None:
            for item in q.hybrid.items:
                if isinstance(item, SiRealListXMLList) and not (item.unit_xml_list or "").startswith("|"):
                    return item
        return None

    @property
    def editable(self) -> bool:
        return self.quantity.real_list_xml_list is not None

    def name(self, lang: str | None = None, fallback: Sequence[str] = ()) -> str:
        return (self.quantity.name.get(lang, fallback) if self.quantity.name else None) or ""

    @property
    def roles(self) -> list[str]:
        return self.quantity.ref_types()

    @property
    def values(self) -> list[str]:
        rl = self.real_list
        return tokens(rl.value_xml_list) if rl else []

    @property
    def unit(self) -> str:
        rl = self.real_list
        units = tokens(rl.unit_xml_list) if rl else []
        return units[0] if units else ""

    @property
    def unit_symbol(self) -> str:
        return format_unit(self.unit)

    @property
    def alternative_units(self) -> list[tuple[str, list[str]]]:
        """Other units the same values are also given in (``si:hybrid``), with their values."""
        hybrid = self.quantity.hybrid
        if hybrid is None:
            return []
        primary = self.real_list
        return [
            (tokens(item.unit_xml_list)[0] if item.unit_xml_list else "", tokens(item.value_xml_list))
            for item in hybrid.items
            if isinstance(item, SiRealListXMLList) and item is not primary
        ]

    def _expanded(self) -> tuple[list[str], list[str], list[str]] | None:
        rl = self.real_list
        if rl is None:
            return None
        mu = rl.measurement_uncertainty_univariate_xml_list
        if mu is not None and mu.expanded_mu_xml_list is not None:
            e = mu.expanded_mu_xml_list
            return tokens(e.value_expanded_mu_xml_list), tokens(e.coverage_factor_xml_list), tokens(
                e.coverage_probability_xml_list)
        if rl.expanded_unc_xml_list is not None:
            e2 = rl.expanded_unc_xml_list
            return tokens(e2.uncertainty_xml_list), tokens(e2.coverage_factor_xml_list), tokens(
                e2.coverage_probability_xml_list)
        return None

    @property
    def uncertainties(self) -> list[str] | None:
        """Expanded uncertainty per row (a single stated U is repeated for every row); None if none is given."""
        expanded = self._expanded()
        if expanded is None:
            return None
        values = expanded[0]
        return values * len(self.values) if len(values) == 1 else values

    @property
    def coverage_factor(self) -> str | None:
        expanded = self._expanded()
        return " ".join(sorted(set(expanded[1]))) if expanded and expanded[1] else None

    @property
    def coverage_probability(self) -> str | None:
        expanded = self._expanded()
        return " ".join(sorted(set(expanded[2]))) if expanded and expanded[2] else None

    # ------------------------------------------------------------------ editing

    def _editable_list(self) -> SiRealListXMLList:
        if not self.editable:
            raise TableEditError("this column states its values in several units (si:hybrid) and is read-only here")
        assert self.quantity.real_list_xml_list is not None
        return self.quantity.real_list_xml_list

    def set_value(self, row: int, text: str, *, decimal_separator: str = ".") -> str:
        """Set one value from what was typed; returns the previous value (for undo)."""
        value = EMPTY if text.strip() == "" else parse_number(text, decimal_separator=decimal_separator)
        rl = self._editable_list()
        items = tokens(rl.value_xml_list)
        _check_row(row, len(items))
        previous = items[row]
        items[row] = value
        rl.value_xml_list = " ".join(items)
        return previous

    def set_uncertainty(self, row: int, text: str, *, decimal_separator: str = ".") -> str:
        """Set the expanded uncertainty of one row; returns the previous value (for undo)."""
        value = EMPTY if text.strip() == "" else parse_non_negative(text, decimal_separator=decimal_separator)
        expanded = self._expanded_list()
        n = len(self.values)
        items = tokens(expanded.value_expanded_mu_xml_list)
        if len(items) == 1 and n > 1:
            items = items * n
        items += [EMPTY] * (n - len(items))
        _check_row(row, n)
        previous = items[row]
        items[row] = value
        expanded.value_expanded_mu_xml_list = " ".join(items)
        return previous

    def set_coverage(self, k: str, p: str) -> tuple[str | None, str | None]:
        expanded = self._expanded_list()
        previous = (expanded.coverage_factor_xml_list, expanded.coverage_probability_xml_list)
        expanded.coverage_factor_xml_list = parse_coverage_factor(k)
        expanded.coverage_probability_xml_list = parse_probability(p)
        return previous

    def _expanded_list(self) -> ExpandedMUXMLList:
        rl = self._editable_list()
        if rl.measurement_uncertainty_univariate_xml_list is None:
            n = max(len(tokens(rl.value_xml_list)), 1)
            rl.measurement_uncertainty_univariate_xml_list = MeasurementUncertaintyUnivariateXMLList(
                expanded_mu_xml_list=ExpandedMUXMLList(
                    value_expanded_mu_xml_list=" ".join([EMPTY] * n),
                    coverage_factor_xml_list="2",
                    coverage_probability_xml_list="0.95",
                )
            )
        mu = rl.measurement_uncertainty_univariate_xml_list
        if mu.expanded_mu_xml_list is None:
            raise TableEditError("this column states a standard uncertainty or an interval; edit it as such")
        return mu.expanded_mu_xml_list

    def set_unit(self, text: str, *, like: Unit | None = None) -> str:
        """Set the column's unit from what was typed, checking its dimension; returns the previous D-SI text."""
        unit = parse_unit(text)
        if like is not None:
            require_same_dimension(unit, like)
        rl = self._editable_list()
        previous = rl.unit_xml_list or ""
        rl.unit_xml_list = unit.dsi
        return previous

    def restore(self, values: str | None = None, unit: str | None = None) -> None:
        """Put back raw list text captured before an edit (undo)."""
        rl = self._editable_list()
        if values is not None:
            rl.value_xml_list = values
        if unit is not None:
            rl.unit_xml_list = unit


def _check_row(row: int, count: int) -> None:
    if not 0 <= row < count:
        raise TableEditError(f"row {row + 1} does not exist (the table has {count} rows)")


class Table:
    """A result whose data is a list of quantities, seen as rows and columns."""

    def __init__(self, result: Result, dcc_list: DccList):
        self.result = result
        self.list = dcc_list

    @property
    def columns(self) -> list[Column]:
        return [Column(q) for q in self.list.items if isinstance(q, Quantity) and Column(q).real_list is not None]

    def name(self, lang: str | None = None, fallback: Sequence[str] = ()) -> str:
        return (self.result.name.get(lang, fallback) if self.result.name else None) or ""

    @property
    def row_count(self) -> int:
        return max((len(c.values) for c in self.columns), default=0)

    def insert_row(self, index: int | None = None) -> int:
        """Insert an empty row in every editable column; returns its index."""
        index = self.row_count if index is None else index
        for column in self.columns:
            rl = column._editable_list()
            items = tokens(rl.value_xml_list)
            items.insert(index, EMPTY)
            rl.value_xml_list = " ".join(items)
            expanded = column._expanded()
            if expanded is not None and len(expanded[0]) > 1:
                e = column._expanded_list()
                u = tokens(e.value_expanded_mu_xml_list)
                u.insert(index, EMPTY)
                e.value_expanded_mu_xml_list = " ".join(u)
        return index

    def remove_row(self, index: int) -> None:
        _check_row(index, self.row_count)
        for column in self.columns:
            rl = column._editable_list()
            items = tokens(rl.value_xml_list)
            del items[index]
            rl.value_xml_list = " ".join(items)
            expanded = column._expanded()
            if expanded is not None and len(expanded[0]) > 1:
                e = column._expanded_list()
                u = tokens(e.value_expanded_mu_xml_list)
                del u[index]
                e.value_expanded_mu_xml_list = " ".join(u)

    def paste_cells(self, block: Sequence[Sequence[str]], top: int, targets: Sequence[tuple[int, str]], *,
                    decimal_separator: str = ".") -> int:
        """Paste a block whose columns go to ``targets`` = (column index, "value" | "uncertainty"). Every cell is
        checked first: one bad cell changes nothing. Rows are added as needed; returns the rows pasted."""
        width = max((len(r) for r in block), default=0)
        if width > len(targets):
            raise TableEditError(f"the block is {width} columns wide; only {len(targets)} columns are right of the "
                                 "cursor")
        columns = self.columns
        for index, _kind in targets[:width]:
            if not columns[index].editable:
                raise TableEditError(f"column {columns[index].name() or index + 1} is read-only")
        parsed = [
            [EMPTY if cell.strip() == "" else _parse_cell(cell, r + top, c, decimal_separator, targets[c][1])
             for c, cell in enumerate(row)]
            for r, row in enumerate(block)
        ]
        while self.row_count < top + len(parsed):
            self.insert_row()
        for r, row in enumerate(parsed):
            for c, value in enumerate(row):
                index, kind = targets[c]
                if kind == "uncertainty":
                    columns[index].set_uncertainty(top + r, "" if value == EMPTY else value)
                else:
                    columns[index].set_value(top + r, "" if value == EMPTY else value)
        return len(parsed)

    def snapshot(self) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
        """The exact list texts of every editable column (values, unit, U, k, p): what undo needs to restore."""
        out = []
        for column in self.columns:
            rl = column.quantity.real_list_xml_list
            mu = rl.measurement_uncertainty_univariate_xml_list if rl else None
            e = mu.expanded_mu_xml_list if mu else None
            out.append((
                rl.value_xml_list if rl else None, rl.unit_xml_list if rl else None,
                e.value_expanded_mu_xml_list if e else None, e.coverage_factor_xml_list if e else None,
                e.coverage_probability_xml_list if e else None,
            ))
        return out

    def restore(self, snapshot: list[tuple[str | None, str | None, str | None, str | None, str | None]]) -> None:
        for column, (values, unit, u, k, p) in zip(self.columns, snapshot, strict=False):
            rl = column.quantity.real_list_xml_list
            if rl is None:
                continue
            rl.value_xml_list, rl.unit_xml_list = values, unit
            mu = rl.measurement_uncertainty_univariate_xml_list
            if u is None:
                if mu is not None and mu.expanded_mu_xml_list is not None:
                    rl.measurement_uncertainty_univariate_xml_list = None
                continue
            e = column._expanded_list()
            e.value_expanded_mu_xml_list, e.coverage_factor_xml_list, e.coverage_probability_xml_list = u, k, p

    def paste(self, block: Sequence[Sequence[str]], top: int, left: int, *, decimal_separator: str = ".") -> int:
        """Paste a block of cells (rows of text, as copied from a spreadsheet) at a position; rows are added as
        needed. Every cell is parsed before anything changes, so a bad cell changes nothing. Returns rows pasted."""
        columns = self.columns
        if left + max((len(r) for r in block), default=0) > len(columns):
            raise TableEditError(f"the block is {max(len(r) for r in block)} columns wide; "
                                 f"only {len(columns) - left} columns are right of the cursor")
        parsed = [
            [EMPTY if cell.strip() == "" else _parse_cell(cell, r + top, c + left, decimal_separator)
             for c, cell in enumerate(row)]
            for r, row in enumerate(block)
        ]
        while self.row_count < top + len(parsed):
            self.insert_row()
        for r, row in enumerate(parsed):
            for c, value in enumerate(row):
                rl = columns[left + c]._editable_list()
                items = tokens(rl.value_xml_list)
                items[top + r] = value
                rl.value_xml_list = " ".join(items)
        return len(parsed)


def _parse_cell(cell: str, row: int, column: int, decimal_separator: str, kind: str = "value") -> str:
    if kind == "uncertainty":
        try:
            return parse_non_negative(cell, decimal_separator=decimal_separator)
        except CoometLabError as exc:
            raise TableEditError(f"row {row + 1}, column {column + 1}: {exc}") from None
    try:
        return parse_number(cell, decimal_separator=decimal_separator)
    except CoometLabError as exc:
        raise TableEditError(f"row {row + 1}, column {column + 1}: {exc}") from None


def tables_of(certificate: Certificate) -> Iterator[Table]:
    """Every result whose data holds a list of value columns, in document order."""
    if not certificate.measurement_results:
        return
    for measurement_result in certificate.measurement_results.results:
        for result in measurement_result.results:
            if result.data is None:
                continue
            for item in result.data.items:
                if isinstance(item, DccList):
                    table = Table(result, item)
                    if table.columns:
                        yield table


def make_column(spec: ColumnSpec) -> Quantity:
    """A quantity holding a value list, built from typed input (every value and the unit are checked)."""
    unit = parse_unit(spec.unit)
    values = parse_number_list(list(spec.values), empty=EMPTY)
    real_list = SiRealListXMLList(value_xml_list=values, unit_xml_list=unit.dsi)
    if spec.uncertainties is not None:
        u = parse_number_list(list(spec.uncertainties), empty=EMPTY)
        if any(item.startswith("-") for item in u.split(" ")):
            raise NumberFormatError(text=u[:40], detail="an uncertainty cannot be negative")
        real_list.measurement_uncertainty_univariate_xml_list = MeasurementUncertaintyUnivariateXMLList(
            expanded_mu_xml_list=ExpandedMUXMLList(
                value_expanded_mu_xml_list=u,
                coverage_factor_xml_list=parse_coverage_factor(spec.coverage_factor),
                coverage_probability_xml_list=parse_probability(spec.coverage_probability),
            )
        )
    ref_types = [r for r in (spec.role, *spec.extra_ref_types) if r]
    return Quantity(
        id=spec.id,
        ref_id=spec.ref_id,
        ref_type=" ".join(ref_types) or None,
        name=Text.of(spec.name),
        real_list_xml_list=real_list,
    )


def make_table(name: Mapping[str, str] | str, columns: Sequence[ColumnSpec], *, ref_type: str | None = None) -> Result:
    """A ``dcc:result`` holding one table."""
    return Result(
        ref_type=ref_type,
        name=Text.of(name),
        data=Data(items=[DccList(items=[make_column(spec) for spec in columns])]),
    )
