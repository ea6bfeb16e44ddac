"""The repository's tables, in portable SQLAlchemy Core (SQLite by default, PostgreSQL by configuration).

Dates and times are ISO 8601 strings (``2026-11-20``, ``2026-11-20T09:14:03.120Z``): they sort and compare as text,
hash the same on every backend and never pass through a time zone conversion. Sizes are integers, hashes are
lower-case SHA-256 hex. Which rows are legal records and how they are protected is described in docs/repository.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text, text

metadata = MetaData()

# One row per migration applied; the highest version is the schema version of the repository.
schema_migrations = Table(
    "schema_migrations", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", String(200), nullable=False),
    Column("applied_at", String(32), nullable=False),
)

# Settings of this repository: its identity, creation time, amendment number pattern.
meta = Table(
    "meta", metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

# Stored files (issued and received XML and PDF twins), content-addressed: the file lives at files/ab/abcdef...
files = Table(
    "files", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(100), nullable=False),
    Column("stored_at", String(32), nullable=False),
)

customers = Table(
    "customers", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("address", Text),
    Column("contact", Text),
    Column("notes", Text),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Persons who sign (respPerson): name, role, and the signing key they use (fingerprint or token label).
persons = Table(
    "persons", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", Text),
    Column("email", Text),
    Column("key_id", Text),
    Column("active", Integer, nullable=False, server_default=text("1")),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Instrument types with their certificate template (a certificate document, docs/document-format.md).
instrument_types = Table(
    "instrument_types", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("type_code", Text),
    Column("template", Text),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Reference standards and other measuring equipment of the laboratory.
standards = Table(
    "standards", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(200), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("manufacturer", Text),
    Column("model", Text),
    Column("serial", Text),
    Column("measuring_range", Text),
    Column("notes", Text),
    Column("active", Integer, nullable=False, server_default=text("1")),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Every calibration of a standard: its certificate number, issuer, dates and, when imported, its own DCC.
standard_calibrations = Table(
    "standard_calibrations", metadata,
    Column("id", Integer, primary_key=True),
    Column("standard_id", Integer, ForeignKey("standards.id"), nullable=False, index=True),
    Column("certificate_number", Text, nullable=False),
    Column("issuer", Text, nullable=False),
    Column("calibration_date", String(10), nullable=False),
    Column("due_date", String(10), nullable=False),
    Column("received_id", Integer, ForeignKey("certificates.id")),
    Column("created_at", String(32), nullable=False),
)

# Drafts are working copies (autosaved): a certificate document (JSON), a revision counter, never a legal record.
drafts = Table(
    "drafts", metadata,
    Column("id", Integer, primary_key=True),
    Column("unique_identifier", Text),
    Column("document", Text, nullable=False),
    Column("revision", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # open | issued | discarded
    Column("amends_id", Integer, ForeignKey("certificates.id")),
    Column("instrument_type_id", Integer, ForeignKey("instrument_types.id")),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("certificate_id", Integer, ForeignKey("certificates.id")),
    Column("created_by", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

# Issued and received certificates: the exact stored bytes (by hash) plus index columns for lists and search.
certificates = Table(
    "certificates", metadata,
    Column("id", Integer, primary_key=True),
    Column("kind", String(10), nullable=False),  # issued | received
    Column("unique_identifier", Text, nullable=False),
    Column("status", String(10), nullable=False),  # current | replaced
    Column("xml_sha256", String(64), ForeignKey("files.sha256"), nullable=False),
    Column("pdf_sha256", String(64), ForeignKey("files.sha256")),
    Column("schema_version", String(20), nullable=False),
    Column("languages", Text, nullable=False),
    Column("customer", Text, nullable=False),
    Column("item", Text, nullable=False),
    Column("model", Text, nullable=False),
    Column("serial", Text, nullable=False),
    Column("issuer_lab", Text, nullable=False),
    Column("issue_date", String(10), nullable=False),
    Column("calibration_date", String(10), nullable=False),
    Column("begin_date", String(10), nullable=False),
    Column("standards", Text, nullable=False),
    Column("validation", Text, nullable=False),  # valid | invalid: N errors | not checked: reason
    Column("signature_verdict", String(30), nullable=False),
    Column("signature_detail", Text, nullable=False),
    Column("amends_id", Integer, ForeignKey("certificates.id")),
    Column("replaced_by_id", Integer, ForeignKey("certificates.id")),
    Column("draft_id", Integer),  # the draft it was issued from (no foreign key: drafts point here already)
    Column("source_name", Text, nullable=False),
    Column("stored_at", String(32), nullable=False),
    Column("stored_by", Text, nullable=False),
    Index("ix_certificates_issued_number", "unique_identifier", unique=True,
          sqlite_where=text("kind = 'issued'"), postgresql_where=text("kind = 'issued'")),
    Index("ix_certificates_number", "unique_identifier"),
    Index("ix_certificates_xml", "xml_sha256"),
    Index("ix_certificates_kind_stored", "kind", "stored_at"),
)

# Which registered standard (and which of its calibrations) each issued certificate was traced to.
certificate_standards = Table(
    "certificate_standards", metadata,
    Column("certificate_id", Integer, ForeignKey("certificates.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("equipment", Text, nullable=False),
    Column("standard_id", Integer, ForeignKey("standards.id")),
    Column("calibration_id", Integer, ForeignKey("standard_calibrations.id")),
    Column("status", String(30), nullable=False),
)

# The append-only, hash-chained audit trail.
audit_log = Table(
    "audit_log", metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", String(32), nullable=False),
    Column("actor", Text, nullable=False),
    Column("action", String(50), nullable=False),
    Column("subject", Text, nullable=False),
    Column("details", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("entry_hash", String(64), nullable=False, unique=True),
    Index("ix_audit_subject", "subject"),
)

# Tables whose every row is a record: each change is logged with the row's hash, and `verify` recomputes them.
AUDITED_TABLES = {
    "certificates": certificates,
    "customers": customers,
    "persons": persons,
    "instrument_types": instrument_types,
    "standards": standards,
    "standard_calibrations": standard_calibrations,
}


# ---------------------------------------------------------------------------------------------------------------
# Version 2: legal-metrology verifications, the instrument-type register and the export outbox. A MetaData of its
# own, so migration 1 keeps creating exactly the version-1 tables (its shape is pinned by a test).
metadata_v2 = MetaData()

# One verification (поверка) as recorded: the record as canonical JSON (coomet_lab.jurisdictions.ru.record) plus index
# columns. Its content is frozen once it is exported; its state follows the outbox.
verifications = Table(
    "verifications", metadata_v2,
    Column("id", Integer, primary_key=True),
    Column("status", String(20), nullable=False),  # recorded | exported | submitted | confirmed | rejected | withdrawn
    Column("mitype_number", Text, nullable=False),  # or the type's name when it has no registration number
    Column("instrument", Text, nullable=False),  # serial, inventory or standard's register number
    Column("vrf_date", String(10), nullable=False),
    Column("applicable", Integer, nullable=False),
    Column("owner", Text, nullable=False),
    Column("sign_cipher", Text, nullable=False),
    Column("record", Text, nullable=False),
    Column("record_sha256", String(64), nullable=False),
    Column("source", Text, nullable=False),  # the batch file or "form"
    Column("global_id", Text),  # Arshin's record number, from its reply
    Column("cert_num", Text),  # Arshin's certificate or notice number, from its reply
    Column("reply_message", Text),  # why Arshin rejected it
    Column("certificate_id", Integer, ForeignKey(certificates.c.id)),  # the issued certificate or notice
    Column("created_by", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
    Index("ix_verifications_identity", "mitype_number", "instrument", "vrf_date", unique=True,
          sqlite_where=text("status != 'withdrawn'"), postgresql_where=text("status != 'withdrawn'")),
    Index("ix_verifications_status", "status", "vrf_date"),
)

# The register of approved instrument types (FIF registry 4) as imported from a snapshot: reference data, not
# records (an import replaces what it names and is logged as one action).
mi_types = Table(
    "mi_types", metadata_v2,
    Column("reg_number", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("designation", Text, nullable=False),
    Column("manufacturer", Text, nullable=False),
    Column("interval_text", Text, nullable=False),
    Column("interval_months", Integer),
    Column("periodic", Integer, nullable=False),
    Column("procedure", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("imported_at", String(32), nullable=False),
)

# Export jobs for any target (arshin | package): pending → written → submitted → confirmed. The exported files are
# kept in the file store, so a job interrupted before its files reached the folder is written again, identically.
outbox_jobs = Table(
    "outbox_jobs", metadata_v2,
    Column("id", Integer, primary_key=True),
    Column("target", String(20), nullable=False),
    Column("profile", Text, nullable=False),  # e.g. the Arshin namespace version
    Column("status", String(20), nullable=False),  # pending | written | submitted | confirmed | partly confirmed
    Column("directory", Text, nullable=False),
    Column("records", Integer, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

outbox_files = Table(
    "outbox_files", metadata_v2,
    Column("id", Integer, primary_key=True),
    Column("job_id", Integer, ForeignKey("outbox_jobs.id"), nullable=False, index=True),
    Column("name", Text, nullable=False, unique=True),
    Column("sha256", String(64), ForeignKey(files.c.sha256), nullable=False),
    Column("records", Integer, nullable=False),
    Column("status", String(20), nullable=False),  # pending | written | submitted | confirmed
    Column("reply_sha256", String(64), ForeignKey(files.c.sha256)),  # Arshin's reply protocol, kept verbatim
    Column("updated_at", String(32), nullable=False),
)

# Which record (a verification for Arshin, a stored certificate for a package) went out in which file at which
# position (Arshin's corrId), and what came back for it.
outbox_items = Table(
    "outbox_items", metadata_v2,
    Column("file_id", Integer, ForeignKey("outbox_files.id"), primary_key=True),
    Column("position", Integer, primary_key=True, autoincrement=False),
    Column("verification_id", Integer, ForeignKey("verifications.id"), index=True),  # Arshin jobs
    Column("certificate_id", Integer, ForeignKey(certificates.c.id), index=True),  # package jobs
    Column("state", String(20), nullable=False),  # exported | confirmed | rejected
    Column("global_id", Text),
    Column("cert_num", Text),
    Column("message", Text),
)

AUDITED_TABLES.update({"verifications": verifications, "outbox_jobs": outbox_jobs, "outbox_files": outbox_files})


# ---------------------------------------------------------------------------------------------------------------
# What the audit chain covers. An audited *unit* is what one audit "rows" entry hashes: one row found by its key
# column (``grouped=False``), or every row sharing a key value (``grouped=True``: a certificate's standards, an
# exported file's records), or, with ``key=None``, the whole table (the type register, replaced wholesale by an
# import). `verify` recomputes every unit and compares it with the hash its latest audit entry recorded.
@dataclass(frozen=True)
class Coverage:
    table: Table
    key: str | None
    grouped: bool = False


WHOLE_TABLE = "*"  # the key of a unit that is a whole table

COVERED: dict[str, Coverage] = {
    **{name: Coverage(table, "id") for name, table in AUDITED_TABLES.items()},
    "meta": Coverage(meta, "key"),
    "schema_migrations": Coverage(schema_migrations, "version"),
    "certificate_standards": Coverage(certificate_standards, "certificate_id", grouped=True),
    "outbox_items": Coverage(outbox_items, "file_id", grouped=True),
    "mi_types": Coverage(mi_types, None, grouped=True),
}

# Covered since migration 3: an existing repository records their state once when it is upgraded.
COVERED_SINCE_V3 = ("meta", "schema_migrations", "certificate_standards", "outbox_items", "mi_types")
