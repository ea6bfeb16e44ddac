"""Verification records: checks, the type register, batches from CSV/XLSX, storage and the command line."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from coomet_lab.jurisdictions.ru import (
    Conditions,
    Means,
    VerificationRecord,
    check_record,
    errors,
    parse_interval,
    read_batch,
    read_snapshot,
    valid_until,
)
from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.repository import Repository
from coomet_lab.repository.verifications import VerificationRecordError

from tests.helpers import REPO

DATA = REPO / "tests" / "data" / "verification"
TODAY = dt.date(2026, 11, 26)


def fit_record(**changes) -> VerificationRecord:
    record = VerificationRecord(
        mitype_number="16078-13", modification="-", manufacture_num="29839342", manufacture_year="2019",
        owner="Физическое лицо", vrf_date="2026-11-20", valid_date="2032-11-19", doc_title="МИ 1592-2015",
        metrologist="Иванов И.И.", sign_cipher="ДГХ", means=Means(etalons=["72850.18.3Р.00703091"]),
        conditions=Conditions("21,5 °C", "100,9 кПа", "45 %"))
    for key, value in changes.items():
        setattr(record, key, value)
    return record


def fields_of(problems) -> set[str]:
    return {p.field for p in errors(problems)}


# ------------------------------------------------------------------------------------------------ the checks

def test_a_complete_fit_record_passes():
    assert errors(check_record(fit_record(), today=TODAY)) == []


@pytest.mark.parametrize("changes, field, words", [
    ({"mitype_number": "1607813"}, "mitype_number", "not a type registration number"),
    ({"valid_date": "2026-11-19"}, "valid_date", "not after the verification date"),
    ({"sign_cipher": "DGX"}, "sign_cipher", "Latin letter(s) D, G, X"),
    ({"sign_cipher": "ДГX"}, "sign_cipher", "they look alike but are Latin"),
    ({"sign_cipher": "ДГХЖ"}, "sign_cipher", "one to three Cyrillic capitals"),
    ({"owner": "Я" * 513}, "owner", "513 characters, at most 512"),
    ({"reasons": "Трещина стекла"}, "reasons", "a fit instrument has no reasons"),
    ({"applicable": False, "valid_date": ""}, "reasons", "needs the reasons for unfitness"),
    ({"applicable": False, "reasons": "Погрешность", "valid_date": "2032-11-19"}, "valid_date",
     "an unfit instrument has no valid-until date"),
    ({"applicable": False, "reasons": "Погрешность", "valid_date": "", "sticker_num": "123"}, "applicable",
     "gets no verification mark"),
    ({"vrf_date": "20.11.2026"}, "vrf_date", "write YYYY-MM-DD"),
    ({"vrf_date": "2026-12-01", "valid_date": ""}, "vrf_date", "in the future"),
    ({"modification": ""}, "modification", "write '-'"),
    ({"manufacture_num": ""}, "manufacture_num", "serial number"),
    ({"means": Means()}, "etalons", "the standards used"),
    ({"conditions": Conditions("21 °C", "", "45 %")}, "pressure", "write '-'"),
    ({"manufacture_year": "19"}, "manufacture_year", "not a year"),
    ({"owner": "ООО\x07"}, "owner", "control character"),
])
def test_each_bad_field_is_named_with_a_plain_reason(changes, field, words):
    problems = errors(check_record(fit_record(**changes), today=TODAY))
    assert field in fields_of(problems), problems
    assert any(words in p.message for p in problems if p.field == field), problems


def test_a_fit_record_without_valid_until_is_only_a_warning():
    problems = check_record(fit_record(valid_date=""), today=TODAY)
    assert errors(problems) == [] and problems[0].severity == "warning"


# ------------------------------------------------------------------------------------------------ dates, types

@pytest.mark.parametrize("verified, months, until", [
    ("2025-02-10", 72, "2031-02-09"), ("2024-02-29", 12, "2025-02-28"), ("2024-02-29", 48, "2028-02-28"),
    ("2026-01-31", 1, "2026-02-28"), ("2026-12-15", 1, "2027-01-14"), ("2026-11-20", 6, "2027-05-19"),
])
def test_valid_until_is_the_day_before_the_anniversary(verified, months, until):
    assert valid_until(verified, months).isoformat() == until


@pytest.mark.parametrize("text, months", [("4 года", 48), ("1 год", 12), ("5 лет", 60), ("12 мес.", 12),
                                          ("6 месяцев", 6), ("24", 24), ("1 год; для ротаметров - первичная", 12),
                                          ("2 years", 24), ("", None), ("по заявке", None)])
def test_intervals_as_the_register_writes_them(text, months):
    assert parse_interval(text) == months


def test_type_snapshot_from_csv_and_from_eapi_json(tmp_path):
    types = {t.reg_number: t for t in read_snapshot(DATA / "types.csv")}
    assert types["38760-08"].interval_months == 48 and types["38760-08"].periodic
    assert not types["77777-20"].periodic and types["77777-20"].interval_months is None
    eapi = tmp_path / "mit.json"
    eapi.write_text(json.dumps([{"general": {"number": "16078-13", "title": "Счетчики воды крыльчатые",
                                             "notation": ["ВСКМ 90", "ВСКМ 90-15"]},
                                 "mpi": [{"mpi": "6 лет"}], "manufacturer": [{"title": "ООО «Тепловодомер»"}],
                                 "meth": [{"title": "МИ 1592-2015"}]}], ensure_ascii=False), encoding="utf-8")
    (from_eapi,) = read_snapshot(eapi)
    assert (from_eapi.designation, from_eapi.interval_months, from_eapi.procedure) == ("ВСКМ 90, ВСКМ 90-15", 72,
                                                                                       "МИ 1592-2015")


def test_a_bad_snapshot_names_its_lines_and_imports_nothing(tmp_path, app_home):
    bad = tmp_path / "types.csv"
    bad.write_text("reg_number,name,interval\n16078-13,Счетчики,6 лет\n16078 13,Манометры,1 год\n"
                   "22129-09,,1 год\n38760-08,Счетчики,раз в пятилетку\n", encoding="utf-8")
    with pytest.raises(UnusableInputError) as refused:
        read_snapshot(bad)
    message = str(refused.value)
    assert "line 3" in message and "line 4" in message and "line 5" in message and "nothing imported" in message
    with Repository.open() as repo, pytest.raises(UnusableInputError):
        repo.verifications.import_types(bad, who="test")
    with Repository.open() as repo:
        assert repo.verifications.find_type("16078-13") is None


# ------------------------------------------------------------------------------------------------ batches

def test_a_good_batch_computes_valid_until_from_the_register():
    types = {t.reg_number: t for t in read_snapshot(DATA / "types.csv")}
    batch = read_batch(DATA / "batch-good.csv", lookup=types.get, today=TODAY)
    assert batch.errors == []
    first, unfit, primary = (record for _line, record in batch.records)
    assert first.valid_date == "2032-11-19" and first.type_title == "Счетчики воды крыльчатые"
    assert unfit.valid_date == "" and not unfit.applicable and unfit.owner == "ООО «Ромашка» & сыновья"
    assert unfit.means.etalons == ["72850.18.3Р.00703091", "72850.18.3Р.00703092"]
    assert primary.valid_date == "2027-11-18", "a given valid-until is kept as typed"
    assert first.conditions.temperature == "21,5 °C", "conditions exactly as written"


def test_every_bad_row_is_reported_with_its_line_and_field():
    batch = read_batch(DATA / "batch-bad.csv", today=TODAY)
    found = {(p.line, p.field) for p in batch.errors}
    assert {(3, "mitype_number"), (4, "valid_date"), (5, "sign_cipher"), (6, "reasons"), (7, "reasons"),
            (8, "vrf_date"), (9, "type"), (9, "calibration"), (10, "owner"), (11, "manufacture_num")} <= found
    assert 2 not in {p.line for p in batch.errors}, "the good first row is not blamed"
    assert batch.bad_lines == set(range(3, 12))


def test_xlsx_batches_read_like_csv(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    lines = (DATA / "batch-good.csv").read_text(encoding="utf-8").splitlines()
    import csv

    rows = list(csv.reader(lines))
    sheet.append(rows[0])
    for row in rows[1:]:
        cells = list(row)
        cells[5] = dt.date.fromisoformat(cells[5])  # a real date cell, as a spreadsheet stores it
        cells[3] = int(cells[3])
        sheet.append(cells)
    path = tmp_path / "batch.xlsx"
    workbook.save(path)
    batch = read_batch(path, today=TODAY)
    assert batch.errors == []
    assert [r.vrf_date for _l, r in batch.records] == ["2026-11-20", "2026-11-20", "2026-11-19"]
    assert batch.records[0][1].manufacture_year == "2019"


@pytest.mark.parametrize("content, words", [
    ("", "empty"),
    ("mitype_number,serial\n16078-13,1\n", "unknown column(s) serial"),
    (",".join(["owner", *__import__("coomet_lab.jurisdictions.ru", fromlist=["COLUMNS"]).COLUMNS]) + "\n",
     "appear twice"),
])
def test_a_batch_with_wrong_columns_is_refused_whole(tmp_path, content, words):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UnusableInputError) as refused:
        read_batch(path)
    assert words in str(refused.value)


def test_a_batch_in_another_encoding_is_refused_clearly(tmp_path):
    path = tmp_path / "cp1251.csv"
    path.write_bytes((DATA / "batch-good.csv").read_text(encoding="utf-8").encode("cp1251", errors="replace"))
    with pytest.raises(UnusableInputError, match="not UTF-8"):
        read_batch(path)


# ------------------------------------------------------------------------------------------------ storage

def test_recording_is_all_or_nothing_and_never_twice(app_home):
    with Repository.open() as repo:
        store = repo.verifications
        store.import_types(DATA / "types.csv", who="test")
        with pytest.raises(VerificationRecordError) as refused:
            store.import_batch(DATA / "batch-bad.csv", who="test", today=TODAY)
        assert "nothing recorded" in str(refused.value) and len(refused.value.problems) >= 10
        assert store.list() == []
        report = store.import_batch(DATA / "batch-good.csv", who="Иванов И.И.", today=TODAY)
        assert len(report.recorded) == 3
        stored = store.get(report.recorded[0])
        assert stored.status == "recorded" and stored.record.valid_date == "2032-11-19"
        with pytest.raises(VerificationRecordError) as again:
            store.import_batch(DATA / "batch-good.csv", who="test", today=TODAY)
        assert all("already recorded" in p.message for p in again.value.problems)
        partial = store.import_batch(DATA / "batch-bad.csv", who="test", keep_good_rows=True, today=TODAY)
        assert partial.recorded == [] and len(partial.refused_lines) == 10, "row 2 is the same as a recorded one"
        assert repo.verify().ok


def test_a_record_can_be_corrected_until_it_is_exported_and_withdrawn_with_a_reason(app_home):
    with Repository.open() as repo:
        store = repo.verifications
        (key,) = store.record([fit_record()], who="test", today=TODAY)
        corrected = store.correct(key, fit_record(metrologist="Петров П.П."), who="test", today=TODAY)
        assert corrected.record.metrologist == "Петров П.П."
        with pytest.raises(VerificationRecordError, match="Cyrillic"):
            store.correct(key, fit_record(sign_cipher="ABC"), who="test", today=TODAY)
        assert store.get(key).record.sign_cipher == "ДГХ", "a refused correction changes nothing"
        with pytest.raises(VerificationRecordError, match="needs a reason"):
            store.withdraw(key, who="test", reason=" ")
        store.withdraw(key, who="test", reason="entered twice")
        assert store.list() == [] and store.get(key).status == "withdrawn"
        (again,) = store.record([fit_record()], who="test", today=TODAY)
        assert again != key, "a withdrawn record does not block recording the verification properly"
        assert repo.verify().ok


def test_an_exported_record_is_frozen_even_for_a_database_tool(app_home):
    import sqlite3

    with Repository.open() as repo:
        (key,) = repo.verifications.record([fit_record()], who="test", today=TODAY)
        root = repo.root
    db = sqlite3.connect(root / "repository.sqlite")
    db.execute("UPDATE verifications SET status = 'exported' WHERE id = ?", (key,))
    db.commit()
    with pytest.raises(sqlite3.DatabaseError, match="cannot be changed"):
        db.execute("UPDATE verifications SET owner = 'x', record = '{}' WHERE id = ?", (key,))
    with pytest.raises(sqlite3.DatabaseError, match="never deleted"):
        db.execute("DELETE FROM verifications WHERE id = ?", (key,))
    db.close()
    with Repository.open() as repo:
        problems = repo.verify().problems
        assert any(p.code == "row.changed" and "verification #1" in p.message for p in problems), \
            "the status changed behind the application's back is caught"
        with pytest.raises(VerificationRecordError, match="is exported"):
            repo.verifications.correct(key, fit_record(), who="test", today=TODAY)


def test_the_type_register_is_searchable(app_home):
    with Repository.open() as repo:
        store = repo.verifications
        assert store.import_types(DATA / "types.csv", who="test") == 4
        assert [t.reg_number for t in store.search_types("манометр")] == ["22129-09"]
        assert {t.reg_number for t in store.search_types("счетчики вод")} == {"16078-13", "38760-08"}
        assert [t.reg_number for t in store.search_types("16078")] == ["16078-13"]
        assert store.search_types("  ") == []
        assert store.import_types(DATA / "types.csv", who="test") == 4, "a second import replaces, not doubles"
        assert len(store.search_types("счетчики")) == 2


# ------------------------------------------------------------------------------------------------ command line

def run(*args, home):
    env = {"COOMET_LAB_HOME": str(home), "PATH": "/usr/bin:/bin", "COOMET_LAB_USER": "Иванов И.И."}
    return subprocess.run([sys.executable, "-m", "coomet_lab.cli.main", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_command_line_import_reports_every_bad_row_and_records_nothing(app_home):
    assert run("verification", "types", "import", DATA / "types.csv", home=app_home).returncode == 0
    bad = run("verification", "import-csv", DATA / "batch-bad.csv", home=app_home)
    assert bad.returncode == 1
    assert "batch-bad.csv: line 3, mitype_number:" in bad.stderr and "line 5, sign_cipher:" in bad.stderr
    assert "nothing recorded" in bad.stderr
    good = run("verification", "import-csv", DATA / "batch-good.csv", home=app_home)
    assert good.returncode == 0, good.stderr
    assert "3 verification(s) recorded" in good.stdout
    listing = run("verification", "list", "--json", home=app_home)
    records = json.loads(listing.stdout)
    assert len(records) == 3 and {r["status"] for r in records} == {"recorded"}
    water_meter = next(r for r in records if r["record"]["mitype_number"] == "16078-13")
    shown = run("verification", "show", water_meter["id"], home=app_home)
    assert "Счетчики воды крыльчатые" in shown.stdout and "2032-11-19" in shown.stdout
    missing = run("verification", "show", "999", home=app_home)
    assert missing.returncode == 2 and "no verification 999" in missing.stderr


def test_a_batch_saved_by_excel_with_a_bom_crlf_or_semicolons_reads_the_same(tmp_path):
    import csv

    original = read_batch(DATA / "batch-good.csv", today=TODAY)
    rows = list(csv.reader((DATA / "batch-good.csv").read_text(encoding="utf-8").splitlines()))
    semicolons = tmp_path / "excel-ru.csv"
    with semicolons.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=";", lineterminator="\r\n").writerows(rows)
    again = read_batch(semicolons, today=TODAY)
    assert [r for _, r in again.records] == [r for _, r in original.records]
    assert any(";" in "".join(r) for r in rows), "the etalons column holds a ';' and is quoted"
    broken = tmp_path / "broken.csv"
    broken.write_text((DATA / "batch-good.csv").read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    with pytest.raises(UnusableInputError, match="semicolon inside a value needs quotes"):
        read_batch(broken, today=TODAY)


@pytest.mark.parametrize("owner, warned", [
    ("Иванов Иван Иванович", True), ("Иванов И.И.", True), ("Физическое лицо", False),
    ("ООО «Ромашка» & сыновья", False), ("АО «Уралхим»", False),
])
def test_a_private_owners_name_is_flagged_before_it_goes_to_a_public_register(owner, warned):
    problems = check_record(fit_record(owner=owner), today=TODAY)
    flagged = [p for p in problems if p.field == "owner"]
    assert bool(flagged) == warned
    assert all(p.severity == "warning" and "Физическое лицо" in p.message for p in flagged)


def test_a_listing_piped_into_a_reader_that_stops_early_ends_quietly(app_home):
    with Repository.open() as repo:
        repo.verifications.record([fit_record(manufacture_num=f"SN{n}") for n in range(300)], who="test", today=TODAY)
    env = {"COOMET_LAB_HOME": str(app_home), "PATH": "/usr/bin:/bin"}
    listing = subprocess.Popen([sys.executable, "-m", "coomet_lab.cli.main", "verification", "list", "--json"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    listing.stdout.read(100)  # like `| head -c 100`
    listing.stdout.close()
    stderr = listing.stderr.read().decode()
    assert listing.wait(timeout=60) == 0
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
