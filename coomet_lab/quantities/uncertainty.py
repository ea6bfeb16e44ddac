"""Measurement uncertainty as the GUM and D-SI 2.2 state it, and GUM rounding as an explicit step.

Rounding never happens behind the user's back: :func:`round_result` returns the rounded text and says whether
anything changed, and the caller (the results table, the command line) shows it before applying it.

Rule (GUM 7.2.6, EA-4/02 M:2022 §7): the expanded uncertainty is stated with two significant digits, rounded to
the nearest, but rounded up instead when rounding to the nearest would lower it by more than 5 %; the value is
rounded to the same decimal place, half to even (ISO 80000-1 Annex B) unless ``half-up`` is asked for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, localcontext

from coomet_lab.quantities.numbers import (
    decimal_text,
    parse_coverage_factor,
    parse_non_negative,
    parse_probability,
    to_decimal,
)

DEFAULT_K = "2"
DEFAULT_P = "0.95"


@dataclass(frozen=True)
class ExpandedUncertainty:
    """U with its coverage factor k and coverage probability p, all as exact D-SI text."""

    value: str
    coverage_factor: str = DEFAULT_K
    coverage_probability: str = DEFAULT_P
    distribution: str | None = None

    @classmethod
    def parse(cls, value: str, k: str = DEFAULT_K, p: str = DEFAULT_P, *,
              decimal_separator: str = ".") -> ExpandedUncertainty:
        """Check typed input: U not negative, k at least 1, p between 0 and 1."""
        return cls(
            parse_non_negative(value, decimal_separator=decimal_separator),
            parse_coverage_factor(k, decimal_separator=decimal_separator),
            parse_probability(p, decimal_separator=decimal_separator),
        )

    def standard(self) -> Decimal:
        """The standard uncertainty u = U / k."""
        return to_decimal(self.value) / to_decimal(self.coverage_factor)


def coverage_probability_for(k: str) -> float:
    """The coverage probability of ``k`` for a normal distribution (k = 2 → 0.9545)."""
    return math.erf(float(to_decimal(k)) / math.sqrt(2))


@dataclass(frozen=True)
class RoundedResult:
    value: str
    uncertainty: str
    changed: bool
    rounded_up: bool


_VALUE_ROUNDING = {"half-even": ROUND_HALF_EVEN, "half-up": ROUND_HALF_UP}


def round_result(value: str, uncertainty: str, *, significant: int = 2,
                 value_rounding: str = "half-even") -> RoundedResult:
    """Round U to ``significant`` digits (up if nearest loses > 5 %) and the value to the same decimal place."""
    u = to_decimal(uncertainty)
    v = to_decimal(value)
    if u.is_nan() or v.is_nan() or u <= 0:
        return RoundedResult(value, uncertainty, changed=False, rounded_up=False)
    with localcontext() as context:
        context.prec = 400  # quantize must never run out of digits, whatever the magnitudes
        return _round(value, uncertainty, v, u, significant, value_rounding)


def _round(value: str, uncertainty: str, v: Decimal, u: Decimal, significant: int,
           value_rounding: str) -> RoundedResult:
    quantum = Decimal(1).scaleb(u.adjusted() - significant + 1)
    nearest = u.quantize(quantum, rounding=ROUND_HALF_UP)
    rounded_up = nearest < u * Decimal("0.95")
    u_rounded = u.quantize(quantum, rounding=ROUND_CEILING) if rounded_up else nearest
    if u_rounded.adjusted() > u.adjusted():
        # 9.96 → 10: keep two significant digits of the new magnitude (10, not 10.0).
        quantum = Decimal(1).scaleb(u_rounded.adjusted() - significant + 1)
        u_rounded = u_rounded.quantize(quantum, rounding=ROUND_HALF_UP)
    v_rounded = v.quantize(quantum, rounding=_VALUE_ROUNDING[value_rounding])
    value_text, uncertainty_text = decimal_text(v_rounded), decimal_text(u_rounded)
    changed = value_text != value or uncertainty_text != uncertainty
    return RoundedResult(value_text, uncertainty_text, changed, rounded_up)
