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
