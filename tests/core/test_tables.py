"""Tables edit the certificate's own value lists: typed input is checked and the digits are kept."""

from __future__ import annotations

import pytest

from coomet_lab.dcc.editing.tables import EMPTY, TableEditError, tables_of
from coomet_lab.dcc.io.document import load_document
from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.kernel.errors import DimensionError, NumberFormatError, UnitError
from coomet_lab.quantities.units import parse_unit

from tests.helpers import EX01, PRESSURE, THERMOMETER


def thermometer_table():
    certificate = load_document(THERMOMETER)
    return certificate, next(tables_of(certificate))


def test_tables_are_found_with_their_columns():
    certificate, table = thermometer_table()
    assert table.name("en") == "Calibration results"
    assert [c.name("en") for c in table.columns] == ["Reference temperature", "Indicated temperature",
                                                     "Deviation of the indication"]
    assert table.row_count == 5
    deviation = table.columns[2]
    assert deviation.unit_symbol == "K" and deviation.uncertainties[0] == "0.025"
    assert (deviation.coverage_factor, deviation.coverage_probability) == ("2", "0.95")
    assert len(list(tables_of(load_document(PRESSURE)))) == 2


def test_an_edit_changes_the_xml_with_exactly_the_typed_digits():
    certificate, table = thermometer_table()
    previous = table.columns[1].set_value(2, "50,0500", decimal_separator=",")
    assert previous == "50.05"
    assert b"-39.95 0.03 50.0500 100.06 150.09" in to_bytes(certificate)


def test_bad_cells_change_nothing():
    certificate, table = thermometer_table()
    before = to_bytes(certificate)
    with pytest.raises(NumberFormatError):
        table.columns[1].set_value(0, "1,5e", decimal_separator=",")
    with pytest.raises(TableEditError, match="row 9"):
        table.columns[1].set_value(8, "1.0")
    with pytest.raises(TableEditError, match="row 2, column 2"):
        table.paste([["1.0", "2.0"], ["3.0", "x"]], top=0, left=0)
    assert to_bytes(certificate) == before


def test_unit_of_the_wrong_dimension_is_refused():
    certificate, table = thermometer_table()
    with pytest.raises(DimensionError):
        table.columns[1].set_unit("kPa", like=parse_unit("°C"))
    with pytest.raises(UnitError):
        table.columns[1].set_unit("degrees")
    table.columns[1].set_unit("K", like=parse_unit("°C"))
    assert table.columns[1].unit == "\\kelvin"


def test_paste_a_block_from_a_spreadsheet_adds_rows():
    certificate, table = thermometer_table()
    pasted = table.paste([["200.011", "200.12"], ["250,004", "250,20"]], top=5, left=0, decimal_separator=",")
    assert pasted == 2 and table.row_count == 7
    assert table.columns[0].values[-2:] == ["200.011", "250.004"]
    assert table.columns[2].values[-2:] == [EMPTY, EMPTY]
    report = validate_bytes(to_bytes(certificate))
    empty = [f for f in report.findings if f.code == "rule.table.empty_cell"]
    assert empty and "'Отклонение показания'" in empty[0].message and "row 6, 7" in empty[0].message
    assert not report.valid


def test_rows_can_be_inserted_and_removed():
    certificate, table = thermometer_table()
    table.insert_row(0)
    assert table.columns[0].values[0] == EMPTY and table.columns[2].uncertainties[0] == EMPTY
    table.remove_row(0)
    assert to_bytes(certificate) == to_bytes(load_document(THERMOMETER))


def test_uncertainty_per_row_and_coverage():
    certificate, table = thermometer_table()
    deviation = table.columns[2]
    assert deviation.set_uncertainty(0, "0.031") == "0.025"
    deviation.set_coverage("2", "0.95")
    with pytest.raises(NumberFormatError):
        deviation.set_uncertainty(0, "-0.1")
    assert validate_bytes(to_bytes(certificate)).valid


def test_hybrid_columns_of_real_dccs_are_read_only():
    from coomet_lab.dcc.io.reader import read_certificate_file

    table = next(tables_of(read_certificate_file(EX01)))
    hybrid = next(c for c in table.columns if not c.editable)
    assert hybrid.unit == "\\kelvin" and hybrid.alternative_units[0][0] == "\\degreecelsius"
    with pytest.raises(TableEditError, match="read-only"):
        hybrid.set_value(0, "1")
