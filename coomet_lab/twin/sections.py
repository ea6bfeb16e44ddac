"""The sections of a calibration certificate (ISO/IEC 17025 §7.8), one function each, read from the DCC model.

Every function returns flowables (or nothing when the DCC has nothing for the section); numbers and names are
printed as the DCC states them. Result tables and plots are in :mod:`coomet_lab.twin.results`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from coomet_lab.dcc.model import (
    Condition,
    Contact,
    Identification,
    Location,
    MeasuringEquipment,
    RichContent,
    Statement,
    Tagged,
    UsedMethod,
)
from coomet_lab.dcc.model.binding import dcc
from coomet_lab.twin.context import DRAFT_RED, HEADER_FILL, RULE, SECONDARY, Paragraph, RenderContext
from coomet_lab.twin.texts import data_lines

LABEL_WIDTH = 46 * mm


def key_values(ctx: RenderContext, rows: Sequence[tuple[Paragraph, Flowable | list]]) -> Table:
    """A two-column block: captions on the left, values on the right."""
    table = Table([[label, value] for label, value in rows], colWidths=[LABEL_WIDTH, ctx.frame_width - LABEL_WIDTH])
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular, 8),  # reportlab's cell default is Helvetica (not embedded)
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def grid(ctx: RenderContext, header: list, rows: list[list], widths: list[float]) -> Table:
    """A small table with a shaded header row (methods, equipment, conditions, persons)."""
    table = Table([header] + rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), ctx.fonts.regular, 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


# ------------------------------------------------------------------------------------------------ title


def title(ctx: RenderContext) -> list[Flowable]:
    """Title, certificate number, and the DRAFT or amendment notice where one applies."""
    core = ctx.core
    titles = ctx.caps("title")
    out: list[Flowable] = [Paragraph(ctx.esc(titles[0]), ctx.styles.title)]
    for other in titles[1:]:
        out.append(Paragraph(f'<font color="{SECONDARY.hexval()}">{ctx.esc(other)}</font>', ctx.styles.subheading))
    number = " / ".join(ctx.caps("certificate_number"))
    out.append(Spacer(1, 2 * mm))
    out.append(Paragraph(f"{ctx.esc(number)}: <b>{ctx.esc(core.unique_identifier or '')}</b>", ctx.styles.subheading))
    change = core.report_amended_substituted
    if change is not None and change.replaced_unique_identifier:
        key = "substituted" if (change.type_of_change or "").strip() == "substituted" else "amended"
        out.append(_notice(ctx, ctx.caps(key, id=change.replaced_unique_identifier), SECONDARY))
    if ctx.draft:
        out.append(_notice(ctx, ctx.caps("draft"), DRAFT_RED))
    return out


def _notice(ctx: RenderContext, lines: list[str], color) -> Table:  # noqa: ANN001
    text = "<br/>".join(f"<b>{ctx.esc(line)}</b>" for line in lines)
    para = Paragraph(f'<font color="{color.hexval()}">{text}</font>', ctx.styles.body)
    box = Table([[para]], colWidths=[ctx.frame_width])
    box.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ctx.fonts.regular, 8), ("BOX", (0, 0), (-1, -1), 1.2, color),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return KeepTogether([Spacer(1, 2 * mm), box])


# ------------------------------------------------------------------------------------------------ general


def general(ctx: RenderContext, number: int) -> list[Flowable]:
    """Laboratory and accreditation, customer, order, the item, dates and place (17025 §7.8.2.1 b–i)."""
    admin, core = ctx.admin, ctx.core
    rows: list[tuple[Paragraph, Flowable]] = []
    lab = admin.calibration_laboratory
    if lab is not None and lab.contact is not None:
        rows.append((ctx.label("laboratory"), contact(ctx, lab.contact)))
    if lab is not None and lab.calibration_laboratory_code:
        rows.append((ctx.label("accreditation"), ctx.lines([lab.calibration_laboratory_code], bold_first=True)))
    if admin.customer is not None:
        rows.append((ctx.label("customer"), contact(ctx, admin.customer)))
    for ident in core.identifications:
        rows.append(identification_row(ctx, ident, "order"))
    items = admin.items.items if admin.items else []
    for item in items:
        rows.append((ctx.label("item"), ctx.lines(ctx.texts(item.name), bold_first=True)))
        if item.description is not None and ctx.texts(item.description):
            rows.append((ctx.label("description"), ctx.lines(ctx.texts(item.description))))
        if item.manufacturer is not None:
            rows.append((ctx.label("manufacturer"), ctx.lines(ctx.texts(item.manufacturer.name))))
        if item.model:
            rows.append((ctx.label("model"), ctx.lines([item.model])))
        for ident in item.identifications:
            rows.append(identification_row(ctx, ident, "identification"))
        if item.owner is not None:
            rows.append((ctx.label("owner"), contact(ctx, item.owner)))
    if core.receipt_date:
        rows.append((ctx.label("receipt_date"), ctx.lines([core.receipt_date])))
    begin, end = core.begin_performance_date or "", core.end_performance_date or ""
    rows.append((ctx.label("calibration_date"), ctx.lines([begin if begin == end or not end else f"{begin} – {end}"])))
    if core.issue_date:
        rows.append((ctx.label("issue_date"), ctx.lines([core.issue_date])))
    if core.performance_location is not None:
        where = core.performance_location.value.strip()
        key = f"loc_{where}"
        try:
            shown = ctx.caps(key)
        except KeyError:
            shown = [where]
        rows.append((ctx.label("location"), ctx.lines(shown)))
    return [ctx.heading("general", number), key_values(ctx, rows)]


def identification_row(ctx: RenderContext, ident: Identification, fallback_key: str) -> tuple[Paragraph, Flowable]:
    names = ctx.texts(ident.name)
    label = Paragraph("<br/>".join(
        (f"<b>{ctx.esc(n)}</b>" if i == 0 else f'<font color="{SECONDARY.hexval()}">{ctx.esc(n)}</font>')
        for i, n in enumerate(names)), ctx.styles.small) if names else ctx.label(fallback_key)
    return label, ctx.lines([ident.value or ""], bold_first=True)


def contact(ctx: RenderContext, who: Contact) -> Paragraph:
    """Name (every language), address, e-mail and phone as one block."""
    names = ctx.texts(who.name)
    parts = [f"<b>{ctx.esc(names[0])}</b>"] if names else []
    parts += [f'<font color="{SECONDARY.hexval()}">{ctx.esc(n)}</font>' for n in names[1:]]
    if who.location is not None:
        parts += [ctx.esc(line) for line in address_lines(ctx, who.location)]
    if who.e_mail:
        parts.append(ctx.esc(f"{ctx.caps('email')[0]}: {who.e_mail}"))
    if who.phone:
        parts.append(ctx.esc(f"{ctx.caps('phone')[0]}: {who.phone}"))
    return Paragraph("<br/>".join(parts) or "–", ctx.styles.body)


def address_lines(ctx: RenderContext, location: Location) -> list[str]:
    street = " ".join(p for p in (location.get("street"), location.get("streetNo")) if p)
    box = location.get("postOfficeBox")
    town = " ".join(p for p in (location.get("postCode"), location.get("city")) if p)
    state = location.get("state")
    country = location.get("countryCode")
    line = ", ".join(p for p in (street, box, town, state, country) if p)
    lines = [line] if line else []
    for part in location.parts:
        if isinstance(part, RichContent):
            lines += ctx.texts(part)
        elif isinstance(part, Tagged) and part.tag not in {dcc(n) for n in (
                "street", "streetNo", "postOfficeBox", "postCode", "city", "state", "countryCode")}:
            lines.append(part.text or "")
    return lines


# ------------------------------------------------------------------------------------------------ methods etc.


def methods(ctx: RenderContext, number: int, used: list[UsedMethod]) -> list[Flowable]:
    """Calibration methods and the documents they follow (17025 §7.8.2.1 f)."""
    if not used:
        return []
    out: list[Flowable] = [ctx.heading("methods", number)]
    for method in used:
        parts = [ctx.lines(ctx.texts(method.name), bold_first=True)]
        described = ctx.texts(method.description)
        if described:
            parts.append(ctx.lines(described))
        refs = [*method.norms, *method.references, *method.links]
        if refs:
            parts.append(Paragraph(ctx.esc(" · ".join(refs)), ctx.styles.body))
        out.append(KeepTogether(parts + [Spacer(1, 1.5 * mm)]))
    return out


def equipment(ctx: RenderContext, number: int, used: list[MeasuringEquipment]) -> list[Flowable]:
    """Reference standards with their own certificates: the traceability chain (17025 §7.8.4.1 c)."""
    if not used:
        return []
    width = ctx.frame_width
    header = [ctx.label("equipment_name"), ctx.label("identification"), ctx.label("traceability_via")]
    rows = []
    for item in used:
        idents = [item.model or ""] if item.model else []
        for ident in item.identifications:
            names = ctx.texts(ident.name)
            idents.append(f"{names[0]}: {ident.value}" if names else ident.value or "")
        if item.manufacturer is not None and ctx.texts(item.manufacturer.name):
            idents.insert(0, ctx.texts(item.manufacturer.name)[0])
        certificate = []
        if item.certificate is not None:
            certificate.append(item.certificate.referral_id or "")
            certificate += ctx.texts(item.certificate.referral)
        rows.append([ctx.lines(ctx.texts(item.name), ctx.styles.cell, bold_first=True),
                     Paragraph("<br/>".join(ctx.esc(i) for i in idents) or "–", ctx.styles.cell),
                     ctx.lines(certificate or ["–"], ctx.styles.cell)])
    return [ctx.heading("equipment", number), grid(ctx, header, rows, [0.42 * width, 0.25 * width, 0.33 * width])]


def conditions(ctx: RenderContext, number: int, used: list[Condition]) -> list[Flowable]:
    """Environmental conditions during the calibration, with their uncertainties (17025 §7.8.4.1 a)."""
    if not used:
        return []
    rows = []
    for condition in used:
        values = data_lines(ctx, condition.data) if condition.data is not None else []
        described = ctx.texts(condition.description)
        rows.append((ctx.lines(ctx.texts(condition.name), ctx.styles.small, bold_first=True),
                     Paragraph("<br/>".join(ctx.esc(v) for v in values + described) or "–", ctx.styles.body)))
    return [ctx.heading("conditions", number), key_values(ctx, rows)]


# ------------------------------------------------------------------------------------------------ statements


def statement_block(ctx: RenderContext, statement: Statement) -> Flowable:
    """One statement: conformity with its verdict, decision rule, traceability, recalibration or anything else."""
    names = ctx.texts(statement.name) or ([statement.ref_type] if statement.ref_type else [])
    rows: list[Flowable] = []
    if names:
        rows.append(ctx.lines(names, ctx.styles.label))
    for value in (statement.conformity,) if statement.conformity else ():
        try:
            verdict = ctx.caps(f"conf_{value.strip()}")
        except KeyError:
            verdict = [value]
        color = "#1b6e20" if value.strip() in ("pass", "conditionalPass", "noFail") else "#b00020"
        shown = " / ".join(ctx.esc(v) for v in verdict)
        rows.append(Paragraph(f'{ctx.esc(ctx.caps("conformity")[0])}: <font color="{color}"><b>{shown}</b></font>',
                              ctx.styles.body))
    declared = ctx.texts(statement.declaration) or ctx.texts(statement.description)
    if declared:
        rows.append(ctx.lines(declared))
    if statement.traceable:
        answer = "yes" if statement.traceable.strip() in ("true", "1") else "no"
        rows.append(Paragraph(ctx.esc(f"{ctx.caps('traceable')[0]}: {ctx.caps(answer)[0]}"), ctx.styles.body))
    refs = [*statement.norms, *statement.references, *statement.links]
    if refs:
        rows.append(Paragraph(ctx.esc(f"{ctx.caps('norms')[0]}: " + " · ".join(refs)), ctx.styles.body))
    for key, stated in (("valid_until", statement.date), ("period", statement.period)):
        if stated:
            rows.append(Paragraph(ctx.esc(f"{ctx.caps(key)[0]}: {stated}"), ctx.styles.body))
    if statement.resp_authority is not None:
        rows.append(Paragraph(ctx.esc(f"{ctx.caps('authority')[0]}: " + ", ".join(ctx.texts(
            statement.resp_authority.name))), ctx.styles.body))
    return KeepTogether(rows + [Spacer(1, 2 * mm)])


def statements(ctx: RenderContext, number: int, found: list[Statement]) -> list[Flowable]:
    """Conformity with the decision rule, traceability, recalibration and the lab's other statements (§7.8.6)."""
    if not found:
        return []
    return [ctx.heading("statements", number)] + [statement_block(ctx, s) for s in found]


