from __future__ import annotations

from decimal import Decimal

import pytest

from coomet_lab.kernel.errors import NumberFormatError
from coomet_lab.quantities.numbers import (
    decimal_text,
    parse_coverage_factor,
    parse_non_negative,
    parse_number,
    parse_probability,
)


@pytest.mark.parametrize(
    "typed, stored",
    [
        ("10.0021", "10.0021"),
        ("  -0.0040 ", "-0.0040"),
        ("1.50", "1.50"),
        ("2.5e-3", "2.5e-3"),
        ("2.5E+3", "2.5E+3"),
        ("−3.2", "-3.2"),
        ("1 234.5", "1234.5"),
        ("2·10⁻³", "2e-3"),
        ("1.5×10^6", "1.5e6"),
        ("NaN", "NaN"),
        (".5", ".5"),
    ],
)
def test_numbers_keep_the_digits_they_were_typed_with(typed, stored):
    assert parse_number(typed) == stored


def test_decimal_comma_is_accepted_where_the_locale_uses_one():
    assert parse_number("1,5", decimal_separator=",") == "1.5"
    assert parse_number("10,0021", decimal_separator=",") == "10.0021"
    assert parse_number("10.0021", decimal_separator=",") == "10.0021"


def test_decimal_comma_is_refused_where_it_could_be_a_thousands_separator():
    with pytest.raises(NumberFormatError, match="use a dot"):
        parse_number("1,500")


@pytest.mark.parametrize(
    "typed, reason",
    [
        ("1,5e", "exponent"),
        ("1.5e", "exponent"),
        ("", "nothing was entered"),
        ("12 34", "groups of three"),
        ("1.2.3", "not a decimal"),
        ("inf", "infinite"),
        ("nan", "NaN exactly"),
        ("12 V", "unexpected character"),
        ("١٢", "unexpected character"),
    ],
)
def test_bad_numbers_get_a_specific_reason(typed, reason):
    with pytest.raises(NumberFormatError, match=reason):
        parse_number(typed, decimal_separator=",")


def test_uncertainty_coverage_factor_and_probability_are_checked():
    assert parse_non_negative("0.012") == "0.012"
    with pytest.raises(NumberFormatError, match="negative"):
        parse_non_negative("-0.1")
    assert parse_coverage_factor("2") == "2"
    with pytest.raises(NumberFormatError, match="at least 1"):
        parse_coverage_factor("0.5")
    assert parse_probability("0.95") == "0.95"
    with pytest.raises(NumberFormatError, match="between 0 and 1"):
        parse_probability("95")


def test_decimal_text_never_goes_through_a_float():
    assert decimal_text(Decimal("10.0021")) == "10.0021"
    assert decimal_text(Decimal("0.10")) == "0.10"
    assert decimal_text(Decimal("1.2E-12")) == "1.2E-12"
