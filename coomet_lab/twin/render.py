"""The pages of the twin, from the certificate model: sections in the order of ISO/IEC 17025 §7.8."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from coomet_lab import __version__
from coomet_lab.dcc.model import Certificate, Condition, MeasuringEquipment, Statement, UsedMethod
from coomet_lab.twin import forms, layout, results, sections
from coomet_lab.twin.context import RenderContext, Styles, display_languages
from coomet_lab.twin.fonts import FontSet, check_glyphs, register
from coomet_lab.twin.forms import Story

if TYPE_CHECKING:
    from coomet_lab.trust.signature_check import SignatureReport


@dataclass
class Rendered:
    pdf: bytes
    pages: int
    title: str
    hidden: list[str]


def render_pages(certificate: Certificate, *, sha256: str, draft: bool, fonts: FontSet,
                 signatures: Iterable[SignatureReport] = (), verified_at: dt.datetime | None = None) -> Rendered:
    """Lay out the certificate; the fonts are embedded subsets, every character is checked against them first."""
    names = register(fonts)
    ctx = RenderContext(certificate=certificate, langs=display_languages(certificate), fonts=names,
                        styles=Styles.make(names), sha256=sha256, draft=draft, frame_width=layout.frame_width(),
                        signatures=list(signatures), verified_at=verified_at)
    story, hidden = _layout_for(certificate)(ctx)
    admin = ctx.admin
    identifier = ctx.core.unique_identifier or ""
    lab = admin.calibration_laboratory
    author = (ctx.texts(lab.contact.name) if lab and lab.contact else [""])[0]
    items = admin.items.items if admin.items else []
    subject = "; ".join((ctx.texts(i.name) or [""])[0] for i in items)
    title = f"{ctx.caps('title')[0]} {identifier}"
    ctx.note(title + author + subject)
    decoration = layout.PageDecoration(ctx)  # records the header and footer texts for the glyph check too
    check_glyphs(ctx.chars, fonts, names)
    pdf, pages = layout.build(ctx, story, decoration, title=title, author=author, subject=subject,
                              creator=f"COOMET Lab {__version__}", keywords=f"DCC, {identifier}")
    return Rendered(pdf, pages, title, hidden)


def _layout_for(certificate: Certificate) -> Story:
    """A jurisdiction's own form where one is registered for this certificate (e.g. a verification certificate
    under Order 2510, see :mod:`coomet_lab.twin.forms`); everything else is a calibration certificate."""
    return forms.story_for(certificate, _story)


def _story(ctx: RenderContext) -> tuple[list[Flowable], list[str]]:
    methods, equipment, conditions, statements = _collect(ctx)
    story: list[Flowable] = list(sections.title(ctx)) + sections.general(ctx, 1)
    number = 1
    state = results.ResultsState()

    def results_section(n: int) -> list[Flowable]:
        part, found = results.results(ctx, n)
        state.hidden += found.hidden
        return part

    builders: list[Callable[[int], list[Flowable]]] = [
        lambda n: sections.methods(ctx, n, methods),
        lambda n: sections.equipment(ctx, n, equipment),
        lambda n: sections.conditions(ctx, n, conditions),
        results_section,
        lambda n: sections.statements(ctx, n, statements),
        lambda n: sections.persons(ctx, n),
        lambda n: sections.signatures(ctx, n),
        lambda n: sections.remarks(ctx, n),
    ]
    for build in builders:
        part = build(number + 1)
        if part:  # a section without content takes no number
            story += part
            number += 1
    return story, state.hidden


def _collect(ctx: RenderContext) -> tuple[list[UsedMethod], list[MeasuringEquipment], list[Condition],
                                          list[Statement]]:
    """Methods, equipment and conditions stated once for all results (DCC 3.3.0) or per result, without repeats."""
    certificate = ctx.certificate
    results_ = certificate.measurement_results
    holders = ([results_] + list(results_.results)) if results_ else []
    methods = _unique(ctx, (m for h in holders for m in h.used_methods), lambda m: (m.name, tuple(m.norms)))
    equipment = _unique(ctx, (e for h in holders if h.measuring_equipments for e in h.measuring_equipments.equipment),
                        lambda e: (e.name, e.certificate.referral_id if e.certificate else None))
    conditions = _unique(ctx, (c for h in holders for c in h.influence_conditions), lambda c: (c.name, repr(c.data)))
    statements = list(ctx.admin.statements)
    if results_:
        statements += results_.measurement_meta_data
    return methods, equipment, conditions, statements


def _unique(ctx: RenderContext, found: Iterable, key: Callable) -> list:
    seen, out = set(), []
    for thing in found:
        name, *rest = key(thing)
        marker = (tuple(ctx.texts(name)), *rest)
        if marker not in seen:
            seen.add(marker)
            out.append(thing)
    return out
