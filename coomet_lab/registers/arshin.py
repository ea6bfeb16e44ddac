"""FGIS Arshin: verification records → import files, and Arshin's reply protocol → numbers.

The import format (ARSHIN.md §2) is one ``application`` with up to 5,000 ``result`` records and at most 5 MB per
file. The namespace carries a date and the schema has changed before without one, so everything format-specific
hangs off an :class:`ArshinProfile`; a new order (2027) becomes a new profile, not a rewrite.

Files are made by lxml (never by string concatenation: owners are called «Ромашка & сыновья»). Each record is
serialized once; files are assembled from those fragments so that the 5 MB limit is measured on the exact bytes,
and every assembled file is parsed back and validated (the app's own rules always, the XSD when one is installed)
before anybody writes it. One bad record stops the whole export: nothing is written in part.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from coomet_lab.jurisdictions.ru.checks import Problem, check_batch, check_record, errors
from coomet_lab.jurisdictions.ru.record import (
    PRIMARY,
    Conditions,
    Means,
    OtherInstrument,
    Protocol,
    ReferenceMaterial,
    VerificationRecord,
)
from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.kernel.xmlsafe import parse_bytes
from coomet_lab.quantities.numbers import whole_number
from coomet_lab.registers.base import RegisterExportError

SCHEMAS_ENV = "COOMET_LAB_ARSHIN_SCHEMAS"


@dataclass(frozen=True)
class ArshinProfile:
    """One version of the Arshin import format and its limits."""

    name: str  # the namespace's date, e.g. 2020-06-19
    namespace: str
    reply_namespace: str
    max_records: int = 5000
    max_bytes: int = 5_000_000  # «не более 5 МБ»: the decimal reading is the stricter one
    prefix: str = "gost"
    _tags: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def tag(self, local: str) -> str:
        # Cached: a 50,000-record export asks for a tag about two million times.
        found = self._tags.get(local)
        if found is None:
            found = self._tags[local] = f"{{{self.namespace}}}{local}"
        return found


PROFILES = {
    "2020-06-19": ArshinProfile(
        name="2020-06-19",
        namespace="urn://fgis-arshin.gost.ru/module-verifications/import/2020-06-19",
        reply_namespace="urn://fgis-arshin.gost.ru/module-verifications/protocol/2020-06-19",
    ),
}
DEFAULT_PROFILE = "2020-06-19"


class ArshinExportError(RegisterExportError):
    """Records that cannot go to Arshin; ``problems`` lists (record key, Problem) for every one of them."""

    code = "arshin.export"


class ArshinReplyError(UnusableInputError):
    """The file is not an Arshin reply protocol this version can read."""

    code = "arshin.reply"


def get_profile(name: str | ArshinProfile) -> ArshinProfile:
    if isinstance(name, ArshinProfile):
        return name
    try:
        return PROFILES[name]
    except KeyError:
        raise ArshinExportError(f"unknown Arshin format {name!r}; known: {', '.join(sorted(PROFILES))}") from None


# ------------------------------------------------------------------------------------------------ the schema

def arshin_schema_path(profile: ArshinProfile) -> Path | None:
    """The import XSD for a profile: from ``COOMET_LAB_ARSHIN_SCHEMAS`` or the app's schema store, if installed."""
    from coomet_lab.kernel.paths import app_home

    folders = [Path(os.environ[SCHEMAS_ENV])] if os.environ.get(SCHEMAS_ENV) else []
    folders.append(app_home() / "schemas" / "arshin" / profile.name)
    for folder in folders:
        for candidate in (folder / profile.name, folder):
            if candidate.is_dir():
                found = sorted(candidate.glob(f"*{profile.name}*.xsd")) or sorted(candidate.glob("*.xsd"))
                if found:
                    return found[0]
    return None


_schemas: dict[Path, etree.XMLSchema] = {}


def arshin_schema(profile: ArshinProfile) -> etree.XMLSchema | None:
    """The compiled import XSD, or None when none is installed (the app's own rules still apply)."""
    path = arshin_schema_path(profile)
    if path is None:
        return None
    key = path.resolve()
    if key not in _schemas:
        # A local file with no imports: parsed like any input, nothing is fetched.
        _schemas[key] = etree.XMLSchema(parse_bytes(key.read_bytes(), source=str(key)))
    return _schemas[key]


