"""A verification record as a DCC 3.3.0: a calibration with a decision (fit or unfit for use).

The same DCC is the verification certificate (свидетельство о поверке) when the instrument is fit and the notice of
unfitness (извещение о непригодности к применению) when it is not; the PDF twin renders it in the layout of Order
2510 (:mod:`coomet_lab.jurisdictions.ru.order2510`). Every element that carries verification meaning has a
``coomet_verification…`` refType, so a reader tells a verification certificate from a calibration certificate
without guessing, and the twin reads every line it prints from the signed XML.

What the user typed (names, procedure, conditions such as "21,5 °C", reasons) is written as language-neutral text,
exactly as typed; only the fixed captions are given in each of the certificate's languages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coomet_lab.dcc.editing.builder import contact, identification, laboratory, new_certificate
from coomet_lab.dcc.model import (
    Certificate,
    Condition,
    Contact,
    Data,
    Identification,
    Item,
    Location,
    MeasurementResult,
    MeasuringEquipment,
    MeasuringEquipments,
    Quantity,
    RefTypeDefinition,
    RespPerson,
    Result,
    RichContent,
    Statement,
    Text,
    UsedMethod,
)
from coomet_lab.jurisdictions.ru.record import OTHER_METHODS, PRIMARY, VerificationRecord
from coomet_lab.jurisdictions.ru.types import InstrumentType
from coomet_lab.kernel.config import LabSettings

# ------------------------------------------------------------------------------------------------ vocabulary
# One namespace, "coomet", declared in refTypeDefinitions; each name below is used on exactly one kind of element.
NAMESPACE = "coomet"
# No public address yet: a URN names the vocabulary, which docs/verification-certificate.md documents.
VOCABULARY_LINK = "urn:coomet-lab:reftypes:verification:1"
RESULT = "coomet_verificationResult"  # the measurementResult/result holding the decision
DECISION = "coomet_verificationDecision"  # the quantity stating fit/unfit (with basic_conformity metaData)
CONFORMITY = "coomet_verificationConformity"  # metaData: conformity pass/fail and, when unfit, the reasons
REASONS = "coomet_verificationReasons"
KIND_PRIMARY = "coomet_verificationPrimary"
KIND_PERIODIC = "coomet_verificationPeriodic"
VALID_UNTIL = "coomet_verificationValidUntil"
SCOPE = "coomet_verificationScope"
MARK = "coomet_verificationMark"
STICKER = "coomet_verificationStickerNumber"
CIPHER = "coomet_verificationCipher"
ADDITIONAL = "coomet_verificationAdditionalInfo"
STRUCTURE = "coomet_verificationStructure"
NUMBER = "coomet_verificationNumber"  # coreData identification: the Arshin certificate or notice number
FIF_RECORD = "coomet_verificationFifRecord"
PROCEDURE = "coomet_verificationProcedure"
OTHER_METHOD = "coomet_verificationOtherMethod"
TYPE_NUMBER = "coomet_verificationTypeNumber"
SERIAL = "coomet_verificationSerialNumber"
INVENTORY = "coomet_verificationInventoryNumber"
YEAR = "coomet_verificationManufactureYear"
MODIFICATION = "coomet_verificationModification"
ETALON = "coomet_verificationEtalon"
PRIMARY_STANDARD = "coomet_verificationPrimaryStandard"
UNIT_STANDARD = "coomet_verificationUnitStandard"
REFERENCE_MATERIAL = "coomet_verificationReferenceMaterial"
INSTRUMENT = "coomet_verificationInstrument"
REAGENT = "coomet_verificationReagent"
TEMPERATURE = "coomet_verificationTemperature"
PRESSURE = "coomet_verificationPressure"
HUMIDITY = "coomet_verificationHumidity"
OTHER_CONDITION = "coomet_verificationOtherCondition"
VERIFIER = "coomet_verificationVerifier"
HEAD = "coomet_verificationHead"

DEFAULT_LANGUAGES = ("ru", "en")

# Fixed texts of the DCC, per language (a language without a text gets the English one).
WORDS: dict[str, dict[str, str]] = {
    "vocabulary": {"ru": "Поверка средств измерений (COOMET Lab)",
                   "en": "Verification of measuring instruments (COOMET Lab)"},
    "vocabulary_description": {
        "ru": "Элементы с refType coomet_verification… описывают поверку: решение о пригодности, вид поверки, "
              "срок действия, знак поверки, эталоны и условия",
        "en": "Elements with a coomet_verification… refType describe a legal-metrology verification: the decision, "
              "its kind, validity, verification mark, standards and conditions"},
    "instrument": {"ru": "Средство измерений", "en": "Measuring instrument"},
    "type_number": {"ru": "Регистрационный номер типа в ФИФ ОЕИ", "en": "Type registration number (FIF OEI)"},
    "serial": {"ru": "Заводской номер", "en": "Serial number"},
    "inventory": {"ru": "Инвентарный номер", "en": "Inventory number"},
    "year": {"ru": "Год выпуска", "en": "Year of manufacture"},
    "modification": {"ru": "Модификация", "en": "Modification"},
    "number_fit": {"ru": "Номер свидетельства о поверке", "en": "Verification certificate number"},
    "number_unfit": {"ru": "Номер извещения о непригодности", "en": "Notice of unfitness number"},
    "fif_record": {"ru": "Номер записи сведений о результатах поверки в ФИФ ОЕИ",
                   "en": "Record number of the verification result in FIF OEI"},
    "sticker": {"ru": "Номер наклейки знака поверки", "en": "Verification sticker number"},
    "owner_address": {"ru": "адрес владельца в записи о поверке не указан",
                      "en": "the owner's address is not part of the verification record"},
    "etalon": {"ru": "Эталон", "en": "Reference standard"},
    "etalon_number": {"ru": "Регистрационный номер эталона в ФИФ ОЕИ",
                      "en": "Standard's registration number (FIF OEI)"},
    "primary_standard": {"ru": "Государственный первичный эталон", "en": "State primary standard"},
    "unit_standard": {"ru": "Эталон единицы величины", "en": "Standard of a unit"},
    "standard_number": {"ru": "Регистрационный номер", "en": "Registration number"},
    "reference_material": {"ru": "Стандартный образец", "en": "Reference material"},
    "rm_type": {"ru": "Номер типа стандартного образца", "en": "Reference material type number"},
    "rm_batch": {"ru": "Номер экземпляра (партии)", "en": "Batch number"},
    "other_instrument": {"ru": "Средство измерений, применённое при поверке", "en": "Measuring instrument used"},
    "reagent": {"ru": "Реактив", "en": "Reagent"},
    "temperature": {"ru": "Температура окружающей среды", "en": "Ambient temperature"},
    "pressure": {"ru": "Атмосферное давление", "en": "Atmospheric pressure"},
    "humidity": {"ru": "Относительная влажность", "en": "Relative humidity"},
    "other_condition": {"ru": "Другие влияющие факторы", "en": "Other influence factors"},
    "procedure": {"ru": "Методика поверки", "en": "Verification procedure"},
    "other_method": {"ru": "Поверка без применения эталонов", "en": "Verification without standards"},
    "result": {"ru": "Результат поверки", "en": "Verification result"},
    "decision": {"ru": "Пригодность к применению", "en": "Fitness for use"},
    "fit": {"ru": "пригодно к применению", "en": "fit for use"},
    "unfit": {"ru": "непригодно к применению", "en": "unfit for use"},
    "conformity": {"ru": "Заключение по результатам поверки", "en": "Conclusion of the verification"},
    "conformity_fit": {"ru": "Средство измерений признано пригодным к применению",
                       "en": "The measuring instrument is found fit for use"},
    "conformity_unfit": {"ru": "Средство измерений признано непригодным к применению",
                         "en": "The measuring instrument is found unfit for use"},
    "reasons": {"ru": "Причины непригодности", "en": "Reasons for unfitness"},
    "kind": {"ru": "Вид поверки", "en": "Kind of verification"},
    "primary": {"ru": "первичная", "en": "primary"},
    "periodic": {"ru": "периодическая", "en": "periodic"},
    "valid_until": {"ru": "Действительно до", "en": "Valid until"},
    "valid_until_text": {"ru": "Срок действия результатов поверки", "en": "Verification results valid until"},
    "scope": {"ru": "Объём поверки", "en": "Scope of the verification"},
    "scope_full": {"ru": "в полном объёме", "en": "in full"},
    "mark": {"ru": "Знак поверки", "en": "Verification mark"},
    "mark_on_instrument": {"ru": "нанесён на средство измерений", "en": "applied to the instrument"},
    "mark_in_passport": {"ru": "нанесён в паспорт (формуляр)", "en": "applied in the passport (logbook)"},
    "mark_sticker": {"ru": "наклейка №", "en": "sticker No."},
    "cipher": {"ru": "Шифр знака поверки", "en": "Verification mark cipher"},
    "additional": {"ru": "Дополнительные сведения", "en": "Additional information"},
    "structure": {"ru": "В составе", "en": "Composition"},
    "verifier": {"ru": "Поверитель", "en": "Verifier"},
    "head": {"ru": "Руководитель", "en": "Head"},
}

OTHER_METHOD_WORDS = {
    "1": {"ru": "метод имитации", "en": "imitation method"},
    "2": {"ru": "самоповерка", "en": "self-verification"},
    "3": {"ru": "расчётный метод", "en": "calculation method"},
    "4": {"ru": "первичная референтная методика измерений", "en": "primary reference measurement procedure"},
}
assert set(OTHER_METHOD_WORDS) == set(OTHER_METHODS)


class _Words:
    """The fixed texts in the certificate's languages."""

    def __init__(self, languages: Sequence[str]):
        self.languages = list(languages)

    def text(self, key: str) -> Text:
        return Text.of(self.of(WORDS[key]))

    def rich(self, key: str) -> RichContent:
        return RichContent.of(self.of(WORDS[key]))

    def of(self, texts: Mapping[str, str]) -> dict[str, str]:
        return {lang: texts.get(lang) or texts["en"] for lang in self.languages}


