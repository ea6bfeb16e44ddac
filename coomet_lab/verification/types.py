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
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coomet_lab.errors import UnusableInputError
from coomet_lab.verification.checks import TYPE_NUMBER

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


_INTERVAL = re.compile(r"(\d+(?:[.,]\d+)?)\s*(год|года|лет|г\.?|year|years|y|мес|месяц|месяца|месяцев|month|"
                       r"months|m)\b", re.IGNORECASE)


def parse_interval(text: str) -> int | None:
    """Months in an interval as the register writes it ("4 года", "12 мес.", "1 год; ..."): the first one given."""
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    match = _INTERVAL.search(text)
    if match is None:
        return None
    amount = float(match.group(1).replace(",", "."))
    unit = match.group(2).lower()
    months = amount if unit.startswith(("мес", "month", "m")) else amount * 12
    return int(round(months)) if months > 0 else None


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
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UnusableInputError(f"cannot read the type register snapshot {path}: {exc}") from exc
    if path.suffix.lower() == ".json":
        return _from_json(text, path)
    return _from_csv(text, path)


def _from_csv(text: str, path: Path) -> list[InstrumentType]:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("reg_number", "name") if c not in (reader.fieldnames or [])]
    if missing:
        raise UnusableInputError(f"{path}: the header row lacks {', '.join(missing)} (columns: "
                                 f"{', '.join(SNAPSHOT_COLUMNS)})")
    rows, problems = [], []
    for line, row in enumerate(reader, start=2):
        try:
            rows.append(_make_type({k: (v or "").strip() for k, v in row.items() if k}))
        except ValueError as exc:
            problems.append(f"line {line}: {exc}")
    return _checked(rows, problems, path)


def _from_json(text: str, path: Path) -> list[InstrumentType]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnusableInputError(f"{path} is not JSON: {exc}") from exc
    items = data.get("types", data.get("items")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise UnusableInputError(f"{path}: expected a list of types (or {{\"types\": [...]}})")
    rows, problems = [], []
    for index, item in enumerate(items, start=1):
        try:
            rows.append(_make_type(_from_eapi(item) if isinstance(item, dict) and "general" in item else item))
        except (ValueError, TypeError, AttributeError) as exc:
            problems.append(f"entry {index}: {exc}")
    return _checked(rows, problems, path)


def _from_eapi(item: dict[str, Any]) -> dict[str, Any]:
    """A record of the public eapi (``GET /eapi/mit/{mit_uuid}``) in the snapshot's columns."""
    general = item.get("general") or {}
    mpi = [m.get("mpi", "") for m in item.get("mpi") or [] if isinstance(m, dict)]
    return {
        "reg_number": general.get("number", ""), "name": general.get("title", ""),
        "designation": ", ".join(general.get("notation") or []),
        "manufacturer": "; ".join(m.get("title", "") for m in item.get("manufacturer") or [] if isinstance(m, dict)),
        "interval": mpi[0] if mpi else "",
        "procedure": next((m.get("title", "") for m in item.get("meth") or [] if isinstance(m, dict)), ""),
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
        raise ValueError(f"{number}: cannot read the verification interval {interval!r} (e.g. '4 года', "
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
    return rows
