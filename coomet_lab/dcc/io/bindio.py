"""Generic XML reading and writing for the declaratively bound model classes (see ``coomet_lab.dcc.model.binding``)."""

from __future__ import annotations

from typing import Any, TypeAlias

from lxml import etree

from coomet_lab.dcc.model.binding import REPEATED_KINDS, Extras, Kind, Node, RawXml, Spec, Tagged, binding_of, resolve
from coomet_lab.kernel.xmlsafe import parse_fragment

_Element: TypeAlias = etree._Element


# ----------------------------------------------------------------------------------------------- reading


def read_node(cls: type[Node], el: _Element) -> Node:
    """Build a model node from an element; whatever the class does not declare is kept in its extras."""
    b = binding_of(cls)
    values: dict[str, Any] = {}
    extras = Extras()
    _read_attributes(b.attrs, el, values, extras)
    if b.text_field:
        values[b.text_field] = _leaf_text(el)
        if len(el) and not b.elements:
            # Mixed content or a comment inside the text: keep the inner XML so every run is written back in place.
            extras.inner = raw_of(el)
    _read_children(b.elements, b.unordered, el, values, extras)
    node = cls(**values)
    if extras:
        node.extras = extras
    return node


def _read_attributes(specs: tuple[tuple[str, Spec], ...], el: _Element, values: dict, extras: Extras) -> None:
    by_name = {spec.tag: name for name, spec in specs}
    for key, value in el.attrib.items():
        field_name = by_name.get(key)
        if field_name is None:
            extras.attrs[key] = value
        else:
            values[field_name] = value


def _read_children(
    specs: tuple[tuple[str, Spec], ...], unordered: bool, el: _Element, values: dict, extras: Extras
) -> None:
    position = 0
    anchor: str | None = None
    after_item = False  # whether the last element read was an item of the repeated field ``anchor``
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            # A comment or processing instruction: not content, but kept where it was. After an item of a repeated
            # field its anchor says after how many items ("field#2"), so it stays between the same two items.
            where = f"{anchor}#{len(values[anchor])}" if after_item and anchor else anchor
            extras.children.append((where, raw_of(child)))
            continue
        index = _match(specs, tag, 0 if unordered else position, values)
        converted = None if index is None else _convert(specs[index][1], child)
        if converted is None:
            extras.children.append((anchor, raw_of(child)))
            after_item = False
            continue
        name, spec = specs[index]  # type: ignore[index]
        if spec.kind in (Kind.LEAF, Kind.LEAFS) and len(child):
            # A simple value with a comment inside ("20.0<!-- x -->137"): the value is its text, and the element
            # as written is kept ("field=k", the k-th item) to be written back while the value is unchanged.
            extras.children.append((f"{name}={len(values.get(name, []))}", raw_of(child)))
        if spec.kind in REPEATED_KINDS:
            values.setdefault(name, []).append(converted)
            position = index  # type: ignore[assignment]
        else:
            values[name] = converted
            position = index + 1  # type: ignore[operator]
        if spec.kind is Kind.WRAPPED:
            # Comments inside a list wrapper: anchored "field/2" (inside the wrapper, after two items).
            count = 0
            for inner in child:
                if isinstance(inner.tag, str):
                    count += 1
                else:
                    extras.children.append((f"{name}/{count}", raw_of(inner)))
        anchor = name
        after_item = spec.kind in REPEATED_KINDS


def _match(specs: tuple[tuple[str, Spec], ...], tag: str, start: int, values: dict) -> int | None:
    for index in range(start, len(specs)):
        name, spec = specs[index]
        if spec.accepts(tag) and (spec.kind in REPEATED_KINDS or name not in values):
            return index
    return None


def _convert(spec: Spec, child: _Element) -> Any:
    """The field value for one child element, or None when the element must be kept verbatim instead."""
    kind = spec.kind
    if kind in (Kind.LEAF, Kind.LEAFS):
        return _simple_text(child)
    if kind in (Kind.ELEM, Kind.ELEMS):
        return read_node(spec.node_class(), child)
    if kind is Kind.WRAPPED:
        return _read_wrapped(spec, child)
    if kind is Kind.MIXED:
        target = dict(spec.choices)[child.tag]
        if target is None:
            value = _simple_text(child)
            return None if value is None else Tagged(child.tag, value)
        return read_node(resolve(target), child)
    return raw_of(child)  # RAW, RAWS, ANY


def _read_wrapped(spec: Spec, child: _Element) -> list | None:
    # A wrapper is only a Python list when it holds nothing but its items; otherwise keep it verbatim.
    if child.attrib:
        return None
    items = [c for c in child if isinstance(c.tag, str)]
    if not items or any(c.tag != spec.item_tag for c in items):
        return None
    cls = spec.node_class()
    return [read_node(cls, item) for item in items]


def _simple_text(el: _Element) -> str | None:
    """Text of a simple element; None if it has attributes or child elements (then it is kept verbatim)."""
    if el.attrib:
        return None
    if len(el) == 0:
        return el.text or ""
    if any(isinstance(c.tag, str) for c in el):
        return None
    return _leaf_text(el)


def _leaf_text(el: _Element) -> str:
    # Comments inside a value are not part of it: "20.0<!-- x -->137" is the value 20.0137, as the XML
    # signature's canonical form (and every schema validator) sees it.
    if len(el) == 0:
        return el.text or ""
    return "".join(el.itertext())


def raw_of(el: _Element) -> RawXml:
    """Serialize an element (or a comment or processing instruction) verbatim, with every namespace declaration in
    scope (QNames in content survive)."""
    return RawXml(etree.tostring(el, encoding="unicode", with_tail=False))


def is_misc(raw_xml: RawXml) -> bool:
    """Whether kept XML is a comment or processing instruction rather than an element."""
    return raw_xml.xml.startswith(("<!--", "<?"))


