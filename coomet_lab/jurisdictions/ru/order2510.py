"""The twin of a verification DCC: the certificate of verification or the notice of unfitness (Order 2510).

Chosen by :mod:`coomet_lab.twin.render` when the DCC's result is a verification decision
(:func:`coomet_lab.jurisdictions.ru.certificate.is_verification`). Every value printed is read from the DCC being
rendered (the signed XML), found by its ``coomet_verification…`` refType, and printed as the XML states it; only
the fixed sentences of the form come from here, in the certificate's languages (Russian first, the others in grey
below it). Dates are shown as DD.MM.YYYY, the way Russian certificates write them.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from coomet_lab.dcc.model import (
    Certificate,
    Condition,
    Identification,
    Item,
    MeasurementResult,
    MeasuringEquipment,
    RespPerson,
    RichContent,
    Statement,
)
from coomet_lab.jurisdictions.ru import certificate as vc
from coomet_lab.jurisdictions.ru.fif import record_url
from coomet_lab.twin import sections
from coomet_lab.twin.context import ACCENT, DRAFT_RED, RULE, SECONDARY, RenderContext

CAPTIONS: dict[str, dict[str, str]] = {
    "title_fit": {"ru": "СВИДЕТЕЛЬСТВО О ПОВЕРКЕ", "en": "CERTIFICATE OF VERIFICATION"},
    "title_unfit": {"ru": "ИЗВЕЩЕНИЕ О НЕПРИГОДНОСТИ К ПРИМЕНЕНИЮ", "en": "NOTICE OF UNFITNESS FOR USE"},
    "header_fit": {"ru": "Свидетельство о поверке", "en": "Certificate of verification"},
    "header_unfit": {"ru": "Извещение о непригодности к применению", "en": "Notice of unfitness for use"},
    "number_fit": {"ru": "Номер свидетельства", "en": "Certificate number"},
    "number_unfit": {"ru": "Номер извещения", "en": "Notice number"},
    "no": {"ru": "№", "en": "No."},
    "accreditation": {"ru": "Уникальный номер записи об аккредитации в реестре аккредитованных лиц",
                      "en": "Unique number of the accreditation record in the register of accredited persons"},
    "valid_until": {"ru": "Действительно до", "en": "Valid until"},
    "instrument": {"ru": "Средство измерений", "en": "Measuring instrument"},
    "modification": {"ru": "Модификация", "en": "Modification"},
    "type_number": {"ru": "Регистрационный номер типа в ФИФ ОЕИ",
                    "en": "Type registration number in FIF OEI"},
    "serial": {"ru": "Заводской (серийный) номер", "en": "Serial number"},
    "inventory": {"ru": "Инвентарный номер", "en": "Inventory number"},
    "year": {"ru": "Год выпуска", "en": "Year of manufacture"},
    "etalon_number": {"ru": "Регистрационный номер эталона", "en": "Registration number as a standard"},
    "manufacturer": {"ru": "Изготовитель", "en": "Manufacturer"},
    "owner": {"ru": "Владелец", "en": "Owner"},
    "structure": {"ru": "в составе", "en": "composition"},
    "scope": {"ru": "поверено", "en": "verified"},
    "procedure": {"ru": "в соответствии с", "en": "in accordance with"},
    "means": {"ru": "с применением эталонов", "en": "using the standards"},
    "conditions": {"ru": "при следующих значениях влияющих факторов",
                   "en": "at the following values of the influence factors"},
    "fit_primary": {"ru": "на основании результатов первичной поверки признано пригодным к применению",
                    "en": "based on the results of the primary verification, found fit for use"},
    "fit_periodic": {"ru": "на основании результатов периодической поверки признано пригодным к применению",
                     "en": "based on the results of the periodic verification, found fit for use"},
    "unfit_primary": {"ru": "на основании результатов первичной поверки признано непригодным к применению",
                      "en": "based on the results of the primary verification, found unfit for use"},
    "unfit_periodic": {"ru": "на основании результатов периодической поверки признано непригодным к применению",
                       "en": "based on the results of the periodic verification, found unfit for use"},
    "reasons": {"ru": "Причины непригодности", "en": "Reasons for unfitness"},
    "mark": {"ru": "Знак поверки", "en": "Verification mark"},
    "cipher": {"ru": "Шифр знака поверки", "en": "Verification mark cipher"},
    "date": {"ru": "Дата поверки", "en": "Date of verification"},
    "additional": {"ru": "Дополнительные сведения", "en": "Additional information"},
    "head": {"ru": "Руководитель или уполномоченное лицо", "en": "Head or authorised person"},
    "verifier": {"ru": "Поверитель", "en": "Verifier"},
    "signature": {"ru": "подпись", "en": "signature"},
    "fif_record": {"ru": "Номер записи сведений о результатах поверки в ФИФ ОЕИ",
                   "en": "Record number of the verification result in FIF OEI"},
    "twin_note": {"ru": "Настоящий документ – удобочитаемая копия цифрового документа о поверке (DCC), встроенного "
                        "в него как dcc.xml. Оригиналом является DCC; его SHA-256 напечатан на каждой странице.",
                  "en": "This document is the human-readable twin of the digital verification document (DCC) "
                        "embedded in it as dcc.xml. The DCC is the authoritative original; its SHA-256 is printed "
                        "on every page."},
}


def caps(ctx: RenderContext, key: str) -> list[str]:
    """One of this form's captions in the certificate's languages (English where a language has none), once each."""
    texts = CAPTIONS[key]
    out: list[str] = []
    for lang in ctx.langs:
        text = texts.get(lang) or texts["en"]
        if text not in out:
            out.append(text)
    return out


def day(iso: str | None) -> str:
    """``2032-11-19`` as ``19.11.2032``; anything else as it is."""
    value = (iso or "").strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:10]}.{value[5:7]}.{value[:4]}"
    return value


# ------------------------------------------------------------------------------------------------ reading the DCC


class View:
    """The parts of a verification DCC the form prints, found by refType."""

    def __init__(self, certificate: Certificate):
        admin = certificate.administrative_data
        results = certificate.measurement_results
        # The twin renders a validated DCC (the schema requires administrativeData with its coreData) and this
        # layout is chosen only when is_verification found the measurement results.
        assert admin is not None and admin.core_data is not None and results is not None
        self.certificate = certificate
        self.core = admin.core_data
        self.lab = admin.calibration_laboratory
        self.item: Item | None = admin.items.items[0] if admin.items and admin.items.items else None
        self.customer = admin.customer
        self.statements = list(admin.statements)
        self.persons = list(admin.resp_persons)
        self.measurement: MeasurementResult = next(m for m in results.results if vc.RESULT in vc.ref_types(m))
        self.conformity = self._conformity()

    def _conformity(self) -> Statement | None:
        for result in self.measurement.results:
            for quantity in (result.data.items if result.data else []):
                for meta in getattr(quantity, "measurement_meta_data", []):
                    if vc.CONFORMITY in vc.ref_types(meta):
                        return meta
        return None

    @property
    def fit(self) -> bool:
        return self.conformity is not None and (self.conformity.conformity or "").strip() == "pass"

    @property
    def primary(self) -> bool:
        return self.statement(vc.KIND_PRIMARY) is not None

    def statement(self, ref_type: str) -> Statement | None:
        return next((s for s in self.statements if ref_type in vc.ref_types(s)), None)

    def person(self, ref_type: str) -> RespPerson | None:
        return next((p for p in self.persons if ref_type in vc.ref_types(p)), None)

    def core_value(self, ref_type: str) -> str | None:
        return _value(self.core.identifications, ref_type)

    def item_value(self, ref_type: str) -> str | None:
        return _value(self.item.identifications if self.item else [], ref_type)

    def reasons(self) -> RichContent | None:
        description = self.conformity.description if self.conformity else None
        return description if description is not None and vc.REASONS in vc.ref_types(description) else None


def _value(identifications: Iterable[Identification], ref_type: str) -> str | None:
    return next((i.value for i in identifications if ref_type in vc.ref_types(i)), None)


# ------------------------------------------------------------------------------------------------ the form


def story(ctx: RenderContext) -> tuple[list[Flowable], list[str]]:
    """The whole form, top to bottom; nothing is hidden (the DCC holds no table data)."""
    view = View(ctx.certificate)
    kind = "fit" if view.fit else "unfit"
    ctx.caption_overrides.update({"title": caps(ctx, f"header_{kind}"),
                                  "certificate_number": caps(ctx, f"number_{kind}"),
                                  "twin_note": caps(ctx, "twin_note")})
    out: list[Flowable] = _heading(ctx, view)
    out += _details(ctx, view)
    out += _conclusion(ctx, view)
    out += _signing_people(ctx, view)
    out += _fif(ctx, view)
    # No section number here: sections.signatures hands it to ctx.heading, which takes None; its ``number: int``
    # annotation is narrower than what it accepts (pdf/sections.py is outside this change).
    signatures = sections.signatures(ctx, None)  # type: ignore[arg-type]
    if signatures:
        out += [Spacer(1, 3 * mm), *signatures]
    out += [Spacer(1, 3 * mm), ctx.lines(ctx.caps("twin_note"), ctx.styles.small)]
    return out, []


def _centred(ctx: RenderContext, lines: list[str], style: ParagraphStyle) -> list[Paragraph]:
    centred = ParagraphStyle(f"{style.name}-centred", parent=style, alignment=TA_CENTER)
    grey = ParagraphStyle(f"{style.name}-centred-grey", parent=centred, textColor=SECONDARY,
                          fontSize=style.fontSize * 0.8, leading=style.leading * 0.8)
    return [Paragraph(ctx.esc(line), centred if i == 0 else grey) for i, line in enumerate(lines)]


def _heading(ctx: RenderContext, view: View) -> list[Flowable]:
    """Laboratory, accreditation record, the form's title and number, and "valid until"."""
    out: list[Flowable] = []
    if view.lab is not None and view.lab.contact is not None:
        out += _centred(ctx, ctx.texts(view.lab.contact.name), ctx.styles.subheading)
    if view.lab is not None and view.lab.calibration_laboratory_code:
        out += _centred(ctx, [f"{c}: {view.lab.calibration_laboratory_code}" for c in caps(ctx, "accreditation")],
                        ctx.styles.body)
    out.append(Spacer(1, 5 * mm))
    number = view.core.unique_identifier or ""
    titles = caps(ctx, "title_fit" if view.fit else "title_unfit")
    marks = caps(ctx, "no")
    lines = [f"{title} {marks[min(i, len(marks) - 1)]} {number}" for i, title in enumerate(titles)]
    # One line whatever the number's length: the title shrinks rather than wrapping "№" away from the number.
    from reportlab.pdfbase.pdfmetrics import stringWidth

    size = min(13.0, 13.0 * 0.98 * ctx.frame_width / max(stringWidth(lines[0], ctx.fonts.bold, 13.0), 1.0))
    title_style = ParagraphStyle("verification-title", parent=ctx.styles.title, fontSize=size, leading=size + 4)
    out += _centred(ctx, lines, title_style)
    if view.fit:
        valid = view.statement(vc.VALID_UNTIL)
        until = day(valid.date) if valid is not None and valid.date else "—"
        out += _centred(ctx, [f"{c} {until}" for c in caps(ctx, "valid_until")], ctx.styles.subheading)
    if ctx.draft:
        out.append(sections._notice(ctx, ctx.caps("draft"), DRAFT_RED))  # noqa: SLF001 (the same DRAFT box)
    out.append(Spacer(1, 4 * mm))
    return out