def verification_certificate(record: VerificationRecord, *, settings: LabSettings, number: str, issue_date: str,
                             languages: Sequence[str] | None = None, head: str = "", head_position: str = "",
                             fif_record: str = "", instrument_type: InstrumentType | None = None) -> Certificate:
    """The DCC of one verification: ``number`` is the Arshin certificate (С-…) or notice (И-…) number.

    ``instrument_type`` (from the type register) gives the type's name, designation and manufacturer; without it
    the record's own type title is used. The output depends only on the arguments (no clock, no randomness).
    """
    if not number.strip():
        raise ValueError("a verification certificate needs its number (the Arshin certificate or notice number)")
    langs = list(languages or _languages(settings))
    words = _Words(langs)
    certificate = new_certificate(unique_identifier=number, country=settings.country or "RU", languages=langs,
                                  mandatory_languages=langs[:1], begin=record.vrf_date, end=record.vrf_date,
                                  issue=issue_date)
    admin = certificate.administrative_data
    results = certificate.measurement_results
    # new_certificate always makes these parts; the model types them optional because a read DCC may lack them.
    assert admin is not None and admin.core_data is not None and admin.items is not None and results is not None
    admin.ref_type_definitions = [_vocabulary(words)]
    admin.core_data.identifications = _core_identifications(record, number, fif_record, words)
    admin.items.items = [_item(record, instrument_type, words)]
    admin.calibration_laboratory = _laboratory(settings, langs)
    admin.resp_persons = _persons(record, head, head_position)
    # The record holds the owner's name only; the DCC requires a location, so it says plainly that none is known.
    admin.customer = Contact(name=Text.of(record.owner or "-"),
                             location=Location(parts=[words.rich("owner_address")]))  # written as dcc:further
    admin.statements = _statements(record, words)
    results.results = [_measurement_result(record, words)]
    return certificate


