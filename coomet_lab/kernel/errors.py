"""Exceptions of the domain core.

Every error carries a stable ``code`` and its parameters, so the user interface can phrase the message in the
user's language; ``str(error)`` gives the English message used by the command line and logs.
"""

from __future__ import annotations

from typing import Any


class CoometLabError(Exception):
    """Base class of every error the core raises on purpose."""

    code = "error"
    template = "{detail}"

    def __init__(self, detail: str = "", **params: Any) -> None:
        self.params: dict[str, Any] = {"detail": detail, **params}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return str(self.params.get("detail", self.code))


class UnusableInputError(CoometLabError):
    """The input cannot be processed at all (not XML, hostile XML, unknown version, unreadable file)."""

    code = "input.unusable"


class XmlSecurityError(UnusableInputError):
    """The XML uses a feature that is refused for safety (DTD, entities, oversized content)."""

    code = "input.xml_security"


class UnsupportedVersionError(UnusableInputError):
    """The document declares a DCC schema version this application has no schema for."""

    code = "input.unsupported_version"
    template = "unsupported DCC schemaVersion {version!r}; supported: {supported}"


class SchemaStoreError(CoometLabError):
    """The schema store is missing, incomplete or was offered files that do not match the pins."""

    code = "schemas.store"


class NumberFormatError(CoometLabError):
    """A number could not be read exactly as typed."""

    code = "value.number"
    template = "{text!r} is not a number: {detail}"


class UnitError(CoometLabError):
    """A unit could not be understood or has the wrong dimension."""

    code = "value.unit"
    template = "{text!r} is not a unit this application understands: {detail}"


class DimensionError(UnitError):
    """A unit was understood but measures a different kind of quantity than required."""

    code = "value.dimension"
    template = "unit {text!r} measures {actual}, expected {expected}"


class DocumentError(CoometLabError):
    """A certificate document (the application's JSON format) is malformed."""

    code = "document.malformed"
    template = "{path}: {detail}"


class OutputError(CoometLabError):
    """An output file could not be written; nothing was left behind."""

    code = "output.failed"


class RepositoryError(CoometLabError):
    """The local repository refused an operation or could not carry it out; nothing was half-done."""

    code = "repository.error"


class RecordNotFoundError(RepositoryError):
    """No draft, certificate, standard... with that identifier."""

    code = "repository.not_found"
    template = "no {kind} {key!r} in the repository"


class RepositoryBusyError(RepositoryError):
    """Another process held the repository's write lock for longer than the busy timeout."""

    code = "repository.busy"
    template = (
        "the repository is busy: another program or COOMET Lab window is writing to it (waited {seconds:g} s); "
        "nothing was changed, try again"
    )


class RepositoryInUseError(RepositoryError):
    """A second application instance tried to open a repository that one already holds."""

    code = "repository.in_use"
    template = "the repository in {path} is already open in another COOMET Lab ({holder}); close it first"


class RepositoryStorageError(RepositoryError):
    """The disk is full, the folder is read-only or a file cannot be written; the transaction was rolled back."""

    code = "repository.storage"
    template = "{detail}; nothing was changed"


class IssueRefusedError(RepositoryError):
    """The bytes offered for issuing are not acceptable (invalid, wrong number, twin mismatch, not a draft...)."""

    code = "repository.issue_refused"
    template = "cannot issue: {detail}"


class TraceabilityBlockedError(IssueRefusedError):
    """A reference standard is unknown or expired and nobody gave a recorded override."""

    code = "repository.traceability_blocked"
    template = "cannot issue: {detail} (an override needs a reason and who gives it)"


class AmendmentError(RepositoryError):
    """Only a current issued certificate can be amended, once at a time."""

    code = "repository.amendment"


class BackupError(RepositoryError):
    """A backup could not be made, or an archive is damaged or would overwrite a repository."""

    code = "repository.backup"
