"""Full-text search over stored certificates: SQLite FTS5, with a portable LIKE fallback for other databases.

The user's text becomes an FTS5 query of quoted terms (implicitly AND-ed), so punctuation in certificate numbers
and serials is safe: ``UT-2026-00417`` is the phrase ``UT 2026 00417``; a trailing ``*`` asks for a prefix
(``UT-2026*``). Terms are case- and diacritic-insensitive (``unicode61 remove_diacritics 2``), Cyrillic included.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Connection, and_, func, or_, select, text

from coomet_lab.repository.migrations import FTS_COLUMNS
from coomet_lab.repository.schema import certificates

# bm25 weights in FTS_COLUMNS order: the certificate number counts most, then serial and customer. A certificate
# whose number is exactly what was typed comes first of all.
_WEIGHTS = (10.0, 4.0, 3.0, 6.0, 2.0, 1.0, 1.0, 1.0)
HIT_COLUMNS = (
    certificates.c.id, certificates.c.kind, certificates.c.unique_identifier, certificates.c.status,
    certificates.c.customer, certificates.c.item, certificates.c.model, certificates.c.serial,
    certificates.c.issue_date, certificates.c.calibration_date, certificates.c.issuer_lab,
)


def fts_row(certificate_id: int, fields: dict[str, str]) -> dict[str, Any]:
    """The search document of one certificate."""
    return {
        "rowid": certificate_id,
        "number": fields["unique_identifier"],
        "customer": fields["customer"],
        "item": fields["item"],
        "serial": fields["serial"],
        "type": " ".join(p for p in (fields["model"], fields["schema_version"] and f"DCC {fields['schema_version']}")
                         if p),
        "dates": " ".join(p for p in (fields["issue_date"], fields["calibration_date"], fields["begin_date"]) if p),
        "standards": fields["standards"],
        "issuer": fields["issuer_lab"],
    }


def fts_query(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what a person typed, or None when nothing searchable is left."""
    terms = []
    for word in user_text.split():
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if not any(ch.isalnum() for ch in word):
            continue
        terms.append('"' + word.replace('"', '""') + '"' + ("*" if prefix else ""))
    return " AND ".join(terms) if terms else None


class SearchBackend(Protocol):
    def index(self, conn: Connection, certificate_id: int, fields: dict[str, str]) -> None: ...

    def search(self, conn: Connection, user_text: str, limit: int) -> list[Any]: ...


class Fts5Search:
    """SQLite's FTS5 index, kept in the same transaction as the certificate row."""

    _insert = text(
        f"INSERT INTO certificate_fts(rowid, {', '.join(FTS_COLUMNS)}) "
        f"VALUES (:rowid, {', '.join(':' + c for c in FTS_COLUMNS)})"
    )

    def index(self, conn: Connection, certificate_id: int, fields: dict[str, str]) -> None:
        conn.execute(self._insert, fts_row(certificate_id, fields))

    def index_many(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        conn.execute(self._insert, rows)

    def search(self, conn: Connection, user_text: str, limit: int) -> list[Any]:
        query = fts_query(user_text)
        if query is None:
            return []
        weights = ", ".join(str(w) for w in _WEIGHTS)
        columns = ", ".join(f"c.{c.name}" for c in HIT_COLUMNS)
        statement = text(
            f"SELECT {columns} FROM (SELECT rowid AS id, bm25(certificate_fts, {weights}) AS score "
            "FROM certificate_fts WHERE certificate_fts MATCH :query ORDER BY score LIMIT :limit) AS m "
            "JOIN certificates AS c ON c.id = m.id "
            "ORDER BY lower(c.unique_identifier) = :exact DESC, m.score, c.id DESC"
        )
        exact = user_text.strip().rstrip("*").lower()
        return list(conn.execute(statement, {"query": query, "limit": limit, "exact": exact}))


class LikeSearch:
    """Portable fallback: every term must occur (case-insensitively, for ASCII on SQLite) in some column."""

    _columns = (certificates.c.unique_identifier, certificates.c.customer, certificates.c.item,
                certificates.c.serial, certificates.c.model, certificates.c.issue_date,
                certificates.c.calibration_date, certificates.c.standards, certificates.c.issuer_lab)

    def index(self, conn: Connection, certificate_id: int, fields: dict[str, str]) -> None:
        return None  # searches the certificate rows themselves

    def search(self, conn: Connection, user_text: str, limit: int) -> list[Any]:
        conditions = []
        for word in user_text.split():
            word = word.rstrip("*").lower()
            if not any(ch.isalnum() for ch in word):
                continue
            pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            conditions.append(or_(*(func.lower(c).like(pattern, escape="\\") for c in self._columns)))
        if not conditions:
            return []
        statement = (select(*HIT_COLUMNS).where(and_(*conditions))
                     .order_by(certificates.c.issue_date.desc(), certificates.c.id.desc()).limit(limit))
        return list(conn.execute(statement))


def backend_for(dialect_name: str) -> SearchBackend:
    return Fts5Search() if dialect_name == "sqlite" else LikeSearch()
