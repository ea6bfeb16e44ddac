"""Editable fields of a certificate: what the desktop forms show, where each lives in the model and the XML.

Each :class:`FieldSpec` reads and writes one value of a :class:`Certificate` (creating the nodes it needs on first
write), knows the XML path validation findings point to (so a click on a finding reaches the field), and checks what
was typed before anything changes. The desktop application builds its forms and undo commands from these specs; the
core stays free of Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from coomet_lab.dcc.model import (
    AdministrativeData,
    CalibrationLaboratory,
    Certificate,
    Contact,
    CoreData,
    Identification,
    Item,
    ItemList,
    Location,
    PerformanceLocation,
    RespPerson,
    Statement,
    Tagged,
    Text,
)
from coomet_lab.dcc.model.binding import dcc
from coomet_lab.kernel.errors import CoometLabError

Getter = Callable[[Certificate, str | None], str]
Setter = Callable[[Certificate, str | None, str], None]


class FieldValueError(CoometLabError):
    code = "field.value"
    template = "{label}: {detail}"


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str
    section: str
    xpath: str
    get: Getter
    set: Setter
    multilingual: bool = False
    kind: str = "text"  # text | date | code | choice | languages
    choices: tuple[str, ...] = ()
    required: bool = False
    check: Callable[[str], str | None] | None = field(default=None, compare=False)

    def write(self, certificate: Certificate, lang: str | None, text: str) -> str:
        """Check and store typed text; returns the previous value (for undo). Raises without changing anything."""
        value = text.strip()
        problem = self.check(value) if (self.check and value) else None
        if problem:
            raise FieldValueError(problem, label=self.label)
        if self.choices and value and value not in self.choices:
            raise FieldValueError(f"choose one of {', '.join(self.choices)}", label=self.label)
        previous = self.get(certificate, lang)
        self.set(certificate, lang, value)
        return previous


# ------------------------------------------------------------------------------------------ navigation


# Every navigation function reads without changing the certificate (create=False: None when a part is missing)
# and creates what is missing only when a value is written (create=True).
Owner = Callable[..., object]
ContactOwner = Callable[[Certificate, bool], Contact | None]
StatementOwner = Callable[[Certificate, bool], Statement | None]


def _child(parent: object | None, attribute: str, factory: Callable[[], object], create: bool) -> object | None:
    if parent is None:
        return None
    value = getattr(parent, attribute)
    if value is None and create:
        value = factory()
        setattr(parent, attribute, value)
    return value


def _admin(c: Certificate, create: bool = True) -> AdministrativeData | None:
    return _child(c, "administrative_data", AdministrativeData, create)  # type: ignore[return-value]


def _core(c: Certificate, create: bool = True) -> CoreData | None:
    return _child(_admin(c, create), "core_data", CoreData, create)  # type: ignore[return-value]


def _lab(c: Certificate, create: bool = True) -> CalibrationLaboratory | None:
    return _child(_admin(c, create), "calibration_laboratory", CalibrationLaboratory, create)  # type: ignore


def _lab_contact(c: Certificate, create: bool = True) -> Contact | None:
    return _child(_lab(c, create), "contact", Contact, create)  # type: ignore[return-value]


def _customer(c: Certificate, create: bool = True) -> Contact | None:
    return _child(_admin(c, create), "customer", Contact, create)  # type: ignore[return-value]


def _item(c: Certificate, create: bool = True) -> Item | None:
    items = _child(_admin(c, create), "items", ItemList, create)
    if items is None:
        return None
    if not items.items:  # type: ignore[attr-defined]
        if not create:
            return None
        items.items.append(Item())  # type: ignore[attr-defined]
    return items.items[0]  # type: ignore[attr-defined]


def _manufacturer(c: Certificate, create: bool = True) -> Contact | None:
    return _child(_item(c, create), "manufacturer", Contact, create)  # type: ignore[return-value]


def _text_get(node_text: Text | None, lang: str | None) -> str:
    if node_text is None:
        return ""
    for content in node_text.contents:
        if content.lang == lang:
            return content.value
    return "" if lang is not None else (node_text.get(None) or "")


def _text_set(owner: object, attribute: str, lang: str | None, value: str) -> None:
    text = getattr(owner, attribute)
    if text is None:
        if not value:
            return
        text = Text()
        setattr(owner, attribute, text)
    if value:
        text.set(lang, value)
    else:
        text.contents = [c for c in text.contents if c.lang != lang]
        if not text.contents:
            setattr(owner, attribute, None)


def _plain(owner: Owner, attribute: str) -> tuple[Getter, Setter]:
    def get(c: Certificate, _lang: str | None) -> str:
        node = owner(c, False)
        return (getattr(node, attribute) or "") if node is not None else ""

    def set_(c: Certificate, _lang: str | None, value: str) -> None:
        setattr(owner(c, True), attribute, value or None)

    return get, set_


def _multilingual(owner: Owner, attribute: str) -> tuple[Getter, Setter]:
    def get(c: Certificate, lang: str | None) -> str:
        node = owner(c, False)
        return _text_get(getattr(node, attribute), lang) if node is not None else ""

    def set_(c: Certificate, lang: str | None, value: str) -> None:
        _text_set(owner(c, True), attribute, lang, value)

    return get, set_


def _location_part(owner: ContactOwner, part: str) -> tuple[Getter, Setter]:
    def get(c: Certificate, _lang: str | None) -> str:
        contact = owner(c, False)
        location = contact.location if contact is not None else None
        return (location.get(part) if location else None) or ""

    def set_(c: Certificate, _lang: str | None, value: str) -> None:
        contact = owner(c, True)
        assert contact is not None  # create=True makes every missing part
        if contact.location is None:
            contact.location = Location()
        parts = contact.location.parts
        tag = dcc(part)
        for i, p in enumerate(parts):
            if isinstance(p, Tagged) and p.tag == tag:
                if value:
                    parts[i] = Tagged(tag, value)
                else:
                    del parts[i]
                return
        if value:
            parts.append(Tagged(tag, value))

    return get, set_


def _identification(issuer: str, names: dict[str, str]) -> tuple[Getter, Setter]:
    """An item identification recognised by issuer and by one of its names (e.g. 'Serial')."""
    needles = [n.casefold() for n in names.values()]

    def find(item: Item) -> Identification | None:
        for ident in item.identifications:
            texts = [c.value.casefold() for c in ident.name.contents] if ident.name else []
            if ident.issuer == issuer and any(any(n in t for n in needles) for t in texts):
                return ident
        return None

    def get(c: Certificate, _lang: str | None) -> str:
        item = _item(c, False)
        ident = find(item) if item is not None else None
        return ident.value or "" if ident else ""

    def set_(c: Certificate, _lang: str | None, value: str) -> None:
        item = _item(c, True)
        assert item is not None  # create=True makes every missing part
        ident = find(item)
        if ident is None and value:
            core = _core(c, True)
            assert core is not None
            languages = core.used_languages or ["en"]
            name = Text.of({lang: names.get(lang, names["en"]) for lang in languages})
            item.identifications.append(Identification(issuer=issuer, value=value, name=name))
        elif ident is not None and value:
            ident.value = value
        elif ident is not None:
            item.identifications.remove(ident)

    return get, set_


def _languages(attribute: str) -> tuple[Getter, Setter]:
    def get(c: Certificate, _lang: str | None) -> str:
        core = _core(c, False)
        return ", ".join(getattr(core, attribute)) if core is not None else ""

    def set_(c: Certificate, _lang: str | None, value: str) -> None:
        setattr(_core(c), attribute, [v for v in re.split(r"[\s,;]+", value) if v])

    return get, set_


def _performance_location() -> tuple[Getter, Setter]:
    def get(c: Certificate, _lang: str | None) -> str:
        core = _core(c, False)
        location = core.performance_location if core is not None else None
        return location.value if location else ""

    def set_(c: Certificate, _lang: str | None, value: str) -> None:
        core = _core(c)
        assert core is not None  # create=True makes every missing part
        core.performance_location = PerformanceLocation(value=value) if value else None

    return get, set_


def _person(role: str) -> ContactOwner:
    """The contact of the responsible person with ``role`` (the approver is the main signer)."""

    def find(c: Certificate, create: bool = True) -> Contact | None:
        admin = _admin(c, create)
        if admin is None:
            return None
        for person in admin.resp_persons:
            if person.role == role:
                return _child(person, "person", Contact, create)  # type: ignore[return-value]
        if not create:
            return None
        person = RespPerson(person=Contact(), role=role, main_signer="true" if role == "approver" else None)
        admin.resp_persons.append(person)
        return person.person

    return find


def _statement(ref_type: str) -> StatementOwner:
    def find(c: Certificate, create: bool = True) -> Statement | None:
        admin = _admin(c, create)
        if admin is None:
            return None
        for statement in admin.statements:
            if ref_type in (statement.ref_type or "").split():
                return statement
        if not create:
            return None
        statement = Statement(ref_type=ref_type)
        admin.statements.append(statement)
        return statement

    return find


def _declaration(owner: StatementOwner) -> tuple[Getter, Setter]:
    def get(c: Certificate, lang: str | None) -> str:
        statement = owner(c, False)
        declaration = statement.declaration if statement is not None else None
        return (declaration.text(lang) if declaration and lang in _langs_of(declaration) else "") or ""

    def set_(c: Certificate, lang: str | None, value: str) -> None:
        from coomet_lab.dcc.model import LangString, RichContent

        statement = owner(c, True)
        assert statement is not None  # create=True makes every missing part
        if statement.declaration is None:
            statement.declaration = RichContent()
        items = statement.declaration.items
        for item in items:
            if isinstance(item, LangString) and item.lang == lang:
                if value:
                    item.value = value
                else:
                    items.remove(item)
                return
        if value:
            items.append(LangString(lang=lang, value=value))

    return get, set_


def _langs_of(rich) -> set[str | None]:  # noqa: ANN001
    from coomet_lab.dcc.model import LangString

    return {i.lang for i in rich.items if isinstance(i, LangString)}


# ------------------------------------------------------------------------------------------ checks

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: str) -> str | None:
    import datetime as dt

    if not _DATE.match(value):
        return "a date is written YYYY-MM-DD"
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return f"{value} is not a calendar date"
    return None


def check_country(value: str) -> str | None:
    return None if re.fullmatch(r"[A-Z]{2}", value) else "a country code is two capital letters (ISO 3166-1)"


def check_languages(value: str) -> str | None:
    codes = [v for v in re.split(r"[\s,;]+", value) if v]
    bad = [c for c in codes if not re.fullmatch(r"[a-z]{2}", c)]
    return f"language codes are two small letters (ISO 639-1), not {', '.join(bad)}" if bad else None


# ------------------------------------------------------------------------------------------ the fields

CORE = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:coreData"
LAB = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:calibrationLaboratory"
CUSTOMER = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:customer"
ITEM = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:items/dcc:item"
PERSONS = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:respPersons"
STATEMENTS = "/dcc:digitalCalibrationCertificate/dcc:administrativeData/dcc:statements"


def _spec(key: str, label: str, section: str, xpath: str, accessors: tuple[Getter, Setter], **kwargs) -> FieldSpec:
    return FieldSpec(key, label, section, xpath, accessors[0], accessors[1], **kwargs)


FIELDS: tuple[FieldSpec, ...] = (
    _spec("core.unique_identifier", "Certificate number", "certificate", f"{CORE}/dcc:uniqueIdentifier",
          _plain(_core, "unique_identifier"), required=True),
    _spec("core.country", "Country", "certificate", f"{CORE}/dcc:countryCodeISO3166_1",
          _plain(_core, "country_code"), kind="code", check=check_country, required=True),
    _spec("core.languages", "Languages of the certificate", "certificate", f"{CORE}/dcc:usedLangCodeISO639_1",
          _languages("used_languages"), kind="languages", check=check_languages, required=True),
    _spec("core.mandatory_languages", "Legally binding language(s)", "certificate",
          f"{CORE}/dcc:mandatoryLangCodeISO639_1", _languages("mandatory_languages"), kind="languages",
          check=check_languages, required=True),
    _spec("core.receipt_date", "Item received", "certificate", f"{CORE}/dcc:receiptDate",
          _plain(_core, "receipt_date"), kind="date", check=check_date),
    _spec("core.begin", "Calibration from", "certificate", f"{CORE}/dcc:beginPerformanceDate",
          _plain(_core, "begin_performance_date"), kind="date", check=check_date, required=True),
    _spec("core.end", "Calibration to", "certificate", f"{CORE}/dcc:endPerformanceDate",
          _plain(_core, "end_performance_date"), kind="date", check=check_date, required=True),
    _spec("core.issue_date", "Date of issue", "certificate", f"{CORE}/dcc:issueDate",
          _plain(_core, "issue_date"), kind="date", check=check_date),
    _spec("core.performance_location", "Place of calibration", "certificate", f"{CORE}/dcc:performanceLocation",
          _performance_location(), kind="choice",
          choices=("laboratory", "customer", "laboratoryBranch", "customerBranch", "other"), required=True),
    _spec("lab.code", "Accreditation reference", "laboratory",
          f"{LAB}/dcc:calibrationLaboratoryCode",
          _plain(_lab, "calibration_laboratory_code")),
    _spec("lab.name", "Laboratory", "laboratory", f"{LAB}/dcc:contact/dcc:name",
          _multilingual(_lab_contact, "name"), multilingual=True, required=True),
    _spec("lab.street", "Street", "laboratory", f"{LAB}/dcc:contact/dcc:location",
          _location_part(_lab_contact, "street")),
    _spec("lab.street_no", "No.", "laboratory", f"{LAB}/dcc:contact/dcc:location",
          _location_part(_lab_contact, "streetNo")),
    _spec("lab.post_code", "Post code", "laboratory", f"{LAB}/dcc:contact/dcc:location",
          _location_part(_lab_contact, "postCode")),
    _spec("lab.city", "City", "laboratory", f"{LAB}/dcc:contact/dcc:location",
          _location_part(_lab_contact, "city"), required=True),
    _spec("lab.country", "Country", "laboratory", f"{LAB}/dcc:contact/dcc:location",
          _location_part(_lab_contact, "countryCode"), kind="code", check=check_country),
    _spec("lab.email", "E-mail", "laboratory", f"{LAB}/dcc:contact/dcc:eMail", _plain(_lab_contact, "e_mail")),
    _spec("customer.name", "Customer", "customer", f"{CUSTOMER}/dcc:name",
          _multilingual(_customer, "name"), multilingual=True, required=True),
    _spec("customer.street", "Street", "customer", f"{CUSTOMER}/dcc:location",
          _location_part(_customer, "street")),
    _spec("customer.street_no", "No.", "customer", f"{CUSTOMER}/dcc:location",
          _location_part(_customer, "streetNo")),
    _spec("customer.post_code", "Post code", "customer", f"{CUSTOMER}/dcc:location",
          _location_part(_customer, "postCode")),
    _spec("customer.city", "City", "customer", f"{CUSTOMER}/dcc:location",
          _location_part(_customer, "city"), required=True),
    _spec("customer.country", "Country", "customer", f"{CUSTOMER}/dcc:location",
          _location_part(_customer, "countryCode"), kind="code", check=check_country),
    _spec("item.name", "Instrument", "item", f"{ITEM}/dcc:name", _multilingual(_item, "name"),
          multilingual=True, required=True),
    _spec("item.manufacturer", "Manufacturer", "item", f"{ITEM}/dcc:manufacturer",
          _multilingual(_manufacturer, "name"), multilingual=True),
    _spec("item.model", "Type / model", "item", f"{ITEM}/dcc:model", _plain(_item, "model")),
    _spec("item.serial", "Serial number", "item", f"{ITEM}/dcc:identifications",
          _identification("manufacturer", {"en": "Serial no.", "ru": "Заводской номер", "de": "Seriennummer"}),
          required=True),
    _spec("item.inventory", "Inventory number", "item", f"{ITEM}/dcc:identifications",
          _identification("customer", {"en": "Inventory no.", "ru": "Инвентарный номер", "de": "Inventarnummer"})),
    _spec("person.performer", "Calibrated by", "persons", PERSONS,
          _multilingual(_person("performer"), "name"), multilingual=True),
    _spec("person.approver", "Approved by", "persons", PERSONS,
          _multilingual(_person("approver"), "name"), multilingual=True),
    _spec("statement.conformity", "Conformity", "statements", STATEMENTS,
          _plain(_statement("basic_conformity"), "conformity"), kind="choice",
          choices=("pass", "fail", "conditionalPass", "conditionalFail", "noPass", "noFail")),
    _spec("statement.conformity_text", "Conformity statement", "statements", STATEMENTS,
          _declaration(_statement("basic_conformity")), multilingual=True),
    _spec("statement.decision_rule", "Decision rule", "statements", STATEMENTS,
          _declaration(_statement("basic_decisionRule")), multilingual=True),
    _spec("statement.recalibration", "Recalibration", "statements", STATEMENTS,
          _declaration(_statement("basic_recalibration")), multilingual=True),
)


FIELDS_BY_KEY = {f.key: f for f in FIELDS}
SECTIONS = ("certificate", "laboratory", "customer", "item", "persons", "statements")


def field_for_path(path: str | None) -> FieldSpec | None:
    """The form field a validation finding points to (the most specific match), if any."""
    if not path:
        return None
    plain = re.sub(r"\[\d+\]", "", path)
    best = None
    for spec in FIELDS:
        if plain.startswith(spec.xpath) and (best is None or len(spec.xpath) > len(best.xpath)):
            best = spec
    return best
