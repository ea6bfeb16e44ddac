"""The register of approved instrument types (ГРСИ, FIF registry 4), as far as a verification laboratory needs it.

A type is keyed by its full registration number (``16078-13``: the base number is kept on re-registration while the
year suffix changes, so ``8680-82`` and ``8680-05`` are two types). Its verification interval fills a record's
valid-until date: the verification date plus the interval, minus one day.

Snapshots come as CSV (UTF-8, header row) or JSON, in this application's columns, or as the public eapi's
``/mit/{uuid}`` records (NATIONAL.md §4); a snapshot is made on any online machine and carried to an offline one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coomet_lab.jurisdictions.ru.checks import TYPE_NUMBER
from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.quantities.numbers import whole_number

SNAPSHOT_COLUMNS = ("reg_number", "name", "designation", "manufacturer", "interval", "periodic", "procedure")


@dataclass(frozen=True)
class InstrumentType:
    reg_number: str
    name: str
    designation: str = ""
    manufacturer: str = ""
    interval_text: str = ""  # verbatim, e.g. "4 года" or "1 год; для ротаметров - первичная поверка"
    interval_months: int | None = None
    periodic: bool = True  # periodic verification is provided for (else primary only: no valid-until)
    procedure: str = ""  # the verification procedure document (fills docTitle)

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


# ASCII digits, at most four before the decimal mark: "²" or 5,000 digits are no interval (float() makes the latter
# inf, and round(inf) raises).
_INTERVAL = re.compile(r"(?<![0-9])([0-9]{1,4}(?:[.,][0-9]{1,3})?)\s*"
                       r"(год|года|лет|г\.?|year|years|y|мес|месяц|месяца|месяцев|month|months|m)\b", re.IGNORECASE)


_MAX_MONTHS = 1200  # a hundred years: anything longer is a typo, and valid_until() must stay inside year 9999


def parse_interval(text: str) -> int | None:
    """Months in an interval as the register writes it ("4 года", "12 мес.", "1 год; ..."): the first one given."""
    text = text.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        months = whole_number(text)
        return months if months is not None and 0 < months <= _MAX_MONTHS else None
    match = _INTERVAL.search(text)
    if match is None:
        return None
    amount = float(match.group(1).replace(",", "."))
    unit = match.group(2).lower()
    stated = amount if unit.startswith(("мес", "month", "m")) else amount * 12
    return int(round(stated)) if 0 < stated <= _MAX_MONTHS else None


def valid_until(verified: dt.date | str, months: int) -> dt.date:
    """The last day a verification is valid: verification date + interval − 1 day.

    A day that the target month does not have rolls over to the next month's first day before the one day is
    taken back, so 2024-02-29 + 1 year is valid until 2025-02-28 and 2026-01-31 + 1 month until 2026-02-28.
    """
    day = dt.date.fromisoformat(verified) if isinstance(verified, str) else verified
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    try:
        anniversary = dt.date(year, month, day.day)
    except ValueError:
        anniversary = dt.date(year + month // 12, month % 12 + 1, 1)
    return anniversary - dt.timedelta(days=1)


def read_snapshot(path: str | Path) -> list[InstrumentType]:
    """Types from a CSV or JSON snapshot; every bad line is reported together, nothing half-read."""
    from coomet_lab.dcc.io.document import read_json_file

    text, path = read_json_file(path, "a type register snapshot")  # bounded, UTF-8, a file: CSV or JSON alike
    if path.suffix.lower() == ".json":
        return _from_json(text, path)
    return _from_csv(text, path)


def _from_csv(text: str, path: Path) -> list[InstrumentType]:
    from coomet_lab.dcc.io.document import first_non_xml_character

    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows, problems = [], []
    try:
        missing = [c for c in ("reg_number", "name") if c not in (reader.fieldnames or [])]
        if missing:
            raise UnusableInputError(f"{path}: the header row lacks {', '.join(missing)} (columns: "
                                     f"{', '.join(SNAPSHOT_COLUMNS)})")
        for row in reader:
            line = reader.line_num
            cells = {k: (v or "").strip() if isinstance(v, str) else "" for k, v in row.items() if k}
            bad = next(((k, i) for k, v in cells.items() if (i := first_non_xml_character(v)) is not None), None)
            if bad is not None:
                problems.append(f"line {line}, {bad[0]}: character {bad[1] + 1} is {ascii(cells[bad[0]][bad[1]])}, "
                                "which a certificate cannot hold (NUL or a control character)")
                continue
            try:
                rows.append(_make_type(cells))
            except ValueError as exc:
                problems.append(f"line {line}: {exc}")
    except csv.Error as exc:
        raise UnusableInputError(f"{path}, line {reader.line_num}: not readable as CSV ({exc})") from None
    return _checked(rows, problems, path)


def _from_json(text: str, path: Path) -> list[InstrumentType]:
    from coomet_lab.dcc.io.document import read_json
    from coomet_lab.kernel.errors import DocumentError

    try:
        data = read_json(text, str(path))  # numbers stay text: an interval of 5,000 digits is refused by name
    except DocumentError as exc:
        raise UnusableInputError(str(exc)) from None  # "file:[3].name: why", the file and the place
    key = "types" if isinstance(data, dict) and "types" in data else "items"
    items = data.get(key) if isinstance(data, dict) else data
    prefix = f"{key}" if isinstance(data, dict) else ""
    if not isinstance(items, list):
        raise UnusableInputError(f"{path}: expected a list of types (or {{\"types\": [...]}})")
    rows, problems = [], []
    for index, item in enumerate(items, start=1):
        where = f"{prefix}[{index - 1}]"
        try:
            if not isinstance(item, dict):
                found = {list: "a list", str: "text or a number", bool: "true or false"}.get(type(item), "null")
                raise ValueError(f"{where}: expected an object (one type), found {found}")
            rows.append(_make_type(_from_eapi(item, where) if "general" in item else _columns(item, where)))
        except ValueError as exc:
            problems.append(f"entry {index}: {exc}")
    return _checked(rows, problems, path)


def _text(value: Any, where: str) -> str:
    """A JSON value that must be text (numbers arrive as their literal text); a list or object is named."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    raise ValueError(f"{where}: expected text, found {'a list' if isinstance(value, list) else 'an object'}")