def _line(ctx: RenderContext, key: str, variants: list[str], *, strong: bool = True) -> list[Paragraph]:
    """One line of the form as Russian certificates write it, "caption: value", in each language.

    ``variants`` are the value in the display languages (one entry when the value is language-neutral).
    """
    variants = [v for v in variants if v]
    if not variants:
        return []
    out = []
    for index, caption in enumerate(caps(ctx, key)):
        value = ctx.esc(variants[min(index, len(variants) - 1)])
        if index == 0:
            out.append(Paragraph(f"{ctx.esc(caption)}: {'<b>' + value + '</b>' if strong else value}",
                                 ctx.styles.body))
        else:
            out.append(Paragraph(f'<font color="{SECONDARY.hexval()}">{ctx.esc(caption)}: {value}</font>',
                                 ctx.styles.small))
    out[-1].style = ParagraphStyle(f"{out[-1].style.name}-spaced", parent=out[-1].style, spaceAfter=3)
    return out


def _label(ctx: RenderContext, key: str) -> Paragraph:
    texts = caps(ctx, key)
    parts = [f"<b>{ctx.esc(texts[0])}</b>"] + [f'<font color="{SECONDARY.hexval()}">{ctx.esc(t)}</font>'
                                               for t in texts[1:]]
    return Paragraph("<br/>".join(parts), ctx.styles.small)