def _languages(settings: LabSettings) -> list[str]:
    """Russian first (Order 2510), then the laboratory's other certificate languages, English by default."""
    declared = [lang for lang in settings.certificate_languages if lang]
    ordered = ["ru"] + [lang for lang in declared if lang != "ru"]
    return ordered if len(ordered) > 1 else list(DEFAULT_LANGUAGES)


def _vocabulary(words: _Words) -> RefTypeDefinition:
    return RefTypeDefinition(name=words.text("vocabulary"), description=words.rich("vocabulary_description"),
                             namespace=NAMESPACE, link=VOCABULARY_LINK)


def _ident(issuer: str, value: str, words: _Words, key: str, ref_type: str) -> Identification:
    ident = identification(issuer, value, words.of(WORDS[key]))
    ident.ref_type = ref_type
    return ident


def _core_identifications(record: VerificationRecord, number: str, fif_record: str,
                          words: _Words) -> list[Identification]:
    out = [_ident("calibrationLaboratory", number, words, "number_fit" if record.applicable else "number_unfit",
                  NUMBER)]
    if fif_record.strip():
        out.append(_ident("other", fif_record.strip(), words, "fif_record", FIF_RECORD))
    if record.sticker_num.strip():
        out.append(_ident("calibrationLaboratory", record.sticker_num.strip(), words, "sticker", STICKER))
    return out


