"""A verification (поверка) as the laboratory records it: one neutral event, whatever it is later rendered into.

The Arshin import XML, the verification certificate or notice of unfitness (PDF twin), the DCC that states
conformity and the generic export package are all renderings of this record (ARSHIN.md §7.1). Text fields keep
exactly what was typed; dates are ISO strings (``2026-11-20``); nothing here knows about XML or files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from functools import cache
from typing import Any

PRIMARY, PERIODIC = 1, 2

# oMethod: a verification without standards (Arshin's codes).
OTHER_METHODS = {
    "1": "imitation method",
    "2": "self-verification",
    "3": "calculation method",
    "4": "primary reference measurement procedure",
}


@dataclass
class ReferenceMaterial:
    """A reference material (стандартный образец) used: its type number, year and batch number."""

    type_num: str
    manufacture_year: str
    manufacture_num: str = ""
    metro_chars: str = ""


@dataclass
class OtherInstrument:
    """A measuring instrument used that is not registered as a standard: its type number and serial/inventory."""

    type_num: str
    manufacture_num: str = ""
    inventory_num: str = ""


@dataclass
class Means:
    """What the verification was done with (Arshin ``means``)."""

    etalons: list[str] = field(default_factory=list)  # MI used as standards: FIF register numbers (mieta)
    primary_standards: list[str] = field(default_factory=list)  # state primary standards (npe)
    unit_standards: list[str] = field(default_factory=list)  # standards of units (uve)
    reference_materials: list[ReferenceMaterial] = field(default_factory=list)  # ses/se
    instruments: list[OtherInstrument] = field(default_factory=list)  # mis/mi
    reagents: list[str] = field(default_factory=list)
    method: str = ""  # oMethod 1..4 when no standard was used

    @property
    def empty(self) -> bool:
        return not (self.etalons or self.primary_standards or self.unit_standards or self.reference_materials
                    or self.instruments or self.reagents or self.method)


@dataclass
class Conditions:
    """Influence conditions as written on the protocol ("21,5 °C"), "-" where not applicable."""

    temperature: str = ""
    pressure: str = ""
    humidity: str = ""
    other: str = ""


@dataclass
class Protocol:
    """The verification protocol attached to the record (sent to Arshin base64-encoded)."""

    filename: str
    mimetype: str
    content: bytes


@dataclass
class VerificationRecord:
    # The instrument: by type registration number (or, without one, the type's name), serial or inventory number.
    mitype_number: str = ""  # FIF type registration number, e.g. 16078-13
    type_title: str = ""  # type name: printed on the certificate; sent to Arshin only without a number
    modification: str = ""  # "-" when the type has none
    manufacture_num: str = ""  # serial number
    inventory_num: str = ""  # used when there is no serial number
    manufacture_year: str = ""
    etalon_reg_number: str = ""  # repeat verification of an instrument registered as a working standard (etaMI)
    owner: str = ""
    # The verification.
    verification_type: int = PERIODIC
    vrf_date: str = ""
    valid_date: str = ""  # "valid until"; empty when unfit or when only primary verification is provided for
    calibration: bool = False  # the verification used calibration results
    applicable: bool = True  # fit for use
    sticker_num: str = ""
    sign_pass: bool = False  # verification mark placed in the passport
    sign_mi: bool = False  # verification mark placed on the instrument
    reasons: str = ""  # reasons for unfitness
    doc_title: str = ""  # the verification procedure followed
    metrologist: str = ""  # the verifier
    sign_cipher: str = ""  # the laboratory's verification-mark cipher, Cyrillic capitals
    means: Means = field(default_factory=Means)
    conditions: Conditions = field(default_factory=Conditions)
    structure: str = ""  # composition of the instrument submitted
    brief_characteristics: str = ""  # reduced-scope verification: what was verified
    additional_info: str = ""
    protocol: Protocol | None = None

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes two records the same verification: type, instrument, date (no duplicates in a batch)."""
        instrument = self.manufacture_num or self.inventory_num or self.etalon_reg_number
        return (self.mitype_number or self.type_title, instrument, self.vrf_date)

    @property
    def label(self) -> str:
        """A short human reference: type number and serial number."""
        kind = self.mitype_number or self.type_title or self.etalon_reg_number
        serial = self.manufacture_num or self.inventory_num
        return f"{kind} № {serial}" if serial else kind

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        if self.protocol is not None:
            import base64

            data["protocol"]["content"] = base64.b64encode(self.protocol.content).decode("ascii")
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VerificationRecord:
        # mypy checks a class object against Hashable through its instances' __hash__ (None for an eq dataclass);
        # the class itself is hashable, which is all functools.cache needs.
        values = {name: data[name] for name in _field_names(cls) if name in data}  # type: ignore[arg-type]
        means = dict(values.get("means") or {})
        means["reference_materials"] = [ReferenceMaterial(**m) for m in means.get("reference_materials", [])]
        means["instruments"] = [OtherInstrument(**m) for m in means.get("instruments", [])]
        values["means"] = Means(**means)
        values["conditions"] = Conditions(**(values.get("conditions") or {}))
        if values.get("protocol"):
            import base64

            protocol = dict(values["protocol"])
            protocol["content"] = base64.b64decode(protocol["content"])
            values["protocol"] = Protocol(**protocol)
        return cls(**values)


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call: reading 50,000 stored records asks 50,000 times.
    return tuple(f.name for f in fields(cls))
