"""The application's own certificate document: JSON that mirrors the DCC, saved for drafts, templates and builds.

The format is documented in ``docs/document-format.md``. Keys are the DCC element names (``coreData``,
``uniqueIdentifier``...), attributes start with ``@``, an element's own text is ``#text``; multilingual text may be
written compactly as ``{"en": "...", "ru": "..."}`` (or a plain string when it is language-neutral). Numbers are
strings, or JSON numbers whose literal digits are kept exactly as written: ``10.0021`` stays ``10.0021``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from coomet_lab.dcc.io.bindio import node_of
from coomet_lab.dcc.model import Certificate, LangString, RichContent, Text
from coomet_lab.dcc.model.binding import Extras, Kind, Node, RawXml, Spec, Tagged, binding_of, field_specs, resolve
from coomet_lab.kernel.atomic import write_text_atomic
from coomet_lab.kernel.errors import DocumentError, UnusableInputError

FORMAT = "coomet-lab-certificate"
FORMAT_VERSION = 1
_EXTRAS_KEY = "$extras"


# ------------------------------------------------------------------------------------------------ to JSON


def node_to_json(node: Node) -> Any:
    compact = _compact(node)
    if compact is not None:
        return compact
    out: dict[str, Any] = {}
    for name, spec in field_specs(type(node)):
        value = getattr(node, name)
        if value is None or value == []:
            continue
        out[spec.key] = _value_to_json(spec, value)
    if node.extras:
        extras: dict[str, Any] = {
            "attrs": dict(sorted(node.extras.attrs.items())),
            "children": [{"after": anchor, "xml": raw.xml} for anchor, raw in node.extras.children],
        }
        if node.extras.inner:
            extras["inner"] = node.extras.inner.xml
        for key in ("prolog", "epilog"):
            if getattr(node.extras, key):
                extras[key] = [raw.xml for raw in getattr(node.extras, key)]
        out[_EXTRAS_KEY] = extras
    return out


def _value_to_json(spec: Spec, value: Any) -> Any:
    kind = spec.kind
    if kind in (Kind.ATTR, Kind.TEXT, Kind.LEAF):
        return value
    if kind is Kind.LEAFS:
        return list(value)
    if kind is Kind.ELEM:
        return node_to_json(value)
    if kind in (Kind.ELEMS, Kind.WRAPPED):
        return [node_to_json(v) for v in value]
    if kind is Kind.MIXED:
        return [_mixed_item_to_json(spec, item) for item in value]
    if kind is Kind.RAW:
        return value.xml
    return [raw.xml for raw in value]  # RAWS, ANY


def _mixed_item_to_json(spec: Spec, item: Any) -> dict[str, Any]:
    if isinstance(item, Tagged):
        return {_local(item.tag): item.text}
    if isinstance(item, RawXml):
        return {"$xml": item.xml}
    for tag, cls in spec.choices:
        if cls is not None and resolve(cls) is type(item):
            return {_local(tag): node_to_json(item)}
    raise TypeError(f"{type(item).__name__} is not allowed here")


def _compact(node: Node) -> Any:
    """A shorter JSON form where nothing is lost, or None when the full form is needed.

    Plain multilingual text becomes ``{"en": ..., "de": ...}`` (a string when language-neutral); an element with
    nothing but text becomes that string; an element with nothing but a list of choices becomes that list.
    """
    b = binding_of(type(node))
    if node.extras or any(getattr(node, name) is not None for name, _ in b.attrs):
        return None
    if b.text_field and not b.elements:
        return getattr(node, b.text_field)
    if _single_list_field(type(node)) and not b.text_field:
        return _value_to_json(b.elements[0][1], getattr(node, b.elements[0][0]))
    if isinstance(node, Text):
        return _compact_strings(node.contents)
    if isinstance(node, RichContent) and node.name is None:
        if node.items and all(isinstance(i, LangString) for i in node.items):
            return _compact_strings(node.items)  # type: ignore[arg-type]
    return None


def _has_attributes(node: Node) -> bool:
    return any(getattr(node, name) is not None for name, spec in binding_of(type(node)).attrs if spec.tag != "lang")


def _compact_strings(contents: list[LangString]) -> Any:
    if not contents or any(_has_attributes(c) or c.extras for c in contents):
        return None
    if len(contents) == 1 and contents[0].lang is None:
        return contents[0].value
    langs = [c.lang for c in contents]
    if any(not _is_lang_code(lang) for lang in langs) or len(set(langs)) != len(langs):
        return None
    return {c.lang: c.value for c in contents}


# ---------------------------------------------------------------------------------------------- from JSON


def _single_list_field(cls: type[Node]) -> bool:
    b = binding_of(cls)
    return len(b.elements) == 1 and b.elements[0][1].kind in (Kind.MIXED, Kind.ANY)


def node_from_json(cls: type[Node], data: Any, path: str) -> Node:
    if cls in (Text, RichContent) and (isinstance(data, str) or _is_lang_map(data)):
        return _expand_compact(cls, data, path)
    b = binding_of(cls)
    if isinstance(data, str) and b.text_field and not b.elements:
        text: dict[str, Any] = {b.text_field: data}
        return cls(**text)
    if isinstance(data, list) and _single_list_field(cls):
        name, spec = b.elements[0]
        return cls(**{name: _value_from_json(spec, data, path)})
    if not isinstance(data, dict):
        raise DocumentError(f"expected an object, found {_kind_of(data)}", path=path)
    specs = {spec.key: (name, spec) for name, spec in field_specs(cls)}
    values: dict[str, Any] = {}
    extras = None
    for key, raw_value in data.items():
        if key == _EXTRAS_KEY:
            extras = _extras_from_json(raw_value, f"{path}.{key}")
            continue
        if key not in specs:
            raise DocumentError(f"unknown key {key!r} (allowed: {', '.join(specs)})", path=path)
        name, spec = specs[key]
        values[name] = _value_from_json(spec, raw_value, f"{path}.{key}")
    node = cls(**values)
    node.extras = extras
    return node


def _value_from_json(spec: Spec, value: Any, path: str) -> Any:
    kind = spec.kind
    if kind in (Kind.ATTR, Kind.TEXT, Kind.LEAF):
        return _string(value, path)
    if kind is Kind.LEAFS:
        return [_string(v, f"{path}[{i}]") for i, v in enumerate(_list(value, path))]
    if kind is Kind.ELEM:
        return node_from_json(spec.node_class(), value, path)
    if kind in (Kind.ELEMS, Kind.WRAPPED):
        return [node_from_json(spec.node_class(), v, f"{path}[{i}]") for i, v in enumerate(_list(value, path))]
    if kind is Kind.MIXED:
        return [_mixed_item_from_json(spec, v, f"{path}[{i}]") for i, v in enumerate(_list(value, path))]
    if kind is Kind.RAW:
        return _raw(value, path)
    return [_raw(v, f"{path}[{i}]") for i, v in enumerate(_list(value, path))]


def _mixed_item_from_json(spec: Spec, value: Any, path: str) -> Any:
    if not isinstance(value, dict) or len(value) != 1:
        raise DocumentError("expected an object with exactly one key naming the element", path=path)
    (key, inner), = value.items()
    if key == "$xml":
        return _raw(inner, path)
    for tag, cls in spec.choices:
        if _local(tag) == key:
            if cls is None:
                return Tagged(tag, _string(inner, f"{path}.{key}"))
            return node_from_json(resolve(cls), inner, f"{path}.{key}")
    allowed = ", ".join(_local(tag) for tag, _ in spec.choices)
    raise DocumentError(f"unknown element {key!r} (allowed: {allowed})", path=path)


def _expand_compact(cls: type[Node], data: Any, path: str) -> Node:
    if isinstance(data, str):
        contents = [LangString(value=data)]
    else:
        contents = [LangString(lang=lang, value=_string(v, f"{path}.{lang}")) for lang, v in data.items()]
    return Text(contents=contents) if cls is Text else RichContent(items=list(contents))


def _is_lang_code(lang: Any) -> bool:
    return isinstance(lang, str) and len(lang) == 2 and lang.isascii() and lang.isalpha() and lang.islower()


def _is_lang_map(data: Any) -> bool:
    return isinstance(data, dict) and bool(data) and all(_is_lang_code(k) for k in data)


def _extras_from_json(data: Any, path: str) -> Extras:
    if not isinstance(data, dict):
        raise DocumentError("expected an object with 'attrs' and 'children'", path=path)
    attrs = data.get("attrs", {})
    if not isinstance(attrs, dict):
        raise DocumentError("expected an object", path=f"{path}.attrs")
    children = []
    for i, child in enumerate(_list(data.get("children", []), f"{path}.children")):
        where = f"{path}.children[{i}]"
        if not isinstance(child, dict) or "xml" not in child:
            raise DocumentError("expected {'after': ..., 'xml': ...}", path=where)
        after = child.get("after")
        if after is not None and not isinstance(after, str):
            raise DocumentError("'after' must be a field name or null", path=where)
        children.append((after, _raw(child["xml"], f"{where}.xml")))
    inner = None if data.get("inner") is None else _raw(data["inner"], f"{path}.inner")
    around = {
        key: [_raw(xml, f"{path}.{key}[{i}]") for i, xml in enumerate(_list(data.get(key, []), f"{path}.{key}"))]
        for key in ("prolog", "epilog")
    }
    return Extras(
        attrs={str(k): _string(v, f"{path}.attrs.{k}") for k, v in attrs.items()},
        children=children,
        inner=inner,
        prolog=around["prolog"],
        epilog=around["epilog"],
    )


def _string(value: Any, path: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    raise DocumentError(f"expected a string, found {_kind_of(value)}", path=path)


def _list(value: Any, path: str) -> list:
    if not isinstance(value, list):
        raise DocumentError(f"expected a list, found {_kind_of(value)}", path=path)
    return value


def _raw(value: Any, path: str) -> RawXml:
    text = _string(value, path)
    try:
        node_of(RawXml(text))
    except (UnusableInputError, ValueError) as exc:
        raise DocumentError(f"kept XML is not usable: {exc}", path=path) from None
    return RawXml(text)


def _kind_of(value: Any) -> str:
    kinds = {dict: "an object", list: "a list", str: "a string", type(None): "null"}
    return kinds.get(type(value), type(value).__name__)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# ------------------------------------------------------------------------------------------------ documents


def certificate_to_document(certificate: Certificate) -> dict[str, Any]:
    return {"format": FORMAT, "formatVersion": FORMAT_VERSION, "certificate": node_to_json(certificate)}


def certificate_from_document(data: Any, source: str = "document") -> Certificate:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DocumentError(f"not a COOMET Lab certificate document (expected \"format\": \"{FORMAT}\")", path=source)
    version = str(data.get("formatVersion"))
    if version != str(FORMAT_VERSION):
        shown = version if len(version) <= 20 else f"{version[:20]}… ({len(version)} characters)"
        raise DocumentError(f"unsupported formatVersion {shown} (this application reads {FORMAT_VERSION})", path=source)
    unknown = set(data) - {"format", "formatVersion", "certificate"}
    if unknown:
        raise DocumentError(f"unknown top-level keys: {sorted(unknown)}", path=source)
    certificate = node_from_json(Certificate, data.get("certificate"), f"{source}:certificate")
    assert isinstance(certificate, Certificate)
    return certificate


def dumps(certificate: Certificate) -> str:
    """Deterministic JSON text of a certificate document."""
    return json.dumps(certificate_to_document(certificate), ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------------------ untrusted JSON

MAX_JSON_BYTES = 64 * 1024 * 1024  # the XML ceiling (xmlsafe.ORDINARY): room for embedded files, not for a bomb
MAX_JSON_DEPTH = 64  # real documents nest 16 deep; Python's own parser gives up near 1,000 with RecursionError
# What XML 1.0 cannot carry (NUL, control characters, lone surrogates, U+FFFE/FFFF): lxml refuses it with a
# ValueError at the moment the XML is built, far from the line that holds it.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class _Pairs(dict):
    """A JSON object that had a key twice (``json`` keeps the last silently); the walk names where."""

    duplicate: str = ""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) == len(pairs):
        return data
    marked = _Pairs(data)
    seen: set[str] = set()
    marked.duplicate = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return marked


def first_non_xml_character(text: str) -> int | None:
    """The index of the first character XML cannot hold (NUL, a control character, a lone surrogate), or None."""
    match = _NOT_XML.search(text)
    return None if match is None else match.start()


def _non_xml_detail(text: str, index: int) -> str:
    return (f"character {index + 1} is {ascii(text[index])}, which XML cannot hold (NUL, a control character or a "
            "lone surrogate); remove it")


def read_json(text: str, source: str, *, numbers_as_text: bool = True, xml_text: bool = True) -> Any:
    """JSON from outside, read safely: duplicate keys, nesting deeper than :data:`MAX_JSON_DEPTH` and characters
    XML cannot hold are each refused as a :class:`DocumentError` naming the JSON path (``file:a.b[2].c``); numbers
    stay their literal text (``parse_int`` would refuse 5,000 digits with a bare ValueError, floats lose digits)."""
    number = str if numbers_as_text else None
    try:
        data = json.loads(text, parse_float=number, parse_int=number, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", path=source) from None
    except RecursionError:
        raise DocumentError(f"nested more than {MAX_JSON_DEPTH} levels deep; not a document", path=source) from None
    except ValueError as exc:  # int() over 4,300 digits, when numbers are not kept as text
        raise DocumentError(f"a number is too long ({exc})", path=source) from None
    _check_json(data, source, xml_text)
    return data


def _check_json(data: Any, source: str, xml_text: bool = True) -> None:
    """One walk without recursion over everything :func:`read_json` refuses."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        value, path, depth = stack.pop()
        where = f"{source}:{path}" if path else source
        if isinstance(value, str):
            index = first_non_xml_character(value) if xml_text else None
            if index is not None:
                raise DocumentError(_non_xml_detail(value, index), path=where)
            continue
        if not isinstance(value, (dict, list)):
            continue
        if depth >= MAX_JSON_DEPTH:
            raise DocumentError(f"nested more than {MAX_JSON_DEPTH} levels deep; not a document", path=where)
        if isinstance(value, list):
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in reversed(list(enumerate(value))))
            continue
        if isinstance(value, _Pairs):
            raise DocumentError(f"the key {value.duplicate!r} appears twice in this object; keep one", path=where)
        for key in reversed(list(value)):
            index = first_non_xml_character(key) if xml_text else None
            if index is not None:
                raise DocumentError(f"a key: {_non_xml_detail(key, index)}", path=where)
            stack.append((value[key], f"{path}.{key}" if path else key, depth + 1))


