"""The Federal Information Fund (FIF, ФИФ по ОЕИ): where Russian verification results are published."""

from __future__ import annotations


def record_url(global_id: str) -> str:
    """The permanent address of a record in the FIF (printed on certificates; never fetched by the app)."""
    return f"https://fgis.gost.ru/fundmetrology/cm/results/1-{global_id}"
