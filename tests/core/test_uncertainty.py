from __future__ import annotations

import pytest

from coomet_lab.kernel.errors import NumberFormatError
from coomet_lab.quantities.uncertainty import ExpandedUncertainty, coverage_probability_for, round_result


@pytest.mark.parametrize(
    "value, u, rounded_value, rounded_u",
    [
        ("10.00213", "0.01234", "10.002", "0.012"),
        ("10.00213", "0.0126", "10.002", "0.013"),
        ("100.05", "0.0996", "100.05", "0.10"),
        ("20.0137", "0.021", "20.014", "0.021"),
        ("0.12345", "0.00104", "0.1234", "0.0010"),  # half to even on the value
        ("-3.14159", "0.0271", "-3.142", "0.027"),
    ],
)
def test_gum_rounding(value, u, rounded_value, rounded_u):
    result = round_result(value, u)
    assert (result.value, result.uncertainty) == (rounded_value, rounded_u)
    assert result.changed


def test_gum_rounding_reports_when_nothing_changes():
    result = round_result("10.0025", "0.0011")
    assert not result.changed
    assert (result.value, result.uncertainty) == ("10.0025", "0.0011")


def test_half_up_is_available_for_laboratories_that_use_it():
    assert round_result("0.12345", "0.00104", value_rounding="half-up").value == "0.1235"


def test_one_significant_digit_rounds_up_when_nearest_loses_more_than_five_percent():
    result = round_result("1.23", "0.0149", significant=1)
    assert result.uncertainty == "0.02" and result.rounded_up


def test_expanded_uncertainty_checks_typed_input():
    u = ExpandedUncertainty.parse("0,025", "2", "0,95", decimal_separator=",")
    assert (u.value, u.coverage_factor, u.coverage_probability) == ("0.025", "2", "0.95")
    assert str(u.standard()) == "0.0125"
    with pytest.raises(NumberFormatError):
        ExpandedUncertainty.parse("0.02", "0.5")


def test_normal_coverage_probability():
    assert coverage_probability_for("2") == pytest.approx(0.9545, abs=1e-4)
