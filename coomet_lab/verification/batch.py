"""Verification results in bulk: a CSV or XLSX table, one verification per row.

Columns (UTF-8, header row, comma-separated, dates YYYY-MM-DD; the order does not matter, unknown columns are
refused so a typo in a header is not silently ignored):

    mitype_number, modification, manufacture_num, manufacture_year, owner, vrf_date, valid_date,
    type (1 primary, 2 periodic), calibration (true/false), applicable (true/false), sticker_num, sign_pass,
    sign_mi, reasons, doc_title, metrologist, etalons (register numbers separated by ;), temperature, pressure,
    humidity, sign_cipher

Every bad row is reported with its line and field. A blank valid_date of a fit instrument is computed from the type
register's interval when the type is known (and stays blank for a type verified only once).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coomet_lab.errors import UnusableInputError
from coomet_lab.verification.checks import Problem, check_batch, check_record
from coomet_lab.verification.record import Conditions, Means, VerificationRecord
from coomet_lab.verification.types import InstrumentType, valid_until

COLUMNS = ("mitype_number", "modification", "manufacture_num", "manufacture_year", "owner", "vrf_date",
           "valid_date", "type", "calibration", "applicable", "sticker_num", "sign_pass", "sign_mi", "reasons",
           "doc_title", "metrologist", "etalons", "temperature", "pressure", "humidity", "sign_cipher")
REQUIRED_COLUMNS = ("mitype_number", "manufacture_num", "owner", "vrf_date", "type", "applicable", "doc_title",
                    "etalons", "temperature", "pressure", "humidity", "sign_cipher")
TRUE, FALSE = ("true", "1", "да", "yes"), ("false", "0", "нет", "no", "")


@dataclass(frozen=True)
class RowProblem:
    line: int
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"line {self.line}, {self.field}: {self.message}"


@dataclass
class Batch:
    source: str
    records: list[tuple[int, VerificationRecord]] = field(default_factory=list)  # (line, record)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[RowProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def bad_lines(self) -> set[int]:
        return {p.line for p in self.errors}

    def good(self) -> list[tuple[int, VerificationRecord]]:
        bad = self.bad_lines
        return [(line, record) for line, record in self.records if line not in bad]


def read_batch(path: str | Path, *, lookup: Callable[[str], InstrumentType | None] | None = None,
               today: dt.date | None = None) -> Batch:
    """Read and check every row of a CSV or XLSX file (nothing is stored here)."""
    return records_from_rows(read_rows(path), source=str(path), lookup=lookup, today=today)


def read_rows(path: str | Path) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV or XLSX batch as (line, column → text), header checked, nothing else judged yet."""
    path = Path(path)
    return _read_xlsx(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _read_csv(path)


def records_from_rows(rows: Iterable[tuple[int, dict[str, str]]], *, source: str,
                      lookup: Callable[[str], InstrumentType | None] | None = None,
                      today: dt.date | None = None) -> Batch:
    batch = Batch(source)
    for line, row in rows:
        problems: list[Problem] = []
        record = _record(row, problems)
        if record is None:
            batch.problems.extend(RowProblem(line, p.field, p.message, p.severity) for p in problems)
            continue
        _complete_from_register(record, lookup, problems)
        problems.extend(check_record(record, today=today))
        batch.problems.extend(RowProblem(line, p.field, p.message, p.severity) for p in problems)
        batch.records.append((line, record))
    for index, duplicates in check_batch([r for _line, r in batch.records]).items():
        line = batch.records[index][0]
        batch.problems.extend(RowProblem(line, p.field, p.message, p.severity) for p in duplicates)
    batch.problems.sort(key=lambda p: (p.line, COLUMNS.index(p.field) if p.field in COLUMNS else 99))
    return batch


# ---------------------------------------------------------------------------------------------- reading files

def _delimiter(text: str) -> str:
    """Comma, as the format says; but Excel in a Russian locale saves "CSV" with semicolons, so a header line with
    semicolons and no comma is read that way (a ';' inside a field, as in etalons, is then quoted by Excel)."""
    header = text.split("\n", 1)[0]
    return ";" if ";" in header and "," not in header else ","


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise UnusableInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise UnusableInputError(f"{path} is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8") from exc
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise UnusableInputError(f"{path} is empty: expected a header row ({', '.join(COLUMNS)})") from None
    except csv.Error as exc:
        raise UnusableInputError(f"{path}: {exc}") from exc
    names = _header(header, path)
    rows = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(names):
                raise UnusableInputError(f"{path}, line {reader.line_num}: {len(cells)} cells but {len(names)} "
                                         f"columns (a {'semicolon' if reader.dialect.delimiter == ';' else 'comma'} "
                                         "inside a value needs quotes)")
            rows.append((reader.line_num, dict(zip(names, [c.strip() for c in cells], strict=False))))
    except csv.Error as exc:
        raise UnusableInputError(f"{path}, line {reader.line_num}: {exc}") from exc
    return rows


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 (openpyxl raises many kinds for a broken file)
        raise UnusableInputError(f"cannot read {path} as XLSX: {exc}") from exc
    try:
        sheet = workbook.active
        iterator = sheet.iter_rows(values_only=True)
        header = next(iterator, None)
        if header is None:
            raise UnusableInputError(f"{path} is empty: expected a header row ({', '.join(COLUMNS)})")
        names = _header(["" if h is None else str(h) for h in header], path)
        rows = []
        for line, values in enumerate(iterator, start=2):
            cells = [_cell(v) for v in values]
            if any(cells):
                rows.append((line, dict(zip(names, cells, strict=False))))
        return rows
    finally:
        workbook.close()


def _cell(value: object) -> str:
    """A spreadsheet cell as text: dates as YYYY-MM-DD, whole numbers without '.0', booleans as true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _header(cells: list[str], path: Path) -> list[str]:
    names = [c.strip().lower() for c in cells]
    unknown = [n for n in names if n and n not in COLUMNS]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        raise UnusableInputError(f"{path}: {'; '.join(parts)}; the columns are {', '.join(COLUMNS)}")
    duplicates = sorted({n for n in names if n and names.count(n) > 1})
    if duplicates:
        raise UnusableInputError(f"{path}: column(s) {', '.join(duplicates)} appear twice")
    return names


# ---------------------------------------------------------------------------------------------- one row

def _record(row: dict[str, str], problems: list[Problem]) -> VerificationRecord | None:
    def text(name: str) -> str:
        return (row.get(name) or "").strip()

    def flag(name: str, default: bool = False) -> bool:
        value = text(name).lower()
        if value in TRUE:
            return True
        if value in FALSE:
            return default if value == "" else False
        problems.append(Problem(name, f"{text(name)!r} is not true or false"))
        return default

    kind = text("type")
    if kind not in ("1", "2"):
        problems.append(Problem("type", f"{kind!r}: 1 (primary) or 2 (periodic)"))
    applicable_text = text("applicable").lower()
    if applicable_text not in TRUE + FALSE[:-1]:
        problems.append(Problem("applicable", f"{text('applicable')!r}: true (fit) or false (unfit)"))
    record = VerificationRecord(
        mitype_number=text("mitype_number"), modification=text("modification"),
        manufacture_num=text("manufacture_num"), manufacture_year=text("manufacture_year"), owner=text("owner"),
        verification_type=int(kind) if kind in ("1", "2") else 0, vrf_date=text("vrf_date"),
        valid_date=text("valid_date"), calibration=flag("calibration"), applicable=applicable_text in TRUE,
        sticker_num=text("sticker_num"), sign_pass=flag("sign_pass"), sign_mi=flag("sign_mi"),
        reasons=text("reasons"), doc_title=text("doc_title"), metrologist=text("metrologist"),
        sign_cipher=text("sign_cipher"),
        means=Means(etalons=[e.strip() for e in text("etalons").split(";") if e.strip()]),
        conditions=Conditions(text("temperature"), text("pressure"), text("humidity")),
    )
    if any(p.field in ("type", "applicable") for p in problems):
        return None  # what the rest of the checks depend on is unknown: report only this
    return record


def _complete_from_register(record: VerificationRecord,
                            lookup: Callable[[str], InstrumentType | None] | None, problems: list[Problem]) -> None:
    """The type's name for the certificate, and the valid-until date from its interval when none was given."""
    if lookup is None or not record.mitype_number:
        return
    known = lookup(record.mitype_number)
    if known is None:
        problems.append(Problem("mitype_number", f"{record.mitype_number} is not in the local type register "
                                                 "(import a snapshot to check it)", "warning"))
        return
    record.type_title = record.type_title or known.name
    if not record.doc_title and known.procedure:
        record.doc_title = known.procedure
    if record.applicable and not record.valid_date and known.periodic and known.interval_months:
        try:
            record.valid_date = valid_until(record.vrf_date, known.interval_months).isoformat()
        except ValueError:
            pass  # the verification date itself is reported by the checks
