"""Building blocks used all over a DCC: multilingual text, rich content, files, contacts, locations, hashes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from coomet_lab.dcc.model.binding import Node, Ref, Tagged, any_elements, attr, dcc, elem, elems, leaf, mixed, text


@dataclass(kw_only=True)
class LangString(Ref):
    """``dcc:content``: one piece of text, in one language (``lang`` None means language-neutral)."""

    lang: str | None = attr("lang")
    value: str = text()


@dataclass(kw_only=True)
class Text(Ref):
    """``dcc:textType``: the same text in several languages."""

    contents: list[LangString] = elems(dcc("content"), LangString)

    @classmethod
    def of(cls, texts: Mapping[str, str] | Mapping[str | None, str] | str) -> Text:
        """``Text.of({"en": "Thermometer", "ru": "Термометр"})`` or ``Text.of("ACME GmbH")`` (language-neutral)."""
        if isinstance(texts, str):
            return cls(contents=[LangString(value=texts)])
        return cls(contents=[LangString(lang=lang, value=value) for lang, value in texts.items()])

    def get(self, lang: str | None = None, fallback: Iterable[str] = ()) -> str | None:
        """The text in ``lang``; else in the first available fallback language; else the language-neutral text."""
        by_lang = {c.lang: c.value for c in self.contents}
        for candidate in (lang, *fallback):
            if candidate in by_lang:
                return by_lang[candidate]
        if None in by_lang:
            return by_lang[None]
        return self.contents[0].value if self.contents else None

    def languages(self) -> list[str]:
        return [c.lang for c in self.contents if c.lang]

    def set(self, lang: str | None, value: str) -> None:
        """Replace the text in one language (or add it)."""
        for content in self.contents:
            if content.lang == lang:
                content.value = value
                return
        self.contents.append(LangString(lang=lang, value=value))


@dataclass(kw_only=True)
class ByteData(Ref):
    """``dcc:byteDataType``: an embedded file (``dcc:document``, ``dcc:file``, ``dcc:byteData``)."""

    name: Text | None = elem(dcc("name"), Text)
    description: RichContent | None = elem(dcc("description"), "RichContent")
    file_name: str | None = leaf(dcc("fileName"))
    mime_type: str | None = leaf(dcc("mimeType"))
    data_base64: str | None = leaf(dcc("dataBase64"))


@dataclass(kw_only=True)
class XmlBlob(Ref):
    """``dcc:xmlType``: foreign XML, kept verbatim."""

    content: list = any_elements(key="any")


@dataclass(kw_only=True)
class Formula(Ref):
    """``dcc:formulaType``: LaTeX or MathML."""

    latex: str | None = leaf(dcc("latex"))
    mathml: XmlBlob | None = elem(dcc("mathml"), XmlBlob)


@dataclass(kw_only=True)
class RichContent(Ref):
    """``dcc:richContentType``: a name and a mix of texts, files and formulas."""

    name: Text | None = elem(dcc("name"), Text)
    items: list[LangString | ByteData | Formula] = mixed(
        {dcc("content"): LangString, dcc("file"): ByteData, dcc("formula"): Formula}, key="items"
    )

    @classmethod
    def of(cls, texts: Mapping[str, str] | Mapping[str | None, str] | str) -> RichContent:
        return cls(items=list(Text.of(texts).contents))

    def text(self, lang: str | None = None, fallback: Iterable[str] = ()) -> str | None:
        """The plain text of the content parts, in one language (like :meth:`Text.get`)."""
        return Text(contents=[i for i in self.items if isinstance(i, LangString)]).get(lang, fallback)


@dataclass(kw_only=True)
class PositionCoordinates(Ref):
    position_coordinate_system: str | None = leaf(dcc("positionCoordinateSystem"))
    reference: str | None = leaf(dcc("reference"))
    declaration: RichContent | None = elem(dcc("declaration"), RichContent)
    position_coordinate1: Node | None = elem(dcc("positionCoordinate1"), "SiReal")
    position_coordinate2: Node | None = elem(dcc("positionCoordinate2"), "SiReal")
    position_coordinate3: Node | None = elem(dcc("positionCoordinate3"), "SiReal")
    link: str | None = leaf(dcc("link"))


LOCATION_PARTS = ("city", "countryCode", "postCode", "postOfficeBox", "state", "street", "streetNo")


@dataclass(kw_only=True)
class Location(Node):
    """``dcc:locationType``: address parts in any order."""

    parts: list[Tagged | RichContent | PositionCoordinates] = mixed(
        {
            **{dcc(name): None for name in LOCATION_PARTS},
            dcc("further"): RichContent,
            dcc("positionCoordinates"): PositionCoordinates,
        },
        key="parts",
    )

    @classmethod
    def of(cls, **parts: str) -> Location:
        """``Location.of(street="Bundesallee", streetNo="100", city="Braunschweig", countryCode="DE")``."""
        unknown = set(parts) - set(LOCATION_PARTS)
        if unknown:
            raise ValueError(f"unknown location parts: {sorted(unknown)}")
        return cls(parts=[Tagged(dcc(name), value) for name, value in parts.items()])

    def get(self, part: str) -> str | None:
        for p in self.parts:
            if isinstance(p, Tagged) and p.tag == dcc(part):
                return p.text
        return None


@dataclass(kw_only=True)
class Contact(Ref):
    """``dcc:contactType`` / ``dcc:contactNotStrictType`` (the latter allows a missing location)."""

    name: Text | None = elem(dcc("name"), Text)
    e_mail: str | None = leaf(dcc("eMail"))
    phone: str | None = leaf(dcc("phone"))
    fax: str | None = leaf(dcc("fax"))
    link: str | None = leaf(dcc("link"))
    location: Location | None = elem(dcc("location"), Location)
    description_data: ByteData | None = elem(dcc("descriptionData"), ByteData)


@dataclass(kw_only=True)
class Identification(Ref):
    """``dcc:identification``: a serial number, inventory number, order number... and who issued it."""

    issuer: str | None = leaf(dcc("issuer"))
    value: str | None = leaf(dcc("value"))
    name: Text | None = elem(dcc("name"), Text)


@dataclass(kw_only=True)
class EquipmentClass(Ref):
    reference: str | None = leaf(dcc("reference"))
    class_id: str | None = leaf(dcc("classID"))
    link: str | None = leaf(dcc("link"))


@dataclass(kw_only=True)
class Hash(Ref):
    """``dcc:hashType``: a reference to another certificate by identifier and hash."""

    referral: Text | None = elem(dcc("referral"), Text)
    referral_id: str | None = leaf(dcc("referralID"))
    procedure: str | None = leaf(dcc("procedure"))
    value: str | None = leaf(dcc("value"))
    description: RichContent | None = elem(dcc("description"), RichContent)
    in_validity_range: str | None = leaf(dcc("inValidityRange"))
    traceable: str | None = leaf(dcc("traceable"))
    linked_report: Hash | None = elem(dcc("linkedReport"), "Hash")


@dataclass(kw_only=True)
class Software(Ref):
    """``dcc:softwareType``."""

    name: Text | None = elem(dcc("name"), Text)
    release: str | None = leaf(dcc("release"))
    type: str | None = leaf(dcc("type"))
    description: RichContent | None = elem(dcc("description"), RichContent)
