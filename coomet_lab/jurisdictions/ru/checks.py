"""The rules a verification record must meet before anything is rendered or exported.

They are the Arshin import schema's limits (lengths, patterns, choices) and the rules no schema can express
(valid-until after the verification date, reasons only and always for an unfit instrument, a Cyrillic cipher...).
Field names are those of the CSV columns, so a batch import can say "line 17, sign_cipher: ...".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from coomet_lab.jurisdictions.ru.record import OTHER_METHODS, PERIODIC, PRIMARY, VerificationRecord
from coomet_lab.quantities.numbers import whole_number

TYPE_NUMBER = re.compile(r"[0-9]{1,6}-[0-9]{2}")  # FIF type registration number: sequence-yy, e.g. 16078-13
CIPHER = re.compile(r"[А-Я]{1,3}")  # the schema's own class: Cyrillic А..Я (Ё is outside it)
LATIN_LOOKALIKES = set("ABCEHKMOPTXY")
# A surname with a first name and patronymic, or initials ("Иванов Иван Иванович", "Иванов И.И."): no
# organisation writes itself that way, and Arshin's register is public.
PERSON_NAME = re.compile(r"[А-ЯЁ][а-яё]+(-[А-ЯЁ][а-яё]+)?(\s+[А-ЯЁ][а-яё]+){1,2}|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.")
PROTOCOL_TYPES = ("application/pdf", "application/msword", "application/zip", "image/vnd.djvu")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

LIMITS = {  # field → maximum length (Arshin import schema)
    "mitype_number": 32, "type_title": 512, "modification": 128, "manufacture_num": 128, "inventory_num": 128,
    "etalon_reg_number": 32, "owner": 512, "sticker_num": 128, "reasons": 1024, "doc_title": 128,
    "metrologist": 128, "temperature": 128, "pressure": 128, "humidity": 128, "other_conditions": 128,
    "structure": 1024, "brief_characteristics": 1024, "additional_info": 1024,
}


@dataclass(frozen=True)
class Problem:
    field: str
    message: str
    severity: str = "error"  # error | warning

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def check_record(record: VerificationRecord, *, today: dt.date | None = None) -> list[Problem]:
    """Every problem of one record; an empty list means it can be rendered and exported."""
    problems: list[Problem] = []
    add = problems.append
    _check_instrument(record, add)
    _check_texts(record, add)
    _check_dates(record, add, today or dt.date.today())
    _check_result(record, add)
    _check_cipher(record.sign_cipher, add)
    _check_means(record, add)
    for name in ("temperature", "pressure", "humidity"):
        if not getattr(record.conditions, name).strip():
            add(Problem(name, "required (write '-' when it does not apply)"))
    if record.protocol is not None:
        if record.protocol.mimetype not in PROTOCOL_TYPES:
            add(Problem("protocol", f"a protocol must be one of {', '.join(PROTOCOL_TYPES)}, not "
                                    f"{record.protocol.mimetype!r}"))
        if not 0 < len(record.protocol.filename) <= 128:
            add(Problem("protocol", "the protocol's file name must have 1 to 128 characters"))
    return problems


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def _check_instrument(record: VerificationRecord, add) -> None:  # noqa: ANN001
    kinds = [name for name in ("mitype_number", "type_title", "etalon_reg_number") if getattr(record, name).strip()]
    if record.etalon_reg_number.strip():
        if record.mitype_number.strip() or record.manufacture_num.strip() or record.inventory_num.strip():
            add(Problem("etalon_reg_number", "an instrument registered as a standard is named by its register "
                                             "number alone: leave type number and serial number empty"))
        return
    if not kinds:
        add(Problem("mitype_number", "required: the type registration number (e.g. 16078-13), or the type's name "
                                     "when it has none"))
    number = record.mitype_number.strip()
    if number and not TYPE_NUMBER.fullmatch(number):
        add(Problem("mitype_number", f"{number!r} is not a type registration number: digits, a hyphen and the two "
                                     "digits of the year, e.g. 16078-13"))
    if not (record.manufacture_num.strip() or record.inventory_num.strip()):
        add(Problem("manufacture_num", "required: the serial number (or, without one, the inventory number)"))
    if record.manufacture_num.strip() and record.inventory_num.strip():
        add(Problem("inventory_num", "give the serial number or the inventory number, not both"))
    if not record.modification.strip():
        add(Problem("modification", "required (write '-' when the type has no modifications)"))


def _check_texts(record: VerificationRecord, add) -> None:  # noqa: ANN001
    values = {name: getattr(record, name) for name in LIMITS if hasattr(record, name)}
    values.update(temperature=record.conditions.temperature, pressure=record.conditions.pressure,
                  humidity=record.conditions.humidity, other_conditions=record.conditions.other)
    for name, value in values.items():
        if len(value) > LIMITS[name]:
            add(Problem(name, f"{len(value)} characters, at most {LIMITS[name]} are allowed"))
        if CONTROL.search(value):
            add(Problem(name, "contains a control character that XML cannot carry"))
    for name in ("owner", "doc_title"):
        if not getattr(record, name).strip():
            add(Problem(name, "required"))
    if PERSON_NAME.fullmatch(record.owner.strip()):
        add(Problem("owner", f"{record.owner.strip()!r} looks like a private person's name: Arshin publishes the "
                             "owner, so write «Физическое лицо» (personal data, 152-ФЗ)", "warning"))
    year = record.manufacture_year.strip()
    if year and not re.fullmatch(r"(19|20)[0-9]{2}", year):
        add(Problem("manufacture_year", f"{year!r} is not a year (four digits, e.g. 2019)"))


def _parse_date(value: str, name: str, add) -> dt.date | None:  # noqa: ANN001
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        add(Problem(name, f"{value!r} is not a date: write YYYY-MM-DD, e.g. 2026-11-20"))
        return None


def _check_dates(record: VerificationRecord, add, today: dt.date) -> None:  # noqa: ANN001
    if not record.vrf_date.strip():
        add(Problem("vrf_date", "required"))
        return
    verified = _parse_date(record.vrf_date, "vrf_date", add)
    if verified is None:
        return
    if verified > today:
        add(Problem("vrf_date", f"{verified} is in the future"))
    year = record.manufacture_year.strip()
    if (whole_number(year) or 0) > verified.year:
        add(Problem("manufacture_year", f"{year} is after the verification date {verified}"))
    if record.valid_date.strip():
        valid = _parse_date(record.valid_date, "valid_date", add)
        if valid is not None and valid <= verified:
            add(Problem("valid_date", f"valid until {valid} is not after the verification date {verified}"))


def _check_result(record: VerificationRecord, add) -> None:  # noqa: ANN001
    if record.verification_type not in (PRIMARY, PERIODIC):
        add(Problem("type", f"{record.verification_type!r}: 1 (primary) or 2 (periodic)"))
    if record.applicable:
        if record.reasons.strip():
            add(Problem("reasons", "a fit instrument has no reasons for unfitness: clear them or set "
                                   "applicable to false"))
        if not record.valid_date.strip():
            add(Problem("valid_date", "no valid-until date: right only when the type provides for primary "
                                      "verification alone", "warning"))
        return
    if not record.reasons.strip():
        add(Problem("reasons", "an unfit instrument needs the reasons for unfitness"))
    if record.valid_date.strip():
        add(Problem("valid_date", "an unfit instrument has no valid-until date"))
    if record.sticker_num.strip() or record.sign_pass or record.sign_mi:
        add(Problem("applicable", "an unfit instrument gets no verification mark: clear sticker_num, sign_pass "
                                  "and sign_mi"))


def _check_cipher(cipher: str, add) -> None:  # noqa: ANN001
    if not cipher.strip():
        add(Problem("sign_cipher", "required: the laboratory's verification-mark cipher"))
        return
    if CIPHER.fullmatch(cipher):
        return
    latin = sorted({c for c in cipher if c.isascii() and c.isalpha()})
    if latin:
        hint = " (they look alike but are Latin: retype them in Cyrillic)" if set(latin) <= LATIN_LOOKALIKES else ""
        add(Problem("sign_cipher", f"{cipher!r} contains the Latin letter(s) {', '.join(latin)}{hint}; the cipher "
                                   "is one to three Cyrillic capitals А–Я"))
    else:
        add(Problem("sign_cipher", f"{cipher!r} is not one to three Cyrillic capitals А–Я"))


def _check_means(record: VerificationRecord, add) -> None:  # noqa: ANN001
    means = record.means
    if means.empty:
        add(Problem("etalons", "required: the standards used (register numbers), or other means"))
    for number in (*means.etalons, *means.primary_standards, *means.unit_standards, *means.reagents):
        if not 0 < len(number) <= 32:
            add(Problem("etalons", f"register number {number!r} must have 1 to 32 characters"))
    if means.method and means.method not in OTHER_METHODS:
        add(Problem("means", f"method {means.method!r}: one of {', '.join(OTHER_METHODS)}"))
    for material in means.reference_materials:
        if not material.type_num.strip() or not re.fullmatch(r"(19|20)[0-9]{2}", material.manufacture_year):
            add(Problem("means", f"reference material {material.type_num!r} needs its type number and year"))
    for instrument in means.instruments:
        if not 0 < len(instrument.type_num) <= 32:
            add(Problem("means", f"instrument type number {instrument.type_num!r} must have 1 to 32 characters"))


def check_batch(records: list[VerificationRecord]) -> dict[int, list[Problem]]:
    """Problems between records of one batch: the same verification twice (by index in the batch)."""
    seen: dict[tuple[str, str, str], int] = {}
    out: dict[int, list[Problem]] = {}
    for index, record in enumerate(records):
        key = record.identity
        if key in seen:
            out.setdefault(index, []).append(Problem(
                "manufacture_num", f"the same instrument verified on the same day is already in this batch "
                                   f"(record {seen[key] + 1})"))
        else:
            seen[key] = index
    return out