def _joined(items: list[list[str]]) -> list[str]:
    """Several values, each in its language variants, as one text per language ("; " between values)."""
    items = [i for i in items if i]
    count = max((len(i) for i in items), default=0)
    return ["; ".join(i[min(n, len(i) - 1)] for i in items) for n in range(count)]


def _details(ctx: RenderContext, view: View) -> list[Flowable]:
    """The instrument and how it was verified: the lines of the form the DCC fills, in the order of Order 2510."""
    out: list[Flowable] = []
    item = view.item
    if item is not None:
        names = ctx.texts(item.name)
        out += _line(ctx, "instrument", [" ".join(p for p in (name, item.model or "") if p) for name in names])
        if item.manufacturer is not None:
            out += _line(ctx, "manufacturer", ctx.texts(item.manufacturer.name), strong=False)
    for key, ref_type in (("modification", vc.MODIFICATION), ("type_number", vc.TYPE_NUMBER),
                          ("serial", vc.SERIAL), ("inventory", vc.INVENTORY), ("year", vc.YEAR),
                          ("etalon_number", vc.ETALON)):
        out += _line(ctx, key, [view.item_value(ref_type) or ""])
    if item is not None and item.description is not None and vc.STRUCTURE in vc.ref_types(item.description):
        out += _line(ctx, "structure", ctx.texts(item.description))
    if view.customer is not None:
        out += _line(ctx, "owner", ctx.texts(view.customer.name), strong=False)
    scope = view.statement(vc.SCOPE)
    if scope is not None:
        out += _line(ctx, "scope", ctx.texts(scope.declaration))
    out += _line(ctx, "procedure", _joined([_method_texts(ctx, m) for m in view.measurement.used_methods]))
    equipment = view.measurement.measuring_equipments.equipment if view.measurement.measuring_equipments else []
    out += _line(ctx, "means", _joined([_equipment_texts(ctx, e) for e in equipment]))
    out += _line(ctx, "conditions", _joined([_condition_texts(ctx, c) for c in view.measurement.influence_conditions]))
    return out


