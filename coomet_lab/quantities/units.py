"""Units: D-SI strings in the XML, what technicians type on entry, dimension checks with one pint registry.

Parsing is left to maintained libraries: PTB's ``dsiunits`` reads D-SI strings and BIPM-RP symbols (``mV``,
``kg.m2.s-2``), ``ucumvert`` reads UCUM codes (``Cel``, ``m/s``, ``mm[Hg]``) into pint units. This module only adds
what laboratories type that neither reads (``°C``, ``%``, ``m·s⁻¹``, ``m/s²``, Russian symbols such as ``мВ`` or
``кПа``), the D-SI ↔ pint mapping (data in ``data/units.json``), and display symbols for people (``°C``, ``µV``,
``m·s⁻¹``).
"""

from __future__ import annotations

import functools
import json
import re
import threading
import warnings
from dataclasses import dataclass
from fractions import Fraction
from importlib import resources
from typing import Any

from coomet_lab.kernel.errors import DimensionError, UnitError

NON_DSI_MARK = "|"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPERSCRIPT_OF = str.maketrans("0123456789-/", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᐟ")
_PRODUCT = re.compile(r"\s*[.·⋅*×]\s*|\s+")
_COMPONENT = re.compile(r"^(.*?)\^?([-+]?[0-9]{1,3})?$")  # ASCII, at most 3 digits: int() refuses 4,300+


@functools.cache
def _data() -> dict[str, Any]:
    return json.loads(resources.files("coomet_lab.data").joinpath("units.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class DsiNode:
    prefix: str
    unit: str
    exponent: Fraction


@dataclass(frozen=True)
class Unit:
    """A unit as the DCC writes it (``dsi``), with a symbol for people and a pint unit for arithmetic."""

    dsi: str

    @property
    def non_si(self) -> bool:
        return self.dsi.startswith(NON_DSI_MARK)

    @property
    def symbol(self) -> str:
        return format_unit(self.dsi)

    def pint(self) -> Any:
        return pint_unit(self.dsi)

    def dimension(self) -> str:
        """A readable dimension such as ``[length] / [time]`` (``dimensionless`` for 1, %, ppm)."""
        dims = self.pint().dimensionality
        return str(dims) if dims else "dimensionless"

    def __str__(self) -> str:
        return self.dsi


# ---------------------------------------------------------------------------------------------- D-SI


@functools.lru_cache(maxsize=4096)
def _dsi_parse(text: str) -> tuple[bool, tuple[tuple[DsiNode, ...], ...], tuple[str, ...], bool]:
    from dsi_unit import DsiUnit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = DsiUnit(text)
        tree = tuple(
            tuple(DsiNode(n.prefix or "", n.unit, Fraction(n.exponent)) for n in fraction) for fraction in parsed.tree
        )
        return bool(parsed.valid), tree, tuple(str(w) for w in parsed.warnings), bool(parsed.non_dsi_unit)


def check_dsi(text: str) -> str | None:
    """None if ``text`` is a valid D-SI unit string (``|...`` non-SI units included), else the reason."""
    if not text:
        return "the unit is empty"
    if text.startswith(NON_DSI_MARK):
        return None if len(text) > 1 else "a non-SI unit needs a name after '|'"
    if not text.startswith("\\"):
        return f"{text!r} is not written in D-SI (D-SI units look like \\milli\\volt or \\metre\\second\\tothe{{-1}})"
    valid, _tree, problems, _non_dsi = _dsi_parse(text)
    if valid:
        return None
    return "; ".join(problems) or "not a D-SI unit"


def dsi_nodes(dsi: str) -> list[DsiNode]:
    """The unit as a flat product of prefixed units with exponents (``\\per`` folded into negative exponents)."""
    valid, tree, problems, non_dsi = _dsi_parse(dsi)
    if not valid or non_dsi:
        raise UnitError(text=dsi, detail="; ".join(problems) or "not a D-SI unit")
    nodes = list(tree[0])
    for fraction in tree[1:]:
        nodes.extend(DsiNode(n.prefix, n.unit, -n.exponent) for n in fraction)
    return nodes


def canonical_dsi(nodes: list[DsiNode]) -> str:
    """D-SI text as new documents write it: ``\\kilogram`` not ``\\kilo\\gram``, negative exponents, no ``\\per``."""
    parts = []
    for node in nodes:
        prefix, unit = node.prefix, node.unit
        if prefix == "kilo" and unit == "gram":
            prefix, unit = "", "kilogram"
        text = (f"\\{prefix}" if prefix else "") + f"\\{unit}"
        if node.exponent != 1:
            exponent = node.exponent
            shown = str(exponent.numerator) if exponent.denominator == 1 else _decimal_fraction(exponent)
            text += f"\\tothe{{{shown}}}"
        parts.append(text)
    return "".join(parts)


def _decimal_fraction(exponent: Fraction) -> str:
    value = exponent.numerator / exponent.denominator
    return repr(value) if Fraction(repr(value)) == exponent else f"{exponent.numerator}_{exponent.denominator}"


# --------------------------------------------------------------------------------------------- entry


def parse_unit(text: str) -> Unit:
    """Understand a unit as a technician types it and return its canonical D-SI form.

    Accepts D-SI (``\\milli\\volt``), SI symbols (``mV``, ``°C``, ``%``, ``m/s``, ``m·s⁻¹``, ``kg·m²``), Russian
    symbols (``мВ``, ``кПа``, ``°С``), UCUM codes (``Cel``, ``m/s``, ``mm[Hg]``) and explicit non-SI units
    (``|inHg``). Raises :class:`UnitError` with a suggestion when it cannot.
    """
    cleaned = (text or "").strip().replace("μ", "µ")
    if not cleaned:
        raise UnitError(text=text, detail="the unit is empty")
    if cleaned.startswith(NON_DSI_MARK):
        if len(cleaned) == 1:
            raise UnitError(text=text, detail="a non-SI unit needs a name after '|'")
        return Unit(cleaned)
    if cleaned.startswith("\\"):
        problem = check_dsi(cleaned)
        if problem:
            raise UnitError(text=text, detail=problem)
        return Unit(canonical_dsi(dsi_nodes(cleaned)))
    for candidate in _symbol_candidates(cleaned):
        dsi = _from_symbols(candidate)
        if dsi:
            return Unit(dsi)
    dsi = _from_ucum(cleaned)
    if dsi:
        return Unit(dsi)
    raise UnitError(text=text, detail=_suggestion(cleaned))


def _symbol_candidates(text: str) -> list[str]:
    aliases = _data()["aliases"]
    out = []
    if text in aliases:
        out.append(aliases[text])
    latin = _latinize(text)
    if latin in aliases:
        out.append(aliases[latin])
    out.extend([text, latin])
    return out


def _from_symbols(text: str) -> str | None:
    if text.startswith("\\"):
        return canonical_dsi(dsi_nodes(text)) if check_dsi(text) is None else None
    bipm = _to_bipm_rp(text)
    if bipm is None:
        return None
    valid, _tree, _problems, non_dsi = _dsi_parse(bipm)
    if not valid or non_dsi:
        return None
    return canonical_dsi(dsi_nodes(_dsi_text_of(bipm)))


@functools.lru_cache(maxsize=1024)
def _dsi_text_of(bipm: str) -> str:
    from dsi_unit import DsiUnit

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return str(DsiUnit(bipm))


def _to_bipm_rp(text: str) -> str | None:
    """``m/s²`` → ``m.s-2``; ``kg·m²`` → ``kg.m2``; None when it is not a plain product or one quotient."""
    text = text.translate(_SUPERSCRIPTS)
    if text.count("/") > 1 or "(" in text:
        return None
    numerator, _, denominator = text.partition("/")
    parts = [(p, 1) for p in _PRODUCT.split(numerator.strip()) if p]
    parts += [(p, -1) for p in _PRODUCT.split(denominator.strip()) if p]
    if not parts:
        return None
    out = []
    for part, sign in parts:
        m = _COMPONENT.match(part)
        if not m or not m.group(1):
            return None
        exponent = int(m.group(2)) if m.group(2) else 1
        exponent *= sign
        out.append(m.group(1) + ("" if exponent == 1 else str(exponent)))
    return ".".join(out)


def _latinize(text: str) -> str:
    """Russian unit symbols (GOST 8.417) to international ones: ``мВ`` → ``mV``, ``кПа`` → ``kPa``."""
    table = _data()["cyrillic_symbols"]
    units, prefixes = table["units"], table["prefixes"]
    for phrase, latin in units.items():
        if " " in phrase and phrase in text:
            text = text.replace(phrase, latin)

    def convert(word: str) -> str:
        if word in units:
            return units[word]
        for prefix in sorted(prefixes, key=len, reverse=True):
            rest = word[len(prefix):]
            if word.startswith(prefix) and rest in units:
                return prefixes[prefix] + units[rest]
        return word

    return re.sub(r"°?[А-Яа-яЁё]+", lambda m: convert(m.group(0)), text)


# ------------------------------------------------------------------------------------------- pint


_registry_lock = threading.Lock()
_registry: Any = None


def registry() -> Any:
    """The application's single pint registry (with UCUM definitions), created on first use."""
    global _registry
    with _registry_lock:
        if _registry is None:
            import pint
            from ucumvert import PintUcumRegistry

            _registry = PintUcumRegistry()
            pint.set_application_registry(_registry)
        return _registry


@functools.lru_cache(maxsize=1024)
def pint_unit(dsi: str) -> Any:
    """The pint unit of a D-SI string (non-SI ``|`` units have none)."""
    if dsi.startswith(NON_DSI_MARK):
        raise UnitError(text=dsi, detail="a non-SI unit cannot be converted or dimension-checked")
    names = _data()["pint"]
    ureg = registry()
    result = ureg.dimensionless
    for node in dsi_nodes(dsi):
        base = names.get(node.unit)
        if base is None:
            raise UnitError(text=dsi, detail=f"no conversion is known for \\{node.unit}")
        unit = ureg.Unit(node.prefix + base if node.prefix else base)
        result = result * unit ** _pint_exponent(node.exponent)
    return result


def _pint_exponent(exponent: Fraction) -> int | float:
    return exponent.numerator if exponent.denominator == 1 else exponent.numerator / exponent.denominator


def _from_ucum(text: str) -> str | None:
    try:
        quantity = registry().from_ucum(text)
    except Exception:  # noqa: BLE001 (ucumvert raises several parser exception types)
        return None
    magnitude = getattr(quantity, "magnitude", 1)
    if magnitude != 1:
        return None  # a UCUM factor such as 10*3 has no D-SI unit
    return dsi_from_pint(quantity.units)


def dsi_from_pint(unit: Any) -> str | None:
    """D-SI text for a pint unit, or None when a part has no D-SI name."""
    ureg = registry()
    inverse = {pint_name: dsi for dsi, pint_name in _data()["pint"].items()}
    nodes = []
    for name, exponent in unit._units.items():
        candidates = [("", name, ""), *ureg.parse_unit_name(name)]
        chosen = None
        for prefix, base, _suffix in candidates:
            if base in inverse:
                chosen = DsiNode(prefix, inverse[base], Fraction(exponent).limit_denominator(100))
                break
        if chosen is None:
            return None
        nodes.append(chosen)
    return canonical_dsi(nodes) if nodes else "\\one"


def require_same_dimension(unit: Unit, reference: Unit) -> None:
    """Raise :class:`DimensionError` unless both units measure the same kind of quantity."""
    if unit.non_si or reference.non_si:
        return
    if unit.pint().dimensionality != reference.pint().dimensionality:
        raise DimensionError(text=unit.symbol or unit.dsi, actual=unit.dimension(), expected=reference.dimension())


def conversion_factor(source: Unit, target: Unit) -> float:
    """Multiply a value in ``source`` by this to get it in ``target`` (not for offset scales like °C → K)."""
    require_same_dimension(source, target)
    return float((1 * source.pint()).to(target.pint()).magnitude)


# ------------------------------------------------------------------------------------------- display


@functools.lru_cache(maxsize=4096)
def format_unit(dsi: str) -> str:
    """How people write a unit: ``°C``, ``µV``, ``m·s⁻¹``, ``kg·m²``; non-SI units without their ``|``."""
    if not dsi:
        return ""
    if dsi.startswith(NON_DSI_MARK):
        return dsi[1:]
    try:
        nodes = dsi_nodes(dsi)
    except UnitError:
        return dsi
    from dsi_unit import unit_mapping

    overrides = _data()["symbols"]
    parts = []
    for node in nodes:
        symbol = overrides.get(node.unit, unit_mapping.DSI_UNIT_TO_UTF_MAP.get(node.unit, node.unit))
        prefix = unit_mapping.PREFIX_TO_UTF_MAP.get(node.prefix, node.prefix)
        text = prefix + symbol
        if node.exponent != 1:
            shown = str(node.exponent.numerator) if node.exponent.denominator == 1 else str(node.exponent)
            text += shown.translate(_SUPERSCRIPT_OF)
        if text:
            parts.append(text)
    return "·".join(parts)


def _suggestion(text: str) -> str:
    valid, _tree, problems, _non_dsi = _dsi_parse("\\" + text.lstrip("\\"))
    hint = next((p for p in problems if "Did you mean" in p), "")
    base = "type a symbol such as mV, °C, kPa, %, m/s, a UCUM code such as Cel, or D-SI such as \\milli\\volt"
    return f"{base}. {hint}".strip() if hint else base
