"""National legal metrology: what a jurisdiction adds to a laboratory's work (records, forms, rules).

Importing this package registers each jurisdiction's twin forms with :mod:`coomet_lab.twin.forms`, so a
certificate of verification is laid out as its law asks wherever it is rendered. The layouts themselves load on
first use (they import the PDF engine).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coomet_lab.twin.forms import Form, Story, register_form


def _order_2510() -> Story:
    from coomet_lab.jurisdictions.ru import order2510

    return order2510.story


def _order_2510_captions() -> Mapping[str, Any]:
    from coomet_lab.jurisdictions.ru import order2510

    return getattr(order2510, "CAPTIONS", {})


def _is_russian_verification(certificate) -> bool:  # noqa: ANN001
    from coomet_lab.jurisdictions.ru.certificate import is_verification

    return is_verification(certificate)


register_form(Form("ru-order-2510", _is_russian_verification, _order_2510, captions=_order_2510_captions,
                   prints_values=False))