def _item(record: VerificationRecord, kind: InstrumentType | None, words: _Words) -> Item:
    typed = (kind.name if kind and kind.name else record.type_title).strip()
    name = Text.of(typed) if typed else words.text("instrument")
    identifications = []
    for value, issuer, key, ref_type in ((record.mitype_number, "other", "type_number", TYPE_NUMBER),
                                         (record.manufacture_num, "manufacturer", "serial", SERIAL),
                                         (record.inventory_num, "owner", "inventory", INVENTORY),
                                         (record.manufacture_year, "manufacturer", "year", YEAR),
                                         (record.modification, "manufacturer", "modification", MODIFICATION)):
        if value.strip():
            identifications.append(_ident(issuer, value.strip(), words, key, ref_type))
    if record.etalon_reg_number.strip():
        identifications.append(_ident("other", record.etalon_reg_number.strip(), words, "etalon_number", ETALON))
    item = Item(name=name, identifications=identifications,
                model=(kind.designation or None) if kind else None,
                manufacturer=Contact(name=Text.of(kind.manufacturer)) if kind and kind.manufacturer else None,
                owner=None)
    if record.structure.strip():
        item.description = RichContent(ref_type=STRUCTURE, items=RichContent.of(record.structure).items)
    return item


def _laboratory(settings: LabSettings, langs: list[str]):  # noqa: ANN202
    first = next(iter(settings.lab_name.values()), "")
    names = {lang: settings.lab_name.get(lang) or first for lang in langs}
    lab_contact = contact(names, street=settings.street or None, street_no=settings.street_no or None,
                          post_code=settings.post_code or None, city=settings.city or None,
                          country=settings.country or None, e_mail=settings.e_mail or None)
    return laboratory(settings.accreditation or None, lab_contact)


def _persons(record: VerificationRecord, head: str, head_position: str) -> list[RespPerson]:
    verifier = RespPerson(ref_type=VERIFIER, person=Contact(name=Text.of(record.metrologist)), role="Поверитель",
                          main_signer=None if head.strip() else "true")
    if not head.strip():
        return [verifier]
    boss = RespPerson(ref_type=HEAD, person=Contact(name=Text.of(head.strip())),
                      role=head_position.strip() or None, main_signer="true")
    return [boss, verifier]


def _statement(ref_type: str, words: _Words, name_key: str, declaration: RichContent,
               date: str | None = None) -> Statement:
    return Statement(ref_type=ref_type, name=words.text(name_key), declaration=declaration, date=date)


def _statements(record: VerificationRecord, words: _Words) -> list[Statement]:
    primary = record.verification_type == PRIMARY
    out = [_statement(KIND_PRIMARY if primary else KIND_PERIODIC, words, "kind",
                      words.rich("primary" if primary else "periodic"))]
    scope = record.brief_characteristics.strip()
    out.append(_statement(SCOPE, words, "scope", RichContent.of(scope) if scope else words.rich("scope_full")))
    if record.valid_date.strip():
        out.append(_statement(f"basic_recalibration {VALID_UNTIL}", words, "valid_until",
                              words.rich("valid_until_text"), date=record.valid_date.strip()))
    places = [key for key, placed in (("mark_on_instrument", record.sign_mi), ("mark_in_passport", record.sign_pass))
              if placed]
    if record.applicable and (places or record.sticker_num.strip()):
        out.append(_statement(MARK, words, "mark", _mark_text(record, places, words)))
    if record.sign_cipher.strip():
        out.append(_statement(CIPHER, words, "cipher", RichContent.of(record.sign_cipher.strip())))
    if record.additional_info.strip():
        out.append(_statement(ADDITIONAL, words, "additional", RichContent.of(record.additional_info)))
    return out


def _mark_text(record: VerificationRecord, places: list[str], words: _Words) -> RichContent:
    texts = {}
    for lang in words.languages:
        parts = [words.of(WORDS[key])[lang] for key in places]
        if record.sticker_num.strip():
            parts.append(f"{words.of(WORDS['mark_sticker'])[lang]} {record.sticker_num.strip()}")
        texts[lang] = "; ".join(parts)
    return RichContent.of(texts)