def node_of(raw_xml: RawXml) -> _Element:
    """The element, comment or processing instruction that kept XML holds."""
    if is_misc(raw_xml):
        # parse_fragment wants one element: wrap the comment or instruction in one and take it out again.
        holder = parse_fragment(f"<holder>{raw_xml.xml}</holder>")
        if len(holder) != 1 or isinstance(holder[0].tag, str) or holder.text or holder[0].tail:
            raise ValueError(f"kept XML is not one comment or processing instruction: {raw_xml!r}")
        return holder[0]
    return parse_fragment(raw_xml.xml)


# ----------------------------------------------------------------------------------------------- writing


def write_node(node: Node, el: _Element) -> _Element:
    """Fill ``el`` (already created with the right tag) from a model node."""
    b = binding_of(type(node))
    for name, spec in b.attrs:
        value = getattr(node, name)
        if value is not None:
            el.set(spec.tag, value)
    extras = node.extras
    if extras and extras.attrs:
        for key in sorted(extras.attrs):
            el.set(key, extras.attrs[key])
    if b.text_field:
        el.text = getattr(node, b.text_field)
        if extras and extras.inner and not b.elements and _write_inner(extras.inner, el):
            return el
    anchored = _anchored_children(extras)
    _append_raw(el, anchored.get(None, ()))
    for name, spec in b.elements:
        value = getattr(node, name)
        start = len(el)
        if value is not None and value != []:
            _write_field(spec, value, el)
            if anchored and spec.kind in (Kind.LEAF, Kind.LEAFS):
                for k, raw_xml in _positioned(anchored, f"{name}="):
                    if start + k < len(el):
                        _restore_leaf(el[start + k], raw_xml)
        if anchored and (spec.kind is Kind.WRAPPED or spec.kind in REPEATED_KINDS):
            wrapped = spec.kind is Kind.WRAPPED
            positioned = _positioned(anchored, f"{name}/" if wrapped else f"{name}#")
            if wrapped and len(el) > start:
                _insert_between(el[start], 0, positioned)
            else:  # past the last item when items were removed since reading: kept, after the field
                _insert_between(el, start, positioned)
        _append_raw(el, anchored.get(name, ()))
    return el


def _restore_leaf(written: _Element, raw_xml: RawXml) -> None:
    """Give a simple element back the comments it was read with, if its value has not changed since."""
    kept = parse_fragment(raw_xml.xml)
    if kept.tag != written.tag or _leaf_text(kept) != (written.text or "") or any(isinstance(c.tag, str) for c in kept):
        return
    written.text = kept.text
    for child in list(kept):
        written.append(child)


def _positioned(anchored: dict[str | None, list[RawXml]], prefix: str) -> list[tuple[int, RawXml]]:
    """The kept comments and instructions anchored "field#k" or "field/k", in document order."""
    found: list[tuple[int, RawXml]] = []
    for key, raws in anchored.items():
        if key and key.startswith(prefix) and key[len(prefix) :].isdigit():
            found.extend((int(key[len(prefix) :]), raw_xml) for raw_xml in raws)
    return sorted(found, key=lambda pair: pair[0])  # stable: the same position keeps the reading order


def _insert_between(parent: _Element, start: int, items: list[tuple[int, RawXml]]) -> None:
    """Insert each kept node after ``k`` of the items written from ``start`` (each item is one child node)."""
    for offset, (k, raw_xml) in enumerate(items):
        parent.insert(start + k + offset, node_of(raw_xml))


def _write_inner(inner: RawXml, el: _Element) -> bool:
    """Write the kept inner XML of a text node if its text is still the node's text (not edited since reading)."""
    kept = parse_fragment(inner.xml)
    if _leaf_text(kept) != (el.text or ""):
        return False
    el.text = kept.text
    for child in list(kept):
        el.append(child)  # moves the child with its tail: the text runs stay between the same elements
    return True


def _anchored_children(extras: Extras | None) -> dict[str | None, list[RawXml]]:
    grouped: dict[str | None, list[RawXml]] = {}
    if extras:
        for anchor, raw_xml in extras.children:
            grouped.setdefault(anchor, []).append(raw_xml)
    return grouped


def _write_field(spec: Spec, value: Any, parent: _Element) -> None:
    kind = spec.kind
    sub = etree.SubElement
    if kind is Kind.LEAF:
        sub(parent, spec.tag).text = value
    elif kind is Kind.LEAFS:
        for text_value in value:
            sub(parent, spec.tag).text = text_value
    elif kind is Kind.ELEM:
        write_node(value, sub(parent, spec.tag))
    elif kind is Kind.ELEMS:
        for item in value:
            write_node(item, sub(parent, spec.tag))
    elif kind is Kind.WRAPPED:
        wrapper = sub(parent, spec.tag)
        for item in value:
            write_node(item, sub(wrapper, spec.item_tag))
    elif kind is Kind.MIXED:
        _write_mixed(spec, value, parent)
    elif kind is Kind.RAW:
        _append_raw(parent, (value,))
    else:  # RAWS, ANY
        _append_raw(parent, value)


def _write_mixed(spec: Spec, items: list, parent: _Element) -> None:
    tag_of_class = {resolve(cls): tag for tag, cls in spec.choices if cls is not None}
    for item in items:
        if isinstance(item, Tagged):
            etree.SubElement(parent, item.tag).text = item.text
        elif isinstance(item, RawXml):
            _append_raw(parent, (item,))
        else:
            write_node(item, etree.SubElement(parent, tag_of_class[type(item)]))


def _append_raw(parent: _Element, raws: Any) -> None:
    for raw_xml in raws:
        parent.append(node_of(raw_xml))