def _method_texts(ctx: RenderContext, method) -> list[str]:  # noqa: ANN001
    names = ctx.texts(method.name)
    if vc.OTHER_METHOD in vc.ref_types(method):
        details = ctx.texts(method.description)
        return [f"{name} – {details[min(i, len(details) - 1)]}" if details else name for i, name in enumerate(names)]
    return names


def _equipment_texts(ctx: RenderContext, equipment: MeasuringEquipment) -> list[str]:
    """"Эталон 72850.18.3Р.00703091" per language: the kind and every number the DCC gives for it."""
    numbers = ", ".join(i.value for i in equipment.identifications if i.value)
    details = (ctx.texts(equipment.description) or [""])[0] if equipment.description is not None else ""
    referral = equipment.certificate.referral_id if equipment.certificate else None
    tail = [numbers, f"({details})" if details else "",
            f"[{referral}]" if referral and referral.strip().casefold() != "unknown" else ""]
    return [" ".join(p for p in (name, *tail) if p) for name in (ctx.texts(equipment.name) or [""])]


def _condition_texts(ctx: RenderContext, condition: Condition) -> list[str]:
    """"Температура окружающей среды: 21,5 °C" per language: the value exactly as the DCC's text states it."""
    values = "; ".join(text for part in (condition.data.items if condition.data else [])
                       if isinstance(part, RichContent) for text in ctx.texts(part))
    return [f"{name}: {values}" if values else name for name in ctx.texts(condition.name)]


