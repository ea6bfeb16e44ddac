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

from coomet_lab.jurisdictions.ru.checks import Problem, check_batch, check_record
from coomet_lab.jurisdictions.ru.record import Conditions, Means, VerificationRecord
from coomet_lab.jurisdictions.ru.types import InstrumentType, valid_until
from coomet_lab.kernel.errors import UnusableInputError

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


MAX_CSV_BYTES = 64 * 1024 * 1024  # 50,000 verifications are about 15 MB of CSV


def _read_csv(path: Path) -> list[tuple[int, dict[str, str]]]:
    try:
        size = path.stat().st_size
        if size > MAX_CSV_BYTES and path.is_file():
            raise UnusableInputError(f"{path}: the file is {size / 1024 / 1024:.1f} MB, more than the "
                                     f"{MAX_CSV_BYTES // 1024 // 1024} MB a batch may take; split it")
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


# A batch of 50,000 verifications is about 40 MB of sheet XML; a "workbook" that unpacks to more is a zip bomb.
MAX_XLSX_UNPACKED = 256 * 1024 * 1024
MAX_CELL_ERRORS_SHOWN = 20


def _check_xlsx_archive(path: Path) -> None:
    """What openpyxl would only find out the slow or the confusing way: not a ZIP, a ZIP that is no workbook, a
    workbook that unpacks to gigabytes (it would parse every byte)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except OSError as exc:
        raise UnusableInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise UnusableInputError(f"{path} is not an XLSX workbook (not a ZIP archive: {exc}); save the table as "
                                 "Excel Workbook (.xlsx) or as CSV UTF-8") from None
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise UnusableInputError(f"{path} is a ZIP archive but not an XLSX workbook (no xl/workbook.xml); save the "
                                 "table as Excel Workbook (.xlsx) or as CSV UTF-8")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED:
        raise UnusableInputError(f"{path} unpacks to {unpacked / 1024 / 1024:.0f} MB, more than the "
                                 f"{MAX_XLSX_UNPACKED // 1024 // 1024} MB a batch may take (a zip bomb?); nothing read")


def _read_xlsx(path: Path) -> list[tuple[int, dict[str, str]]]:
    import warnings

    from openpyxl import load_workbook

    _check_xlsx_archive(path)
    with warnings.catch_warnings():
        # openpyxl warns on stderr about cells it cannot convert (a date serial out of range becomes an error
        # cell, reported below by line and column) and about features it drops; the user gets our message only.
        warnings.simplefilter("ignore")
        try:
            workbook = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 (openpyxl raises many kinds for a broken file)
            raise UnusableInputError(f"cannot read {path} as XLSX: {exc}") from exc
        try:
            return _xlsx_rows(workbook, path)
        except UnusableInputError:
            raise
        except Exception as exc:  # noqa: BLE001 (a damaged sheet fails while it is read, in openpyxl's own terms)
            raise UnusableInputError(f"cannot read {path} as XLSX: the sheet is damaged ({type(exc).__name__}: "
                                     f"{exc})") from exc
        finally:
            workbook.close()


def _xlsx_rows(workbook, path: Path) -> list[tuple[int, dict[str, str]]]:  # noqa: ANN001
    sheet = workbook.active
    if sheet is None or not hasattr(sheet, "iter_rows"):
        count = len(workbook.worksheets)
        raise UnusableInputError(f"{path} has no active worksheet to read ({count} worksheet(s) in the workbook); "
                                 "open it in Excel, select the sheet with the batch and save it again")
    from openpyxl.cell.cell import ERROR_CODES

    iterator = sheet.iter_rows(values_only=True)  # values, not cell objects: a third faster on 20,000 rows
    header = next(iterator, None)
    if header is None:
        raise UnusableInputError(f"{path} is empty: expected a header row ({', '.join(COLUMNS)})")
    names = _header(["" if h is None else str(h) for h in header], path)
    rows, errors = [], []
    for line, values in enumerate(iterator, start=2):
        cells = []
        for index, value in enumerate(values):
            # An error cell (#N/A, #REF!..., or a date serial openpyxl cannot convert) reads as its code.
            if isinstance(value, str) and value in ERROR_CODES:
                column = names[index] if index < len(names) and names[index] else f"column {index + 1}"
                errors.append(f"line {line}, {column}: the cell holds the spreadsheet error {value}")
            cells.append(_cell(value))
        if any(cells):
            rows.append((line, dict(zip(names, cells, strict=False))))
    if errors:
        more = f"; and {len(errors) - MAX_CELL_ERRORS_SHOWN} more" if len(errors) > MAX_CELL_ERRORS_SHOWN else ""
        raise UnusableInputError(f"{path}: nothing read; correct the cells in the workbook: "
                                 + "; ".join(errors[:MAX_CELL_ERRORS_SHOWN]) + more)
    return rows


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
