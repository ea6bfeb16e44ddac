"""``repo.standards``: reference standards, their calibrations, and the traceability of a certificate's
measuring equipment to them (docs/repository.md, "Traceability")."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from sqlalchemy import select

from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import schema, traceability
from coomet_lab.repository.records import Calibration, Standard, certificate_row
from coomet_lab.repository.registries import add_record, change_record
from coomet_lab.repository.store import Store
from coomet_lab.repository.traceability import TraceabilityReport


class Standards:
    """``repo.standards``: add, update, get, list; add_calibration, calibrations_of; check_traceability,
    fill_equipment."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, *, code: str, name: str, who: str, manufacturer: str | None = None, model: str | None = None,
            serial: str | None = None, measuring_range: str | None = None, notes: str | None = None) -> Standard:
        """Register a reference standard (``code``: the laboratory's own unique identifier for it)."""
        key = add_record(self.store, schema.standards, {
            "code": code, "name": name, "manufacturer": manufacturer, "model": model, "serial": serial,
            "measuring_range": measuring_range, "notes": notes}, who)
        return self.get(key)

    def update(self, *, standard_id: int, who: str, **changes: Any) -> Standard:
        change_record(self.store, schema.standards, standard_id, changes, who)
        return self.get(standard_id)

    def get(self, key: int | str) -> Standard:
        column = schema.standards.c.id if isinstance(key, int) else schema.standards.c.code
        with self.store.read() as conn:
            row = conn.execute(select(schema.standards).where(column == key)).mappings().first()
        if row is None:
            raise RecordNotFoundError(kind="standard", key=key)
        return Standard.from_row(row)

    def list(self) -> builtins.list[Standard]:
        with self.store.read() as conn:
            rows = conn.execute(select(schema.standards).order_by(schema.standards.c.code)).mappings()
            return [Standard.from_row(dict(r)) for r in rows]

    def add_calibration(self, *, standard_id: int, certificate_number: str, issuer: str, calibration_date: str,
                        due_date: str, who: str, received_id: int | None = None) -> Calibration:
        """Record a calibration of a standard; ``received_id`` links its DCC (imported, kept with its verdict)."""
        if not (_is_date(calibration_date) and _is_date(due_date)) or due_date < calibration_date:
            raise RepositoryError(f"calibration dates must be YYYY-MM-DD with the due date ({due_date}) not "
                                  f"before the calibration date ({calibration_date})")
        if received_id is not None:
            with self.store.read() as conn:
                received = certificate_row(conn, received_id)
            if received.kind != "received":
                raise RepositoryError(f"certificate #{received_id} was not received from a calibration laboratory")
        key = add_record(self.store, schema.standard_calibrations, {
            "standard_id": standard_id, "certificate_number": certificate_number, "issuer": issuer,
            "calibration_date": calibration_date, "due_date": due_date, "received_id": received_id}, who)
        return self.calibrations_of(standard_id, only=key)[0]

    def calibrations_of(self, standard_id: int, *, only: int | None = None) -> builtins.list[Calibration]:
        cal = schema.standard_calibrations
        query = select(cal).where(cal.c.standard_id == standard_id).order_by(cal.c.calibration_date.desc())
        if only is not None:
            query = query.where(cal.c.id == only)
        with self.store.read() as conn:
            return [Calibration.from_row(r) for r in conn.execute(query).mappings()]

    # -------------------------------------------------------------------------------------- traceability

    def check_traceability(self, certificate: Certificate, *, on_date: str | dt.date | None = None
                           ) -> TraceabilityReport:
        """Each measuring equipment: known, calibrated on the calibration date, certificate present."""
        with self.store.read() as conn:
            return traceability.check(conn, certificate, on_date)

    def fill_equipment(self, certificate: Certificate, *, on_date: str | dt.date | None = None
                       ) -> TraceabilityReport:
        """Fill each traceable equipment's ``certificate`` from the register (changes ``certificate`` in place)."""
        with self.store.read() as conn:
            return traceability.fill_equipment(conn, certificate, on_date)


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        return False
    return len(text) == 10
