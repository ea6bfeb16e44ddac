"""National registers and export packages: one :class:`~coomet_lab.registers.base.Register` per register."""

from __future__ import annotations

from coomet_lab.kernel.errors import CoometLabError
from coomet_lab.registers.base import Register


def register(name: str) -> Register:
    """The register the outbox names ``name`` (today: ``arshin``)."""
    from coomet_lab.registers.arshin import ARSHIN

    known: dict[str, Register] = {ARSHIN.name: ARSHIN}
    try:
        return known[name]
    except KeyError:
        raise CoometLabError(f"unknown register {name!r}; known: {', '.join(sorted(known))}") from None


__all__ = ["Register", "register"]