def _objects(value: Any, where: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{where}: expected a list of objects")
    return value


def _columns(item: dict[str, Any], where: str) -> dict[str, str]:
    return {name: _text(item.get(name), f"{where}.{name}") for name in SNAPSHOT_COLUMNS}


def _from_eapi(item: dict[str, Any], where: str) -> dict[str, Any]:
    """A record of the public eapi (``GET /eapi/mit/{mit_uuid}``) in the snapshot's columns."""
    general = item.get("general") or {}
    if not isinstance(general, dict):
        raise ValueError(f"{where}.general: expected an object")
    notation = general.get("notation") or []
    if not isinstance(notation, list):
        raise ValueError(f"{where}.general.notation: expected a list of designations")
    mpi = [_text(m.get("mpi"), f"{where}.mpi[{i}].mpi")
           for i, m in enumerate(_objects(item.get("mpi"), f"{where}.mpi"))]
    meth = _objects(item.get("meth"), f"{where}.meth")
    return {
        "reg_number": _text(general.get("number"), f"{where}.general.number"),
        "name": _text(general.get("title"), f"{where}.general.title"),
        "designation": ", ".join(_text(n, f"{where}.general.notation[{i}]") for i, n in enumerate(notation)),
        "manufacturer": "; ".join(_text(m.get("title"), f"{where}.manufacturer[{i}].title")
                                  for i, m in enumerate(_objects(item.get("manufacturer"), f"{where}.manufacturer"))),
        "interval": mpi[0] if mpi else "",
        "procedure": _text(meth[0].get("title"), f"{where}.meth[0].title") if meth else "",
    }


def _make_type(row: dict[str, Any]) -> InstrumentType:
    number = str(row.get("reg_number", "")).strip()
    if not TYPE_NUMBER.fullmatch(number):
        raise ValueError(f"reg_number {number!r} is not a type registration number (e.g. 16078-13)")
    name = str(row.get("name", "")).strip()
    if not name:
        raise ValueError(f"{number}: the type's name is empty")
    interval = str(row.get("interval", "") or "").strip()
    months = parse_interval(interval)
    if interval and months is None:
        shown = interval if len(interval) <= 40 else f"{interval[:40]}… ({len(interval)} characters)"
        raise ValueError(f"{number}: cannot read the verification interval {shown!r} (e.g. '4 года', "
                         "'12 мес.' or a number of months)")
    periodic_text = str(row.get("periodic", "")).strip().lower()
    periodic = periodic_text not in ("false", "0", "нет", "no") and (months is not None or periodic_text != "")
    return InstrumentType(number, name, str(row.get("designation", "") or "").strip(),
                          str(row.get("manufacturer", "") or "").strip(), interval, months, periodic,
                          str(row.get("procedure", "") or "").strip())


def _checked(rows: list[InstrumentType], problems: list[str], path: Path) -> list[InstrumentType]:
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        if row.reg_number in seen:
            problems.append(f"{row.reg_number} appears twice")
        seen[row.reg_number] = index
    if problems:
        raise UnusableInputError(f"{path}: nothing imported; " + "; ".join(problems[:20])
                                 + (f"; and {len(problems) - 20} more" if len(problems) > 20 else ""))
    if not rows:  # the database would refuse an empty insert with a NOT NULL message about reg_number
        raise UnusableInputError(f"{path}: the snapshot holds no instrument types; nothing imported")
    return rows
