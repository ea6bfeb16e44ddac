"""Parsing untrusted XML: no DTDs, no entities, no network, bounded size unless the user asks for large files.

libxml2 refuses text nodes over 10 MB unless ``huge_tree`` is set, and that option also lifts its other
denial-of-service guards. It is therefore off by default and switched on only for a file the user deliberately
opens as large (``--large`` on the command line), together with a higher size ceiling.

Two bounds hold in both modes, because ``huge_tree`` changes libxml2's own ones and because later stages are not
linear in them: at most :data:`MAX_ATTRIBUTES` attributes (and as many namespace declarations) on one element
(libxml2's canonicalization is quadratic in them: 100,000 attributes took 39 s to canonicalize) and at most
:data:`MAX_DEPTH` levels of nesting (libxml2 stops at 256, or 2048 with ``huge_tree``, with a message about huge
files). A DCC has a handful of attributes per element and is nested about 15 levels deep.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from coomet_lab.kernel.errors import UnusableInputError, XmlSecurityError

MIB = 1024 * 1024
MAX_ATTRIBUTES = 256
MAX_DEPTH = 128
# One step per level below the root: the elements nested deeper than MAX_DEPTH, visiting each node once. Compiled
# once, without lxml's regular-expression extension and without "smart" strings (these are our only XPaths here).
_DEEPER = "/*" + "/*" * MAX_DEPTH
_TOO_DEEP = etree.XPath(f"boolean({_DEEPER})", regexp=False, smart_strings=False)
_FIRST_TOO_DEEP = etree.XPath(f"({_DEEPER})[1]", regexp=False, smart_strings=False)


@dataclass(frozen=True)
class ParseLimits:
    """Size ceiling and whether libxml2's huge-document mode is allowed."""

    max_bytes: int
    huge_tree: bool

    @classmethod
    def for_size(cls, large: bool) -> ParseLimits:
        return LARGE if large else ORDINARY


# Real certificates are 15-60 KB; 64 MB leaves room for embedded PDFs and long tables.
ORDINARY = ParseLimits(max_bytes=64 * MIB, huge_tree=False)
LARGE = ParseLimits(max_bytes=4096 * MIB, huge_tree=True)


def _parser(limits: ParseLimits) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=limits.huge_tree,
        remove_blank_text=False,
        collect_ids=False,
    )


def parse_bytes(data: bytes, *, large: bool = False, source: str = "input") -> etree._ElementTree:
    """Parse XML bytes safely; raise :class:`UnusableInputError` (or its security subclass) with a clear reason."""
    limits = ParseLimits.for_size(large)
    if len(data) > limits.max_bytes:
        raise XmlSecurityError(_too_big_message(source, len(data), limits, large))
    if not data.strip():
        raise UnusableInputError(f"{source}: the file is empty, not XML")
    try:
        root = etree.fromstring(data, _parser(limits))
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(source, exc) from None
    if root is None:
        raise UnusableInputError(f"{source}: no root element, not XML")
    tree = root.getroottree()
    _refuse_dtd(tree, source)
    _check_bounds(tree, data, source)
    return tree


def _name(el: etree._Element) -> str:
    qname = etree.QName(el)
    return f"{el.prefix}:{qname.localname}" if el.prefix else qname.localname