def _conclusion(ctx: RenderContext, view: View) -> list[Flowable]:
    """Fit (with the kind of verification), or unfit with the reasons; the mark and the date of verification."""
    key = f"{'fit' if view.fit else 'unfit'}_{'primary' if view.primary else 'periodic'}"
    color = ACCENT if view.fit else DRAFT_RED
    texts = caps(ctx, key)
    parts = [f'<font color="{color.hexval()}"><b>{ctx.esc(texts[0])}</b></font>']
    parts += [f'<font color="{SECONDARY.hexval()}" size="8">{ctx.esc(t)}</font>' for t in texts[1:]]
    out: list[Flowable] = [Spacer(1, 3 * mm), Paragraph("<br/>".join(parts), ctx.styles.subheading),
                           Spacer(1, 1 * mm)]
    reasons = view.reasons()
    if reasons is not None:
        out += _line(ctx, "reasons", ctx.texts(reasons))
    for key_, ref_type in (("mark", vc.MARK), ("cipher", vc.CIPHER), ("additional", vc.ADDITIONAL)):
        found = view.statement(ref_type)
        if found is not None:
            out += _line(ctx, key_, ctx.texts(found.declaration))
    out += _line(ctx, "date", [day(view.core.end_performance_date)])
    return out


def _signing_people(ctx: RenderContext, view: View) -> list[Flowable]:
    """Position, a line for the signature, surname and initials: the head (when named) and the verifier."""
    width = ctx.frame_width
    rows = []
    for ref_type, caption in ((vc.HEAD, "head"), (vc.VERIFIER, "verifier")):
        person = view.person(ref_type)
        if person is None or person.person is None:
            continue
        position = ctx.lines([person.role], bold_first=True) if ref_type == vc.HEAD and person.role \
            else _label(ctx, caption)
        line = Paragraph(f'<font color="{SECONDARY.hexval()}">______________________<br/>'
                         f'{ctx.esc(" / ".join(caps(ctx, "signature")))}</font>', ctx.styles.small)
        rows.append([position, line, ctx.lines(ctx.texts(person.person.name), bold_first=True)])
    if not rows:
        return []
    table = Table(rows, colWidths=[0.42 * width, 0.28 * width, 0.30 * width])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), ctx.fonts.regular, 8),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("TOPPADDING", (0, 0), (-1, -1), 9), ("LINEBELOW", (0, -1), (-1, -1), 0.25, RULE)]))
    return [Spacer(1, 5 * mm), KeepTogether([table])]


def _fif(ctx: RenderContext, view: View) -> list[Flowable]:
    """The FIF OEI record line and its permanent address, when the record number is known."""
    record = view.core_value(vc.FIF_RECORD)
    if not record:
        return []
    address = record_url(record.removeprefix("1-"))
    lines = [f"{c}: {record}" for c in caps(ctx, "fif_record")] + [address]
    return [Spacer(1, 3 * mm), ctx.lines(lines, ctx.styles.small)]