def install_schema(source: str | Path, profile: ArshinProfile) -> Path:
    """Copy an Arshin import XSD (e.g. the official one from the lab's Arshin account) into the schema store."""
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.paths import app_home

    data = Path(source).read_bytes()
    try:
        etree.XMLSchema(parse_bytes(data, source=str(source)))
    except etree.XMLSchemaParseError as exc:
        raise UnusableInputError(f"{source}: not a usable XML schema ({exc})") from None
    target = app_home() / "schemas" / "arshin" / profile.name / f"arshin-import-{profile.name}.xsd"
    target.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(target, data)
    _schemas.pop(target.resolve(), None)
    return target


# ------------------------------------------------------------------------------------------------ writing

@dataclass
class ArshinFile:
    """One import file: its exact bytes and the keys of its records in order (position n = Arshin's corrId n)."""

    data: bytes
    keys: list
    sha256: str = ""
    record_count: int = 0

    def __post_init__(self) -> None:
        self.sha256 = self.sha256 or hashlib.sha256(self.data).hexdigest()
        self.record_count = self.record_count or len(self.keys)


def check_for_export(items: Sequence[tuple[object, VerificationRecord]]) -> list[tuple[object, Problem]]:
    """Every error that stops these records from going to Arshin: each record's own, then duplicates."""
    found: list[tuple[object, Problem]] = []
    for key, record in items:
        found.extend((key, p) for p in errors(check_record(record)))
    for index, problems in check_batch([r for _, r in items]).items():
        found.extend((items[index][0], p) for p in problems)
    return found


def render_files(items: Iterable[tuple[object, VerificationRecord]], *, profile: str | ArshinProfile = DEFAULT_PROFILE,
                 schema: etree.XMLSchema | None = None) -> list[ArshinFile]:
    """Import files for records given as (key, record), split at the profile's record and size limits.

    All or nothing: any record with an error, or any file the schema rejects, raises :class:`ArshinExportError`
    naming the records, and no file is returned.
    """
    chosen = get_profile(profile)
    items = list(items)
    if not items:
        return []
    problems = check_for_export(items)
    if problems:
        raise ArshinExportError(f"{len({k for k, _ in problems})} record(s) cannot go to Arshin", problems)
    scratch = etree.Element(chosen.tag("application"), nsmap={chosen.prefix: chosen.namespace})
    fragments = ((key, _fragment(record, chosen, scratch)) for key, record in items)
    # Reading a file back and validating it runs in libxml2 without the GIL, so each finished file is checked on
    # a second thread while the next one is being built; the first failing file (in file order) is reported.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="arshin-validate") as validator:
        checked = []
        for group in _split(fragments, chosen):
            file = _assemble(group, chosen)
            checked.append((file, validator.submit(_validate, file, chosen, schema)))
        for _, validation in checked:
            validation.result()
    return [file for file, _ in checked]


def _fragment(record: VerificationRecord, profile: ArshinProfile, scratch: etree._Element) -> bytes:
    """One ``result`` element, serialized as it stands inside the application (namespace declared on the root)."""
    result = _result(record, profile, scratch)
    data = etree.tostring(result, encoding="utf-8", pretty_print=True)
    scratch.remove(result)
    declaration = f' xmlns:{profile.prefix}="{profile.namespace}"'.encode()
    # Never re-indent: a text value may hold line breaks, and its characters are the record's.
    return data.replace(declaration, b"", 1)


def _header(profile: ArshinProfile) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<{profile.prefix}:application xmlns:{profile.prefix}="{profile.namespace}">\n').encode()


def _footer(profile: ArshinProfile) -> bytes:
    return f"</{profile.prefix}:application>\n".encode()


def _split(fragments: Iterable[tuple[object, bytes]], profile: ArshinProfile) -> Iterator[list[tuple[object, bytes]]]:
    """Groups of fragments, each within the profile's limits, yielded as soon as each is complete."""
    overhead = len(_header(profile)) + len(_footer(profile))
    current: list[tuple[object, bytes]] = []
    size = overhead
    for key, data in fragments:
        if overhead + len(data) > profile.max_bytes:
            raise ArshinExportError(
                f"record {key} alone is {len(data) / 1e6:.1f} MB, more than Arshin's {profile.max_bytes / 1e6:.0f} MB "
                "per file (its attached protocol is too large): attach a smaller protocol",
                [(key, Problem("protocol", "the record with its protocol exceeds the per-file size limit"))])
        if current and (len(current) >= profile.max_records or size + len(data) > profile.max_bytes):
            yield current
            current, size = [], overhead
        current.append((key, data))
        size += len(data)
    if current:
        yield current


