"""A DCC's data as lines of text: single quantities, real values with their uncertainty, lists, constants, and the
texts, formulas and files of a data block. The result tables (:mod:`coomet_lab.twin.results`) and the sections
(:mod:`coomet_lab.twin.sections`, the conditions) both print them.
"""

from __future__ import annotations

from coomet_lab.dcc.model import (
    ByteData,
    Data,
    DccList,
    Formula,
    Quantity,
    RichContent,
    SiConstant,
    SiReal,
    SiRealListXMLList,
    tokens,
)
from coomet_lab.quantities.units import format_unit
from coomet_lab.twin.context import RenderContext


def real_text(real: SiReal) -> str:
    """``21.4 °C, U = 0.5 °C (k = 2, p = 0.95)``: the DCC's own digits with the unit as people write it."""
    unit = format_unit(real.unit or "")
    text = f"{real.value} {unit}".strip()
    mu = real.measurement_uncertainty_univariate
    expanded = mu.expanded_mu if mu is not None else None
    if expanded is not None and expanded.value_expanded_mu:
        text += f", U = {expanded.value_expanded_mu} {unit}".rstrip()
        text += coverage_text(expanded.coverage_factor, expanded.coverage_probability)
    elif real.expanded_unc is not None and real.expanded_unc.uncertainty:
        e = real.expanded_unc
        text += f", U = {e.uncertainty} {unit}".rstrip() + coverage_text(e.coverage_factor, e.coverage_probability)
    elif mu is not None and mu.standard_mu is not None and mu.standard_mu.value_standard_mu:
        text += f", u = {mu.standard_mu.value_standard_mu} {unit}".rstrip()
    return text


def coverage_text(k: str | None, p: str | None) -> str:
    parts = [f"k = {k}" if k else "", f"p = {p}" if p else ""]
    shown = ", ".join(x for x in parts if x)
    return f" ({shown})" if shown else ""


def quantity_text(ctx: RenderContext, quantity: Quantity) -> str | None:
    """A single quantity as one line of text, or None when it is a kind of data not shown on paper."""
    if quantity.real is not None:
        return real_text(quantity.real)
    if quantity.constant is not None:
        return constant_text(quantity.constant)
    if quantity.hybrid is not None:
        parts = []
        for item in quantity.hybrid.items:
            if isinstance(item, SiReal):
                parts.append(real_text(item))
            elif isinstance(item, SiConstant):
                parts.append(constant_text(item))
            elif isinstance(item, SiRealListXMLList):
                parts.append(list_text(item))
        return " = ".join(parts) if parts else None
    if quantity.real_list_xml_list is not None:
        return list_text(quantity.real_list_xml_list)
    if quantity.no_quantity is not None:
        return " / ".join(ctx.texts(quantity.no_quantity)) or None
    if quantity.chars_xml_list is not None:
        return quantity.chars_xml_list
    return None


def constant_text(constant: SiConstant) -> str:
    unit = format_unit(constant.unit or "")
    text = f"{constant.value} {unit}".strip()
    if constant.value_standard_mu or constant.uncertainty:
        text += f", u = {constant.value_standard_mu or constant.uncertainty} {unit}".rstrip()
    return text


def list_text(real_list: SiRealListXMLList) -> str:
    units = tokens(real_list.unit_xml_list)
    return f"{' '.join(real_list.values)} {format_unit(units[0]) if units else ''}".strip()


def data_lines(ctx: RenderContext, data: Data | DccList, hidden: list[str] | None = None) -> list[str]:
    """Texts, single quantities, formulas and files of a data block as lines ("name: value")."""
    lines: list[str] = []
    for item in data.items:
        if isinstance(item, RichContent):
            lines += ctx.texts(item)
        elif isinstance(item, Quantity):
            text = quantity_text(ctx, item)
            name = (ctx.texts(item.name) or [""])[0]
            if text is None:
                if hidden is not None:
                    hidden.append(name or "quantity")
                continue
            lines.append(f"{name}: {text}" if name else text)
        elif isinstance(item, Formula):
            lines.append(f"{ctx.caps('formula')[0]}: {item.latex}" if item.latex else ctx.caps("formula")[0])
            if item.latex is None and hidden is not None:
                hidden.append("formula")
        elif isinstance(item, ByteData):
            lines.append(f"{ctx.caps('file')[0]}: {item.file_name or ''} ({item.mime_type or ''})")
        elif isinstance(item, DccList):
            lines += data_lines(ctx, item, hidden)
        elif hidden is not None:
            hidden.append(type(item).__name__)
    return lines
