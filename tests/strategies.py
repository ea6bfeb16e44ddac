"""Hypothesis strategies that build arbitrary certificate models from the model's own binding declarations."""

from __future__ import annotations

from hypothesis import strategies as st

from coomet_lab.dcc.model import Certificate
from coomet_lab.dcc.model.binding import Kind, Node, RawXml, Tagged, field_specs, resolve

# Text that XML can carry unchanged: no control characters, surrogates, private use or unassigned code points.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\ufffe\uffff"),
    max_size=10,
)
NUMBER = st.from_regex(r"\A-?\d{1,4}\.\d{1,6}\Z").map(str)
VALUE_LIST = st.lists(NUMBER, min_size=1, max_size=6).map(" ".join)


def raw_xml(tag: str | None) -> st.SearchStrategy[RawXml]:
    """A verbatim element: ``tag`` if the field needs a particular one, else a foreign element."""
    if tag is None:
        return st.sampled_from(["<ext:note xmlns:ext=\"urn:example:ext\">kept <ext:b>as is</ext:b></ext:note>",
                                "<x xmlns=\"urn:example:x\" a=\"1\"/>"]).map(RawXml)
    ns, local = tag[1:].split("}")
    return TEXT.map(lambda t: RawXml(_element(ns, local, t)))


def _element(ns: str, local: str, text: str) -> str:
    from xml.sax.saxutils import escape

    return f'<p:{local} xmlns:p="{ns}"><p:part>{escape(text)}</p:part></p:{local}>'


def node(cls: type[Node], depth: int) -> st.SearchStrategy[Node]:
    fields = {}
    for name, spec in field_specs(cls):
        fields[name] = _field(spec, depth)
    return st.builds(cls, **fields)


def _optional(strategy: st.SearchStrategy) -> st.SearchStrategy:
    return st.none() | strategy


def _field(spec, depth: int) -> st.SearchStrategy:
    kind = spec.kind
    if kind is Kind.ATTR or kind is Kind.LEAF:
        return _optional(TEXT)
    if kind is Kind.TEXT:
        return TEXT
    if kind is Kind.LEAFS:
        return st.lists(TEXT, max_size=2)
    if kind is Kind.RAW:
        return _optional(raw_xml(spec.tag))
    if kind in (Kind.RAWS, Kind.ANY):
        return st.lists(raw_xml(spec.tag), max_size=2)
    if depth <= 0:
        return st.none() if kind is Kind.ELEM else st.just([])
    if kind is Kind.ELEM:
        return _optional(st.deferred(lambda: node(spec.node_class(), depth - 1)))
    if kind in (Kind.ELEMS, Kind.WRAPPED):
        return st.lists(st.deferred(lambda: node(spec.node_class(), depth - 1)), max_size=2)
    if kind is Kind.MIXED:
        options = []
        for tag, cls in spec.choices:
            if cls is None:
                options.append(TEXT.map(lambda t, tag=tag: Tagged(tag, t)))
            else:
                options.append(st.deferred(lambda cls=cls: node(resolve(cls), depth - 1)))
        return st.lists(st.one_of(options), max_size=3)
    raise AssertionError(kind)


def certificates(depth: int = 4) -> st.SearchStrategy[Certificate]:
    return node(Certificate, depth).map(_without_signatures)


def _without_signatures(certificate: Certificate) -> Certificate:
    certificate.signatures = []
    return certificate