def _check_bounds(tree: etree._ElementTree, data: bytes, source: str) -> None:
    """Refuse deep nesting and elements with very many attributes or namespace declarations, in O(n).

    The depth test is a constant XPath of this module (it visits every node once, in libxml2); the attribute count
    is one pass over the elements (about 40 ms for a 10 MB DCC of 144,000 elements, the depth test 60 ms).
    Namespace declarations are not attributes; they are counted only when the file has more ``xmlns`` than one
    element may carry, so an ordinary file pays nothing for it.
    """
    if _TOO_DEEP(tree):
        deep = _FIRST_TOO_DEEP(tree)[0]
        raise XmlSecurityError(f"{source}: elements are nested more than {MAX_DEPTH} levels deep (element "
                               f"{_name(deep)} at line {deep.sourceline}); a DCC needs far fewer, so the file "
                               "is refused")
    root = tree.getroot()
    if max(len(el.attrib) for el in root.iter(tag=etree.Element)) > MAX_ATTRIBUTES:
        el = next(el for el in root.iter(tag=etree.Element) if len(el.attrib) > MAX_ATTRIBUTES)
        raise XmlSecurityError(f"{source}: element {_name(el)} has {len(el.attrib)} attributes; at most "
                               f"{MAX_ATTRIBUTES} are accepted (line {el.sourceline})")
    if data.count(b"xmlns") > MAX_ATTRIBUTES:
        declared = 0
        for event, el in etree.iterwalk(tree, events=("start-ns", "start")):
            if event == "start-ns":
                declared += 1
                continue
            if declared > MAX_ATTRIBUTES:
                raise XmlSecurityError(f"{source}: element {_name(el)} declares {declared} namespaces; at most "
                                       f"{MAX_ATTRIBUTES} are accepted (line {el.sourceline})")
            declared = 0


def parse_file(path: str | os.PathLike[str], *, large: bool = False) -> etree._ElementTree:
    """Read and parse a file safely (see :func:`parse_bytes`)."""
    file = Path(path)
    limits = ParseLimits.for_size(large)
    try:
        size = file.stat().st_size
        if size > limits.max_bytes:
            raise XmlSecurityError(_too_big_message(str(file), size, limits, large))
        data = file.read_bytes()
    except XmlSecurityError:
        raise
    except OSError as exc:
        raise UnusableInputError(f"{file}: cannot read the file ({exc.strerror or exc})") from None
    return parse_bytes(data, large=large, source=str(file))


def _too_big_message(source: str, size: int, limits: ParseLimits, large: bool) -> str:
    hint = "" if large else "; if you trust this file, open it as a large file (--large)"
    return f"{source}: the file is {size / MIB:.1f} MB, more than the {limits.max_bytes // MIB} MB allowed{hint}"


def _syntax_error(source: str, exc: etree.XMLSyntaxError) -> UnusableInputError:
    text = str(exc)
    lowered = text.lower()
    if "amplification" in lowered or "entity reference loop" in lowered or "entity" in lowered and "loop" in lowered:
        return XmlSecurityError(f"{source}: refused an entity expansion attack (billion laughs): {text}")
    if "network entity" in lowered or "failed to load" in lowered:
        return XmlSecurityError(
            f"{source}: the document refers to an external DTD or entity; it is refused and nothing was fetched"
        )
    if "excessive depth" in lowered:
        line = getattr(exc, "lineno", None)
        return XmlSecurityError(f"{source}: elements are nested more than {MAX_DEPTH} levels deep (the parser "
                                f"stopped at line {line}); a DCC needs far fewer, so the file is refused")
    if "huge" in lowered or "resource limit" in lowered or "too long" in lowered:
        return XmlSecurityError(
            f"{source}: a text node is larger than 10 MB; if you trust this file, open it as a large file (--large)"
        )
    line = getattr(exc, "lineno", None)
    where = f" at line {line}" if line else ""
    return UnusableInputError(f"{source}: not well-formed XML{where}: {exc.msg if hasattr(exc, 'msg') else text}")


def _refuse_dtd(tree: etree._ElementTree, source: str) -> None:
    info = tree.docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise XmlSecurityError(
            f"{source}: the document declares a DTD (<!DOCTYPE ...>); DTDs and entity declarations are refused "
            "because they can read local files or exhaust memory"
        )


def parse_fragment(xml: str) -> etree._Element:
    """Parse one kept-verbatim element (from a model or a draft document), as safely as a whole document."""
    tree = parse_bytes(xml.encode("utf-8"), large=True, source="kept XML fragment")
    return tree.getroot()
