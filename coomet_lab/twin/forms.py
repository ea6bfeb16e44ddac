"""Page layouts (forms) of the twin. The calibration certificate is the default; a jurisdiction adds its own form
(Russia's Order 2510 certificate of verification, for one) by registering it here, so the twin never imports the
layers above it.

A form is chosen by the certificate it renders: the first registered form whose ``matches`` accepts the
certificate wins. Loading a form's layout is deferred (``load``), because layouts import the PDF engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from coomet_lab.dcc.model import Certificate
    from coomet_lab.twin.context import RenderContext

Story = Callable[["RenderContext"], tuple[list["Flowable"], list[str]]]


@dataclass(frozen=True)
class Form:
    """A twin layout for the certificates ``matches`` accepts; ``load`` returns the function that lays it out.

    ``captions`` returns the fixed texts the form prints (the page check accounts for every number on a page, and
    a form's own captions may carry some); ``prints_values`` is False for a form that states a decision instead of
    printing the measured values (the page check then does not look for each value on the pages).
    """

    name: str
    matches: Callable[[Certificate], bool]
    load: Callable[[], Story]
    captions: Callable[[], Mapping[str, Any]] | None = None
    prints_values: bool = True


_FORMS: dict[str, Form] = {}


def register_form(form: Form) -> None:
    """Add (or replace, by name) a form; called once by the package that defines it."""
    _FORMS[form.name] = form


def registered_forms() -> tuple[Form, ...]:
    return tuple(_FORMS.values())


def form_for(certificate: Certificate) -> Form | None:
    """The first registered form that accepts the certificate; None for a calibration certificate."""
    return next((form for form in _FORMS.values() if form.matches(certificate)), None)


def story_for(certificate: Certificate, default: Story) -> Story:
    """The layout of the first registered form that accepts the certificate, else ``default``."""
    form = form_for(certificate)
    return form.load() if form is not None else default
