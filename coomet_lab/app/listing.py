"""What the repository's lists show of a certificate: the same fields for drafts as for issued certificates."""

from __future__ import annotations

from coomet_lab.kernel.errors import CoometLabError
from coomet_lab.repository import Draft
from coomet_lab.repository.indexing import index_fields
from coomet_lab.repository.records import Calibration, Standard

__all__ = ["Calibration", "Standard", "draft_fields"]


def draft_fields(draft: Draft) -> dict[str, str]:
    """Customer, item and serial of a draft, as the list shows them for issued certificates; empty for a draft
    this version cannot read (it still gets its line, and can be discarded)."""
    try:
        fields = index_fields(draft.certificate())
    except CoometLabError:
        return {}
    return {"customer": fields.customer or "", "item": fields.item or "", "serial": fields.serial or ""}