def _measurement_result(record: VerificationRecord, words: _Words) -> MeasurementResult:
    """The verification's methods, means and conditions, and one result: the decision as a conformity statement."""
    conformity = Statement(ref_type=f"basic_conformity {CONFORMITY}", name=words.text("conformity"),
                           declaration=words.rich("conformity_fit" if record.applicable else "conformity_unfit"),
                           conformity="pass" if record.applicable else "fail")
    if not record.applicable:
        conformity.description = RichContent(ref_type=REASONS, name=words.text("reasons"),
                                             items=RichContent.of(record.reasons).items)
    decision = Quantity(ref_type=DECISION, name=words.text("decision"),
                        no_quantity=words.rich("fit" if record.applicable else "unfit"),
                        measurement_meta_data=[conformity])
    result = Result(ref_type=RESULT, name=words.text("result"), data=Data(items=[decision]))
    return MeasurementResult(ref_type=RESULT, name=words.text("result"), used_methods=_methods(record, words),
                             measuring_equipments=_equipment(record, words),
                             influence_conditions=_conditions(record, words), results=[result])


def _methods(record: VerificationRecord, words: _Words) -> list[UsedMethod]:
    out = []
    if record.doc_title.strip():
        out.append(UsedMethod(ref_type=PROCEDURE, name=Text.of(record.doc_title), norms=[record.doc_title.strip()]))
    if record.means.method:
        out.append(UsedMethod(ref_type=OTHER_METHOD, name=words.text("other_method"),
                              description=RichContent.of(words.of(OTHER_METHOD_WORDS[record.means.method]))))
    if not out:  # the DCC rules want a method behind every result
        out.append(UsedMethod(ref_type=PROCEDURE, name=words.text("procedure")))
    return out


def _equipment(record: VerificationRecord, words: _Words) -> MeasuringEquipments | None:
    means = record.means
    out: list[MeasuringEquipment] = []
    for numbers, key, ref_type in ((means.etalons, "etalon", ETALON),
                                   (means.primary_standards, "primary_standard", PRIMARY_STANDARD),
                                   (means.unit_standards, "unit_standard", UNIT_STANDARD)):
        for number in numbers:
            out.append(MeasuringEquipment(ref_type=f"basic_standardUsed {ref_type}", name=words.text(key),
                                          identifications=[_ident("other", number, words,
                                                                  "etalon_number" if ref_type == ETALON
                                                                  else "standard_number", ref_type)]))
    for material in means.reference_materials:
        idents = [_ident("other", material.type_num, words, "rm_type", TYPE_NUMBER)]
        if material.manufacture_num.strip():
            idents.append(_ident("manufacturer", material.manufacture_num, words, "rm_batch", SERIAL))
        idents.append(_ident("manufacturer", material.manufacture_year, words, "year", YEAR))
        out.append(MeasuringEquipment(
            ref_type=f"basic_standardUsed {REFERENCE_MATERIAL}", name=words.text("reference_material"),
            description=RichContent.of(material.metro_chars) if material.metro_chars.strip() else None,
            identifications=idents))
    for instrument in means.instruments:
        idents = [_ident("other", instrument.type_num, words, "type_number", TYPE_NUMBER)]
        if instrument.manufacture_num.strip():
            idents.append(_ident("manufacturer", instrument.manufacture_num, words, "serial", SERIAL))
        if instrument.inventory_num.strip():
            idents.append(_ident("owner", instrument.inventory_num, words, "inventory", INVENTORY))
        out.append(MeasuringEquipment(ref_type=INSTRUMENT, name=words.text("other_instrument"),
                                      identifications=idents))
    for reagent in means.reagents:
        out.append(MeasuringEquipment(ref_type=REAGENT, name=words.text("reagent"),
                                      description=RichContent.of(reagent)))
    return MeasuringEquipments(equipment=out) if out else None


def _conditions(record: VerificationRecord, words: _Words) -> list[Condition]:
    """Influence conditions as typed ("21,5 °C"): text, never parsed into numbers (a protocol is not re-rounded)."""
    typed = record.conditions
    out = []
    for value, key, ref_type in ((typed.temperature, "temperature", f"basic_temperature {TEMPERATURE}"),
                                 (typed.pressure, "pressure", PRESSURE),
                                 (typed.humidity, "humidity", f"basic_humidityRelative {HUMIDITY}"),
                                 (typed.other, "other_condition", OTHER_CONDITION)):
        if value.strip():
            out.append(Condition(ref_type=ref_type, name=words.text(key), data=Data(items=[RichContent.of(value)])))
    return out


# ------------------------------------------------------------------------------------------------ reading


def ref_types(node: object) -> list[str]:
    value = getattr(node, "ref_type", None)
    return value.split() if value else []


def is_verification(certificate: Certificate) -> bool:
    """A DCC this module made (or one that follows the same vocabulary): its result is a verification decision."""
    results = certificate.measurement_results
    return results is not None and any(RESULT in ref_types(m) for m in results.results)