def _assemble(group: list[tuple[object, bytes]], profile: ArshinProfile) -> ArshinFile:
    data = b"".join([_header(profile), *(fragment for _, fragment in group), _footer(profile)])
    return ArshinFile(data=data, keys=[key for key, _ in group])


def _validate(file: ArshinFile, profile: ArshinProfile, schema: etree.XMLSchema | None) -> None:
    """Parse the assembled bytes back (well-formed, right namespace, right count) and apply the XSD if any."""
    root = parse_bytes(file.data, large=True, source="Arshin file").getroot()
    results = root.findall(profile.tag("result"))
    if root.tag != profile.tag("application") or len(results) != len(file.keys):
        raise ArshinExportError("internal error: an assembled Arshin file does not read back as written")
    if schema is not None and not schema.validate(root):
        problems = []
        for entry in schema.error_log:
            position = _result_position(root, entry.line)
            key = file.keys[position] if position is not None else file.keys[0]
            problems.append((key, Problem("arshin", f"line {entry.line}: {entry.message}")))
        raise ArshinExportError(f"the Arshin schema rejects {len({k for k, _ in problems})} record(s)", problems)


def _result_position(root: etree._Element, line: int) -> int | None:
    position = None
    for index, result in enumerate(root):
        if isinstance(result.tag, str) and result.sourceline is not None and result.sourceline <= line:
            position = index
    return position


def _result(record: VerificationRecord, p: ArshinProfile, parent: etree._Element) -> etree._Element:
    result = etree.SubElement(parent, p.tag("result"))
    _mi_info(record, p, etree.SubElement(result, p.tag("miInfo")))
    _text(result, p, "signCipher", record.sign_cipher)
    _text(result, p, "miOwner", record.owner)
    _text(result, p, "vrfDate", record.vrf_date)
    if record.valid_date.strip():
        _text(result, p, "validDate", record.valid_date)
    _text(result, p, "type", str(record.verification_type))
    _text(result, p, "calibration", _bool(record.calibration))
    if record.applicable:
        applicable = etree.SubElement(result, p.tag("applicable"))
        _optional(applicable, p, "stickerNum", record.sticker_num)
        _text(applicable, p, "signPass", _bool(record.sign_pass))
        _text(applicable, p, "signMi", _bool(record.sign_mi))
    else:
        _text(etree.SubElement(result, p.tag("inapplicable")), p, "reasons", record.reasons)
    _text(result, p, "docTitle", record.doc_title)
    _optional(result, p, "metrologist", record.metrologist)
    _means(record.means, p, etree.SubElement(result, p.tag("means")))
    _conditions(record.conditions, p, etree.SubElement(result, p.tag("conditions")))
    _optional(result, p, "structure", record.structure)
    if record.brief_characteristics.strip():
        _text(etree.SubElement(result, p.tag("brief_procedure")), p, "characteristics", record.brief_characteristics)
    _optional(result, p, "additional_info", record.additional_info)
    if record.protocol is not None:
        protocol = etree.SubElement(result, p.tag("protocol"))
        # Both bindings of the official schema qualify these attributes (PROVENANCE.md, uncertainty 6).
        protocol.set(p.tag("mimetype"), record.protocol.mimetype)
        protocol.set(p.tag("filename"), record.protocol.filename)
        _text(protocol, p, "content", base64.b64encode(record.protocol.content).decode("ascii"))
    return result


def _mi_info(record: VerificationRecord, p: ArshinProfile, mi_info: etree._Element) -> None:
    if record.etalon_reg_number.strip():
        _text(etree.SubElement(mi_info, p.tag("etaMI")), p, "regNumber", record.etalon_reg_number)
        return
    single = etree.SubElement(mi_info, p.tag("singleMI"))
    if record.mitype_number.strip():
        _text(single, p, "mitypeNumber", record.mitype_number)
    else:
        _text(single, p, "crtmitypeTitle", record.type_title)
    if record.manufacture_num.strip():
        _text(single, p, "manufactureNum", record.manufacture_num)
    else:
        _text(single, p, "inventoryNum", record.inventory_num)
    _optional(single, p, "manufactureYear", record.manufacture_year)
    _text(single, p, "modification", record.modification)


