"""``repo.drafts``: working copies of certificates (the JSON certificate document), autosaved with a revision.

Drafts are not records: creating and discarding one is logged, autosaves are not.
"""

from __future__ import annotations

import builtins
from typing import Any

from sqlalchemy import Connection, select

from coomet_lab.dcc.io.document import dumps
from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.errors import RecordNotFoundError, RepositoryError
from coomet_lab.repository import schema
from coomet_lab.repository.audit import Action
from coomet_lab.repository.records import Draft
from coomet_lab.repository.store import Store, Tx


class Drafts:
    """``repo.drafts``: create, save, get, list, discard."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def create(self, *, certificate: Certificate, who: str, instrument_type_id: int | None = None,
               customer_id: int | None = None) -> Draft:
        """Store a new draft (a certificate document); logged as "draft created"."""
        document = dumps(certificate)
        with self.store.write("cannot create the draft") as tx:
            draft_id = insert_draft(tx, document, certificate.unique_identifier, who,
                                    instrument_type_id=instrument_type_id, customer_id=customer_id)
            tx.log(Action.DRAFT_CREATED, who, f"draft:{draft_id}", {"number": certificate.unique_identifier})
            return draft_row(tx.conn, draft_id)

    def save(self, *, draft_id: int, certificate: Certificate, expected_revision: int | None = None) -> Draft:
        """Autosave: replace the draft's document. With ``expected_revision``, refuse to overwrite a newer save."""
        document = dumps(certificate)
        with self.store.write("cannot save the draft") as tx:
            draft = draft_row(tx.conn, draft_id)
            if draft.status != "open":
                raise RepositoryError(f"draft {draft_id} is {draft.status}; it can no longer be changed")
            if expected_revision is not None and expected_revision != draft.revision:
                raise RepositoryError(f"draft {draft_id} was saved elsewhere in the meantime (revision "
                                      f"{draft.revision}, this copy is revision {expected_revision}); reload it")
            tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id).values(
                document=document, unique_identifier=certificate.unique_identifier,
                revision=draft.revision + 1, updated_at=tx.now))
            return draft_row(tx.conn, draft_id)

    def get(self, draft_id: int) -> Draft:
        with self.store.read() as conn:
            return draft_row(conn, draft_id)

    def list(self, *, status: str | None = "open") -> builtins.list[Draft]:
        query = select(schema.drafts).order_by(schema.drafts.c.updated_at.desc())
        if status:
            query = query.where(schema.drafts.c.status == status)
        with self.store.read() as conn:
            return [Draft.from_row(r) for r in conn.execute(query).mappings()]

    def discard(self, *, draft_id: int, who: str) -> None:
        with self.store.write("cannot discard the draft") as tx:
            draft = draft_row(tx.conn, draft_id)
            if draft.status != "open":
                raise RepositoryError(f"draft {draft_id} is {draft.status}; only an open draft can be discarded")
            tx.conn.execute(schema.drafts.update().where(schema.drafts.c.id == draft_id)
                            .values(status="discarded", updated_at=tx.now))
            tx.log(Action.DRAFT_DISCARDED, who, f"draft:{draft_id}", {"number": draft.unique_identifier})


def insert_draft(tx: Tx, document: str, number: str | None, who: str, **extra: Any) -> int:
    result = tx.conn.execute(schema.drafts.insert().values(
        unique_identifier=number, document=document, revision=1, status="open", created_by=who,
        created_at=tx.now, updated_at=tx.now, **extra))
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def draft_row(conn: Connection, draft_id: int) -> Draft:
    row = conn.execute(select(schema.drafts).where(schema.drafts.c.id == draft_id)).mappings().first()
    if row is None:
        raise RecordNotFoundError(kind="draft", key=draft_id)
    return Draft.from_row(row)
