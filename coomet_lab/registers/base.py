"""What a national register is to the outbox: it takes verification results as files the laboratory uploads, and
answers with a reply that gives each record its register number or says why it was refused.

The outbox (``coomet_lab.repository.outbox``) keeps jobs, files and replies for any register; a register only
renders, validates and reads. FGIS Arshin is the first implementation (:mod:`coomet_lab.registers.arshin`); a
register without a format of its own gets the signed ZIP package (:mod:`coomet_lab.registers.package`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol, runtime_checkable

from coomet_lab.jurisdictions.ru.checks import Problem
from coomet_lab.jurisdictions.ru.record import VerificationRecord
from coomet_lab.kernel.errors import CoometLabError


class RegisterExportError(CoometLabError):
    """Records that cannot go to the register; ``problems`` lists (record key, Problem) for every one of them."""

    code = "register.export"

    def __init__(self, detail: str, problems: Sequence[tuple[object, Problem]] = ()) -> None:
        super().__init__(detail)
        self.problems = list(problems)


class RegisterFile(Protocol):
    """One file to upload: its exact bytes, their SHA-256 and the keys of its records in order."""

    @property
    def data(self) -> bytes: ...
    @property
    def keys(self) -> list[Any]: ...
    @property
    def sha256(self) -> str: ...


class Reply(Protocol):
    """The register's reply protocol: one line per record of the uploaded file (its position, its register
    number or why it was refused)."""

    @property
    def entries(self) -> list[Any]: ...


@runtime_checkable
class Register(Protocol):
    """A register of verification results, as the outbox uses it."""

    name: str  # the outbox's target, e.g. "arshin"
    default_profile: str  # the format version used unless the laboratory chooses another

    def profiles(self) -> Sequence[str]:
        """The format versions this application can write."""

    def render(self, items: Iterable[tuple[object, VerificationRecord]], *, profile: str,
               schema_check: bool = True) -> Sequence[RegisterFile]:
        """Files for the records given as (key, record): all or nothing, every refused record named."""

    def read_reply(self, data: bytes, *, source: str) -> Reply:
        """The register's reply protocol for one uploaded file."""

    def check_reply_line(self, line: Any, record: VerificationRecord) -> list[str]:
        """Warnings where the register's answer does not fit the record it answers."""