def _means(means: Means, p: ArshinProfile, element: etree._Element) -> None:
    for local, numbers in (("npe", means.primary_standards), ("uve", means.unit_standards)):
        _numbers(element, p, local, numbers)
    if means.reference_materials:
        ses = etree.SubElement(element, p.tag("ses"))
        for material in means.reference_materials:
            se = etree.SubElement(ses, p.tag("se"))
            _text(se, p, "typeNum", material.type_num)
            _text(se, p, "manufactureYear", material.manufacture_year)
            _optional(se, p, "manufactureNum", material.manufacture_num)
            _optional(se, p, "metroChars", material.metro_chars)
    _numbers(element, p, "mieta", means.etalons)
    if means.instruments:
        mis = etree.SubElement(element, p.tag("mis"))
        for instrument in means.instruments:
            mi = etree.SubElement(mis, p.tag("mi"))
            _text(mi, p, "typeNum", instrument.type_num)
            if instrument.manufacture_num.strip():
                _text(mi, p, "manufactureNum", instrument.manufacture_num)
            else:
                _optional(mi, p, "inventoryNum", instrument.inventory_num)
    _numbers(element, p, "reagent", means.reagents)
    _optional(element, p, "oMethod", means.method)


def _numbers(parent: etree._Element, p: ArshinProfile, local: str, numbers: list[str]) -> None:
    if numbers:
        group = etree.SubElement(parent, p.tag(local))
        for number in numbers:
            _text(group, p, "number", number)


def _conditions(conditions: Conditions, p: ArshinProfile, element: etree._Element) -> None:
    _text(element, p, "temperature", conditions.temperature)
    _text(element, p, "pressure", conditions.pressure)
    _text(element, p, "hymidity", conditions.humidity)  # the official, misspelt name
    _optional(element, p, "other", conditions.other)


def _text(parent: etree._Element, p: ArshinProfile, local: str, value: str) -> None:
    etree.SubElement(parent, p.tag(local)).text = value.strip()


