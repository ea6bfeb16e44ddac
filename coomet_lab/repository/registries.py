"""The laboratory's registers a certificate is made from: ``repo.customers``, ``repo.persons`` (who sign, with
their key) and ``repo.instrument_types`` (with their certificate templates). Each change is an audited record
(``record added`` / ``record changed`` with the row's hash)."""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import Table, select

from coomet_lab.dcc.io.document import dumps
from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import schema
from coomet_lab.repository.audit import Action
from coomet_lab.repository.store import Store


class Register:
    """One register table: add a row, change some of its columns, list the rows; every change audited."""

    table: Table
    order: str = "name"

    def __init__(self, store: Store) -> None:
        self.store = store

    def _add(self, values: dict[str, Any], who: str) -> int:
        return add_record(self.store, self.table, values, who)

    def _change(self, key: int, changes: dict[str, Any], who: str) -> None:
        change_record(self.store, self.table, key, changes, who)

    def list(self) -> builtins.list[dict[str, Any]]:
        with self.store.read() as conn:
            return [dict(r) for r in conn.execute(select(self.table).order_by(self.table.c[self.order])).mappings()]


class Customers(Register):
    """``repo.customers``: add, update, list."""

    table = schema.customers

    def add(self, *, name: str, who: str, address: str | None = None, contact: str | None = None,
            notes: str | None = None) -> int:
        return self._add({"name": name, "address": address, "contact": contact, "notes": notes}, who)

    def update(self, *, customer_id: int, who: str, **changes: Any) -> None:
        self._change(customer_id, changes, who)


class Persons(Register):
    """``repo.persons``: people who sign certificates, with the key (fingerprint or token label) they sign with."""

    table = schema.persons

    def add(self, *, name: str, who: str, role: str | None = None, email: str | None = None,
            key_id: str | None = None) -> int:
        return self._add({"name": name, "role": role, "email": email, "key_id": key_id}, who)

    def update(self, *, person_id: int, who: str, **changes: Any) -> None:
        self._change(person_id, changes, who)


class InstrumentTypes(Register):
    """``repo.instrument_types``: instrument types with their certificate template (a certificate document)."""

    table = schema.instrument_types

    def add(self, *, name: str, who: str, type_code: str | None = None, template: Certificate | None = None) -> int:
        return self._add({"name": name, "type_code": type_code, "template": dumps(template) if template else None},
                         who)

    def update(self, *, type_id: int, who: str, template: Certificate | None = None, **changes: Any) -> None:
        if template is not None:
            changes["template"] = dumps(template)
        self._change(type_id, changes, who)

    def template(self, type_id: int) -> Certificate | None:
        from coomet_lab.dcc.io.document import loads

        with self.store.read() as conn:
            row = conn.execute(select(schema.instrument_types.c.template)
                               .where(schema.instrument_types.c.id == type_id)).first()
        if row is None:
            raise RecordNotFoundError(kind="instrument type", key=type_id)
        return loads(row.template, source=f"instrument type {type_id}") if row.template else None


def add_record(store: Store, table: Table, values: dict[str, Any], who: str) -> int:
    """Insert a register row (with its time stamps) and its "record added" entry; the row's id."""
    with store.write(f"cannot add to {table.name}") as tx:
        stamps = {"created_at": tx.now}
        if "updated_at" in table.c:
            stamps["updated_at"] = tx.now
        inserted = tx.conn.execute(table.insert().values(**values, **stamps)).inserted_primary_key
        assert inserted is not None
        key = int(inserted[0])
        tx.log(Action.RECORD_ADDED, who, f"{table.name}:{key}", {}, [(table, key)])
        return key


def change_record(store: Store, table: Table, key: int, changes: dict[str, Any], who: str) -> None:
    """Change columns of a register row (never its id or creation time) and log "record changed"."""
    unknown = set(changes) - {c.name for c in table.columns} | ({"id", "created_at"} & set(changes))
    if unknown:
        raise RepositoryError(f"cannot change {sorted(unknown)} of {table.name}")
    with store.write(f"cannot change {table.name} {key}") as tx:
        stamp = {"updated_at": tx.now} if "updated_at" in table.c else {}
        if tx.conn.execute(table.update().where(table.c.id == key).values(**changes, **stamp)).rowcount != 1:
            raise RecordNotFoundError(kind=table.name.rstrip("s"), key=key)
        tx.log(Action.RECORD_CHANGED, who, f"{table.name}:{key}", {"changed": sorted(changes)}, [(table, key)])
