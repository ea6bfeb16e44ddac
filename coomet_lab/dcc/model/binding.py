"""Declarative XML binding for the certificate model.

Each model class is a dataclass whose fields say which XML attribute or child element they hold. One generic
reader, writer and JSON converter walk these declarations, so the three can never disagree about a field.

Lossless by design: a child element the model does not understand (or finds out of place) is kept verbatim as
:class:`RawXml` in the node's :class:`Extras`, anchored after the field that preceded it, and written back there.
XML comments and processing instructions are kept the same way, as :class:`RawXml` holding ``<!--...-->`` or
``<?...?>``: anchored "field#2" between the items of a repeated field, "field/2" inside a list wrapper; a simple
value with a comment inside is kept whole ("field=0") and written back while its value is unchanged; those before
and after the root go into the certificate's extras. An element with text of its own that also holds elements or
comments (mixed content, ``δ<sub>u</sub>``) keeps its whole inner XML so every run stays in place.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass, field
from typing import Any, ClassVar

DCC_NS = "https://ptb.de/dcc"
SI_NS = "https://ptb.de/si"
DS_NS = "http://www.w3.org/2000/09/xmldsig#"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"

SPEC = "coomet_lab.spec"


def dcc(local: str) -> str:
    """Clark name of an element in the DCC namespace."""
    return f"{{{DCC_NS}}}{local}"


def si(local: str) -> str:
    """Clark name of an element in the D-SI namespace."""
    return f"{{{SI_NS}}}{local}"


class Kind(enum.Enum):
    ATTR = "attribute"
    TEXT = "text content of the element itself"
    LEAF = "optional simple child element"
    LEAFS = "repeated simple child element"
    ELEM = "optional complex child element"
    ELEMS = "repeated complex child element"
    WRAPPED = "list wrapper element holding repeated complex children"
    MIXED = "repeated choice between several child elements, order kept"
    RAW = "optional child element kept verbatim"
    RAWS = "repeated child element kept verbatim"
    ANY = "any child elements, kept verbatim"


ELEMENT_KINDS = frozenset(
    {Kind.LEAF, Kind.LEAFS, Kind.ELEM, Kind.ELEMS, Kind.WRAPPED, Kind.MIXED, Kind.RAW, Kind.RAWS, Kind.ANY}
)
REPEATED_KINDS = frozenset({Kind.LEAFS, Kind.ELEMS, Kind.MIXED, Kind.RAWS, Kind.ANY})


@dataclass(frozen=True)
class Spec:
    """How one dataclass field maps to XML and to the JSON document format."""

    kind: Kind
    tag: str | None = None
    cls: type | str | None = None
    item_tag: str | None = None
    choices: tuple[tuple[str, type | str | None], ...] = ()
    key: str = ""

    def node_class(self) -> type[Node]:
        return resolve(self.cls)

    def accepts(self, tag: str) -> bool:
        if self.kind is Kind.MIXED:
            return any(choice_tag == tag for choice_tag, _ in self.choices)
        if self.kind is Kind.ANY:
            return True
        return tag == self.tag


@dataclass(frozen=True)
class RawXml:
    """An element kept exactly as read: its serialized XML, with the namespace declarations it needs."""

    xml: str

    def __repr__(self) -> str:
        shown = self.xml if len(self.xml) < 60 else self.xml[:57] + "..."
        return f"RawXml({shown!r})"


@dataclass(frozen=True)
class Tagged:
    """A simple element inside a mixed choice (for example ``dcc:city`` inside a location)."""

    tag: str
    text: str


@dataclass
class Extras:
    """What a node holds beyond its declared fields: foreign attributes, unexpected child elements, comments and
    processing instructions; for a text node with mixed content its whole inner XML (``inner``, used while the text
    is unchanged); for the root the comments and processing instructions before and after it."""

    attrs: dict[str, str] = field(default_factory=dict)
    children: list[tuple[str | None, RawXml]] = field(default_factory=list)
    inner: RawXml | None = None
    prolog: list[RawXml] = field(default_factory=list)
    epilog: list[RawXml] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.attrs or self.children or self.inner or self.prolog or self.epilog)


_REGISTRY: dict[str, type[Node]] = {}


def resolve(cls: type | str | None) -> type[Node]:
    """The model class a spec names (classes may name each other before both exist)."""
    if isinstance(cls, str):
        return _REGISTRY[cls]
    if cls is None:
        raise TypeError("this field holds no model class")
    return cls


@dataclass(kw_only=True)
class Node:
    """Base of every model class bound to an XML element."""

    UNORDERED: ClassVar[bool] = False
    extras: Extras | None = field(default=None, repr=False, compare=True)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _REGISTRY[cls.__name__] = cls


@dataclass(kw_only=True)
class Ref(Node):
    """A node that carries the DCC's ``id``, ``refId`` and ``refType`` attributes."""

    id: str | None = field(default=None, metadata={SPEC: Spec(Kind.ATTR, "id", key="@id")})
    ref_id: str | None = field(default=None, metadata={SPEC: Spec(Kind.ATTR, "refId", key="@refId")})
    ref_type: str | None = field(default=None, metadata={SPEC: Spec(Kind.ATTR, "refType", key="@refType")})


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def attr(name: str, *, key: str | None = None) -> Any:
    return field(default=None, metadata={SPEC: Spec(Kind.ATTR, name, key=key or "@" + _local(name))})