def read_json_file(path: str | os.PathLike[str], what: str = "the document") -> tuple[str, Path]:
    """The text of a JSON file from outside: a regular file, at most :data:`MAX_JSON_BYTES`, UTF-8 (a BOM is
    allowed). Every refusal is an :class:`UnusableInputError` that names the file and says why."""
    file = Path(path)
    try:
        if file.is_dir():
            raise UnusableInputError(f"{file}: is a folder, not {what}")
        size = file.stat().st_size
        if size > MAX_JSON_BYTES:
            raise UnusableInputError(f"{file}: the file is {size / 1024 / 1024:.1f} MB, more than the "
                                     f"{MAX_JSON_BYTES // 1024 // 1024} MB allowed for {what}")
        data = file.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"{file}: cannot read {what} ({exc.strerror or exc})") from None
    if not data.strip():
        raise UnusableInputError(f"{file}: the file is empty, not {what}")
    try:
        return data.decode("utf-8-sig"), file
    except UnicodeDecodeError as exc:
        hint = " (it looks like UTF-16: save it as UTF-8)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise UnusableInputError(f"{file}: {what} is not UTF-8 text (byte {exc.start}){hint}") from None


def loads(text: str, source: str = "document", *, xml_text: bool = False) -> Certificate:
    """A certificate from document text. ``xml_text`` also refuses characters XML cannot hold, by path: on for
    files from outside (:func:`load_document`), off for the repository's own drafts (written by this application),
    so that a draft opens in the editor exactly as before."""
    # Keep the literal digits of JSON numbers: 10.0021 must never pass through a float.
    return certificate_from_document(read_json(text, source, xml_text=xml_text), source)


def load_document(path: str | os.PathLike[str]) -> Certificate:
    text, file = read_json_file(path)
    return loads(text, source=str(file), xml_text=True)


def save_document(certificate: Certificate, path: str | os.PathLike[str]) -> None:
    write_text_atomic(path, dumps(certificate))


__all__ = ["dumps", "loads", "load_document", "save_document", "node_to_json", "node_from_json", "binding_of"]
