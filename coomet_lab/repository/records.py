"""What the repository API returns: plain frozen dataclasses, safe to hand to another thread."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from coomet_lab.dcc.model import Certificate
from coomet_lab.kernel.errors import RecordNotFoundError
from coomet_lab.repository import schema


def _json(obj: Any) -> dict[str, Any]:
    return {k: v for k, v in asdict(obj).items() if not k.startswith("_")}


@dataclass(frozen=True)
class CertificateRecord:
    """An issued or received certificate: where its exact bytes are, and what was indexed from them."""

    id: int
    kind: str  # issued | received
    unique_identifier: str
    status: str  # current | replaced
    xml_sha256: str
    pdf_sha256: str | None
    schema_version: str
    languages: str
    customer: str
    item: str
    model: str
    serial: str
    issuer_lab: str
    issue_date: str
    calibration_date: str
    begin_date: str
    standards: str
    validation: str
    signature_verdict: str
    signature_detail: str
    amends_id: int | None
    replaced_by_id: int | None
    draft_id: int | None
    source_name: str
    stored_at: str
    stored_by: str

    @classmethod
    def from_row(cls, row: Any) -> CertificateRecord:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class SearchHit:
    id: int
    kind: str
    unique_identifier: str
    status: str
    customer: str
    item: str
    model: str
    serial: str
    issue_date: str
    calibration_date: str
    issuer_lab: str

    @classmethod
    def from_row(cls, row: Any) -> SearchHit:
        return cls(**{name: getattr(row, name) for name in cls.__dataclass_fields__})

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Draft:
    """A working copy: the certificate document (JSON text) and its revision (incremented by every save)."""

    id: int
    unique_identifier: str | None
    document: str
    revision: int
    status: str  # open | issued | discarded
    amends_id: int | None
    instrument_type_id: int | None
    customer_id: int | None
    certificate_id: int | None
    created_by: str
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls, row: Any) -> Draft:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})

    def certificate(self) -> Certificate:
        from coomet_lab.dcc.io.document import loads

        return loads(self.document, source=f"draft {self.id}")


@dataclass(frozen=True)
class Standard:
    id: int
    code: str
    name: str
    manufacturer: str | None
    model: str | None
    serial: str | None
    measuring_range: str | None
    notes: str | None
    active: int
    created_at: str
    updated_at: str

    @classmethod
    def from_row(cls, row: Any) -> Standard:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Calibration:
    id: int
    standard_id: int
    certificate_number: str
    issuer: str
    calibration_date: str
    due_date: str
    received_id: int | None
    created_at: str

    @classmethod
    def from_row(cls, row: Any) -> Calibration:
        return cls(**{name: row[name] for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class ImportOutcome:
    """One file offered to ``import_files``: stored (with its id) or refused, and why."""

    source: str
    status: str  # imported | duplicate | twin attached | refused
    message: str
    certificate_id: int | None = None
    unique_identifier: str | None = None
    validation: str | None = None
    signature_verdict: str | None = None
    also_used_by: tuple[int, ...] = ()  # other stored certificates with the same number and other content

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass(frozen=True)
class Problem:
    """One finding of ``verify``: ``code`` is stable, ``message`` says what and where."""

    code: str
    message: str
    subject: str = ""

    def to_json(self) -> dict[str, Any]:
        return _json(self)


@dataclass
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    entries: int = 0
    records: int = 0
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    head: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "problems": [p.to_json() for p in self.problems],
                "notes": [n.to_json() for n in self.notes], "entries": self.entries, "records": self.records,
                "files": self.files, "bytes": self.bytes, "seconds": round(self.seconds, 3), "head": self.head}


def certificate_row(conn: Connection, certificate_id: int) -> CertificateRecord:
    """The certificate ``certificate_id`` read on ``conn`` (a connection of the store); RecordNotFoundError."""
    row = conn.execute(select(schema.certificates).where(schema.certificates.c.id == certificate_id)
                       ).mappings().first()
    if row is None:
        raise RecordNotFoundError(kind="certificate", key=certificate_id)
    return CertificateRecord.from_row(row)