def _optional(parent: etree._Element, p: ArshinProfile, local: str, value: str) -> None:
    if value.strip():
        _text(parent, p, local, value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


# ------------------------------------------------------------------------------------------------ reading files

def read_application(data: bytes, *, source: str = "Arshin file") -> tuple[ArshinProfile, list[VerificationRecord]]:
    """The records of an Arshin import file (ours or another program's), for checking or re-import."""
    root = parse_bytes(data, large=True, source=source).getroot()
    profile = next((pr for pr in PROFILES.values() if root.tag == pr.tag("application")), None)
    if profile is None:
        raise UnusableInputError(f"{source}: not an Arshin import file of a known version (root {root.tag})")
    return profile, [_read_result(result, profile) for result in root.iter(profile.tag("result"))]


def _read_result(result: etree._Element, p: ArshinProfile) -> VerificationRecord:
    def text(element: etree._Element | None, local: str) -> str:
        found = element.find(p.tag(local)) if element is not None else None
        return (found.text or "") if found is not None else ""

    single = result.find(f"{p.tag('miInfo')}/{p.tag('singleMI')}")
    eta = result.find(f"{p.tag('miInfo')}/{p.tag('etaMI')}")
    applicable = result.find(p.tag("applicable"))
    inapplicable = result.find(p.tag("inapplicable"))
    means_element = result.find(p.tag("means"))
    conditions = result.find(p.tag("conditions"))
    brief = result.find(p.tag("brief_procedure"))
    return VerificationRecord(
        mitype_number=text(single, "mitypeNumber"),
        type_title=text(single, "crtmitypeTitle") or text(single, "milmitypeTitle"),
        modification=text(single, "modification"), manufacture_num=text(single, "manufactureNum"),
        inventory_num=text(single, "inventoryNum"), manufacture_year=text(single, "manufactureYear"),
        etalon_reg_number=text(eta, "regNumber"), owner=text(result, "miOwner"),
        verification_type=whole_number(text(result, "type").strip() or str(PRIMARY)) or 0,
        vrf_date=_plain_date(text(result, "vrfDate")),
        valid_date=_plain_date(text(result, "validDate")), calibration=text(result, "calibration") in ("true", "1"),
        applicable=applicable is not None, sticker_num=text(applicable, "stickerNum"),
        sign_pass=text(applicable, "signPass") in ("true", "1"), sign_mi=text(applicable, "signMi") in ("true", "1"),
        reasons=text(inapplicable, "reasons"), doc_title=text(result, "docTitle"),
        metrologist=text(result, "metrologist"), sign_cipher=text(result, "signCipher"),
        means=_read_means(means_element, p) if means_element is not None else Means(),
        conditions=Conditions(text(conditions, "temperature"), text(conditions, "pressure"),
                              text(conditions, "hymidity"), text(conditions, "other")),
        structure=text(result, "structure"), brief_characteristics=text(brief, "characteristics"),
        additional_info=text(result, "additional_info"), protocol=_read_protocol(result.find(p.tag("protocol")), p))


def _plain_date(value: str) -> str:
    """``2025-02-11+03:00`` → ``2025-02-11``: some generators add the zone; the day is what Arshin keeps."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?", value.strip())
    return match[1] if match else value


def _read_means(element: etree._Element, p: ArshinProfile) -> Means:
    def numbers(local: str) -> list[str]:
        return [n.text or "" for group in element.findall(p.tag(local)) for n in group.findall(p.tag("number"))]

    def sub(item: etree._Element, local: str) -> str:
        found = item.find(p.tag(local))
        return (found.text or "") if found is not None else ""

    materials = [ReferenceMaterial(sub(se, "typeNum"), sub(se, "manufactureYear"), sub(se, "manufactureNum"),
                                   sub(se, "metroChars")) for se in element.iter(p.tag("se"))]
    instruments = [OtherInstrument(sub(mi, "typeNum"), sub(mi, "manufactureNum"), sub(mi, "inventoryNum"))
                   for mi in element.iter(p.tag("mi"))]
    method = element.find(p.tag("oMethod"))
    return Means(etalons=numbers("mieta"), primary_standards=numbers("npe"), unit_standards=numbers("uve"),
                 reference_materials=materials, instruments=instruments, reagents=numbers("reagent"),
                 method=(method.text or "") if method is not None else "")


def _read_protocol(element: etree._Element | None, p: ArshinProfile) -> Protocol | None:
    if element is None:
        return None
    content = element.find(p.tag("content"))
    return Protocol(filename=element.get(p.tag("filename")) or element.get("filename") or "",
                    mimetype=element.get(p.tag("mimetype")) or element.get("mimetype") or "",
                    content=base64.b64decode((content.text or "") if content is not None else ""))


# ------------------------------------------------------------------------------------------------ the reply

@dataclass(frozen=True)
class ReplyEntry:
    """Arshin's answer for one record: its position in the uploaded file, and its numbers or why it was refused."""

    corr_id: int
    global_id: str | None = None
    cert_num: str | None = None
    error: str | None = None


@dataclass
class ArshinReply:
    entries: list[ReplyEntry] = field(default_factory=list)
    started: str = ""
    finished: str = ""


def read_reply(data: bytes, *, source: str = "Arshin reply") -> ArshinReply:
    """Arshin's processing protocol, in either shape public readers model (ARSHIN.md §3).

    ``appProcessed/record[@corrId]`` or repeated ``appProcessed[@corrId]``, each with ``success`` (globalID,
    certNum) or — unseen so far, so read leniently — an error element whose text says why. A record position
    missing ``corrId`` counts from 1 in document order, as Arshin numbers records of the uploaded file.
    """
    root = parse_bytes(data, source=source).getroot()
    if etree.QName(root).localname != "protocol" or not any(
            root.tag == f"{{{pr.reply_namespace}}}protocol" or etree.QName(root).namespace is None
            for pr in PROFILES.values()):
        raise ArshinReplyError(f"{source}: not an Arshin reply protocol (root {root.tag}); choose the file Arshin "
                               "returned after the upload")
    reply = ArshinReply(started=_child_text(root, "startProcessing"), finished=_child_text(root, "finishProcessing"))
    for position, record in enumerate(_reply_records(root), start=1):
        reply.entries.append(_reply_entry(record, position, source))
    if not reply.entries:
        raise ArshinReplyError(f"{source}: the reply answers no record")
    corr_ids = [e.corr_id for e in reply.entries]
    if len(set(corr_ids)) != len(corr_ids):
        raise ArshinReplyError(f"{source}: the reply answers the same record position twice")
    return reply


def _reply_records(root: etree._Element) -> list[etree._Element]:
    records = []
    for processed in root:
        if not isinstance(processed.tag, str) or etree.QName(processed).localname != "appProcessed":
            continue
        inner = [c for c in processed if isinstance(c.tag, str) and etree.QName(c).localname == "record"]
        records.extend(inner or [processed])
    return records


def _reply_entry(record: etree._Element, position: int, source: str) -> ReplyEntry:
    corr = (record.get("corrId") or "").strip()
    corr_id = whole_number(corr) if corr else position
    if corr_id is None:
        shown = corr if len(corr) <= 40 else f"{corr[:40]}… ({len(corr)} characters)"
        raise ArshinReplyError(f"{source}: record {position} (line {record.sourceline}) has corrId {shown!r}, not a "
                               "position number (ASCII digits 0-9, at most 18)")
    children = {etree.QName(c).localname: c for c in record if isinstance(c.tag, str)}
    success = children.get("success")
    if success is not None:
        global_id = _child_text(success, "globalID")
        if whole_number(global_id) is None:
            raise ArshinReplyError(f"{source}: record {corr_id} (line {record.sourceline}) is accepted without a "
                                   "numeric globalID (ASCII digits 0-9, at most 18)")
        return ReplyEntry(corr_id, global_id=global_id, cert_num=_child_text(success, "certNum") or None)
    failure = next((c for name, c in children.items() if name != "success"), None)
    if failure is None:
        raise ArshinReplyError(f"{source}: record {corr_id} is neither accepted nor refused")
    message = " ".join(" ".join(failure.itertext()).split()) or etree.QName(failure).localname
    return ReplyEntry(corr_id, error=message)


def _child_text(element: etree._Element, local: str) -> str:
    for child in element:
        if isinstance(child.tag, str) and etree.QName(child).localname == local:
            return (child.text or "").strip()
    return ""


CERT_NUM = re.compile(r"(?P<kind>[СИ])-(?P<cipher>[А-Я]{1,3})/(?P<date>\d{2}-\d{2}-\d{4})/(?P<tail>\d+)")


def check_cert_num(entry: ReplyEntry, record: VerificationRecord) -> list[str]:
    """Warnings when Arshin's number does not read as expected for this record (ARSHIN.md §3): never fatal,
    because Arshin's number is the legal one, but a mismatch usually means the reply belongs to another file."""
    if not entry.cert_num:
        return ["Arshin gave no certificate number"]
    match = CERT_NUM.fullmatch(entry.cert_num)
    if match is None:
        return [f"the number {entry.cert_num!r} is not of the form С-CIPHER/dd-mm-yyyy/ID"]
    warnings = []
    expected_kind = "С" if record.applicable else "И"
    if match["kind"] != expected_kind:
        warnings.append(f"{entry.cert_num}: a {'certificate' if record.applicable else 'notice'} number should "
                        f"start with {expected_kind}-")
    if match["cipher"] != record.sign_cipher:
        warnings.append(f"{entry.cert_num}: cipher {match['cipher']} is not the record's {record.sign_cipher}")
    try:
        day = dt.datetime.strptime(match["date"], "%d-%m-%Y").date().isoformat()
    except ValueError:
        day = ""
    if day != record.vrf_date[:10]:
        warnings.append(f"{entry.cert_num}: date {match['date']} is not the verification date {record.vrf_date}")
    if entry.global_id and match["tail"] != entry.global_id:
        warnings.append(f"{entry.cert_num}: ends in {match['tail']}, not the Arshin record {entry.global_id}")
    return warnings


# ------------------------------------------------------------------------------------------------ the register

class ArshinRegister:
    """FGIS Arshin as a :class:`~coomet_lab.registers.base.Register`: import files out, reply protocols in."""

    name = "arshin"
    default_profile = DEFAULT_PROFILE

    def profiles(self) -> Sequence[str]:
        return tuple(PROFILES)

    def render(self, items: Iterable[tuple[object, VerificationRecord]], *, profile: str,
               schema_check: bool = True) -> list[ArshinFile]:
        chosen = get_profile(profile)
        return render_files(items, profile=chosen, schema=arshin_schema(chosen) if schema_check else None)

    def read_reply(self, data: bytes, *, source: str = "Arshin reply") -> ArshinReply:
        return read_reply(data, source=source)

    def check_reply_line(self, line: ReplyEntry, record: VerificationRecord) -> list[str]:
        return check_cert_num(line, record)


ARSHIN = ArshinRegister()