def text() -> Any:
    return field(default="", metadata={SPEC: Spec(Kind.TEXT, key="#text")})


def leaf(tag: str) -> Any:
    return field(default=None, metadata={SPEC: Spec(Kind.LEAF, tag, key=_local(tag))})


def leafs(tag: str) -> Any:
    return field(default_factory=list, metadata={SPEC: Spec(Kind.LEAFS, tag, key=_local(tag))})


def elem(tag: str, cls: type | str) -> Any:
    return field(default=None, metadata={SPEC: Spec(Kind.ELEM, tag, cls, key=_local(tag))})


def elems(tag: str, cls: type | str) -> Any:
    return field(default_factory=list, metadata={SPEC: Spec(Kind.ELEMS, tag, cls, key=_local(tag))})


def wrapped(tag: str, item_tag: str, cls: type | str) -> Any:
    """A list element such as ``dcc:identifications`` that only holds repeated items: seen as a Python list."""
    return field(default_factory=list, metadata={SPEC: Spec(Kind.WRAPPED, tag, cls, item_tag, key=_local(tag))})


def mixed(choices: dict[str, type | str | None], *, key: str) -> Any:
    """Repeated choice; a ``None`` class means a simple element held as :class:`Tagged`."""
    return field(default_factory=list, metadata={SPEC: Spec(Kind.MIXED, choices=tuple(choices.items()), key=key)})


def raw(tag: str) -> Any:
    return field(default=None, metadata={SPEC: Spec(Kind.RAW, tag, key=_local(tag))})


def raws(tag: str) -> Any:
    return field(default_factory=list, metadata={SPEC: Spec(Kind.RAWS, tag, key=_local(tag))})


def any_elements(*, key: str) -> Any:
    return field(default_factory=list, metadata={SPEC: Spec(Kind.ANY, key=key)})


@dataclass(frozen=True)
class ClassBinding:
    """The cached declarations of one model class, split the way the reader and writer use them."""

    attrs: tuple[tuple[str, Spec], ...]
    text_field: str | None
    elements: tuple[tuple[str, Spec], ...]
    unordered: bool


_BINDINGS: dict[type, ClassBinding] = {}


def binding_of(cls: type[Node]) -> ClassBinding:
    cached = _BINDINGS.get(cls)
    if cached is not None:
        return cached
    attrs: list[tuple[str, Spec]] = []
    elements: list[tuple[str, Spec]] = []
    text_field = None
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(SPEC)
        if spec is None:
            continue
        if spec.kind is Kind.ATTR:
            attrs.append((f.name, spec))
        elif spec.kind is Kind.TEXT:
            text_field = f.name
        else:
            elements.append((f.name, spec))
    result = ClassBinding(tuple(attrs), text_field, tuple(elements), cls.UNORDERED)
    _BINDINGS[cls] = result
    return result


def field_specs(cls: type[Node]) -> list[tuple[str, Spec]]:
    """All bound fields of a class, in declaration order."""
    b = binding_of(cls)
    out = list(b.attrs)
    if b.text_field:
        out.append((b.text_field, Spec(Kind.TEXT, key="#text")))
    out.extend(b.elements)
    return out