# ------------------------------------------------------------------------------------------------ persons etc.


def persons(ctx: RenderContext, number: int) -> list[Flowable]:
    """Who performed and who authorised the certificate (17025 §7.8.2.1 o)."""
    people = ctx.admin.resp_persons
    if not people:
        return []
    width = ctx.frame_width
    rows = []
    for person in people:
        role = (person.role or "").strip()
        try:
            roles = ctx.caps(f"role_{role}") if role else []
        except KeyError:
            roles = [role]
        if (person.main_signer or "").strip() in ("true", "1"):
            roles = [f"{r}; {m}" for r, m in zip(roles or [""] * len(ctx.caps("main_signer")),
                                                   ctx.caps("main_signer"), strict=False)]
        roles += ctx.texts(person.description)
        rows.append([ctx.lines(ctx.texts(person.person.name if person.person else None), ctx.styles.cell,
                               bold_first=True),
                     ctx.lines([r.lstrip("; ") for r in roles] or ["–"], ctx.styles.cell)])
    header = [ctx.label("person"), ctx.label("role")]
    return [ctx.heading("persons", number), grid(ctx, header, rows, [0.45 * width, 0.55 * width])]


def signatures(ctx: RenderContext, number: int) -> list[Flowable]:
    """The DCC's XAdES signatures as verified when the twin was made (signer, role, claimed time)."""
    if not ctx.signatures:
        return []
    width = ctx.frame_width
    rows = []
    for s in ctx.signatures:
        who = s.signer.subject if s.signer else "?"
        rows.append([Paragraph(ctx.esc(who), ctx.styles.cell), Paragraph(ctx.esc(s.role or "–"), ctx.styles.cell),
                     Paragraph(ctx.esc(s.signing_time or "–"), ctx.styles.cell)])
    header = [ctx.label("signed_by"), ctx.label("role"), ctx.label("signing_time")]
    when = ctx.verified_at.strftime("%Y-%m-%d %H:%M UTC") if ctx.verified_at else ""
    checked = ctx.lines(ctx.caps("signature_checked", date=when), ctx.styles.small)
    return [ctx.heading("signatures", number), grid(ctx, header, rows, [0.5 * width, 0.2 * width, 0.3 * width]),
            Spacer(1, 1.5 * mm), checked]


def remarks(ctx: RenderContext, number: int) -> list[Flowable]:
    """The DCC's comment (its text), the 17025 note that results relate to the item only, and the twin note."""
    out: list[Flowable] = [ctx.heading("remarks", number)]
    comment = ctx.certificate.comment
    if comment is not None:
        from coomet_lab.kernel.xmlsafe import parse_fragment

        for raw in comment.content:
            try:
                text = " ".join("".join(parse_fragment(raw.xml).itertext()).split())
            except Exception:  # noqa: BLE001 (kept XML that cannot be shown as text is shown by the XML only)
                text = ""
            if text:
                out.append(Paragraph(ctx.esc(text), ctx.styles.body))
    out.append(ctx.lines(ctx.caps("results_relate")))
    out.append(Spacer(1, 1.5 * mm))
    out.append(ctx.lines(ctx.caps("twin_note")))
    return out
