"""XML-DSig plumbing shared by signing and verification: names, canonical forms, what a reference covers."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from lxml import etree

DS = "http://www.w3.org/2000/09/xmldsig#"
XADES = "http://uri.etsi.org/01903/v1.3.2#"
FILTER2 = "http://www.w3.org/2002/06/xmldsig-filter2"
XPATH1 = "http://www.w3.org/TR/1999/REC-xpath-19991116"
ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature"
EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#"
EXC_C14N_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
C14N10 = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
C14N10_COMMENTS = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments"
C14N11 = "http://www.w3.org/2006/12/xml-c14n11"
C14N11_COMMENTS = "http://www.w3.org/2006/12/xml-c14n11#WithComments"
SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties"

# The XPath Filter 2.0 expression our parallel signatures use: every signature directly under the DCC root.
ROOT_SIGNATURES_XPATH = "/*/ds:Signature"

# Canonicalization method → (exclusive, with comments). C14N 1.1 differs from 1.0 only in how xml:* attributes
# are inherited into a document *subset*; for a whole document, or a whole element without xml:* attributes above
# it, the output is the same, and every result is checked against the signed digest anyway.
C14N_METHODS = {
    EXC_C14N: (True, False),
    EXC_C14N_COMMENTS: (True, True),
    C14N10: (False, False),
    C14N10_COMMENTS: (False, True),
    C14N11: (False, False),
    C14N11_COMMENTS: (False, True),
}


def ds(local: str) -> str:
    return f"{{{DS}}}{local}"


def xades(local: str) -> str:
    return f"{{{XADES}}}{local}"


def canonicalize(node: etree._Element | etree._ElementTree, method: str = EXC_C14N) -> bytes:
    """Canonical bytes of an element or a whole document (a document includes its top-level PIs)."""
    exclusive, comments = C14N_METHODS[method]
    return etree.tostring(node, method="c14n", exclusive=exclusive, with_comments=comments)


def root_signatures(root: etree._Element) -> list[etree._Element]:
    return [child for child in root if child.tag == ds("Signature")]


@contextlib.contextmanager
def detached(elements: list[etree._Element]) -> Iterator[None]:
    """Take elements out of their tree for a moment, leaving the text around them exactly where it was.

    This is what the enveloped-signature and XPath filter transforms do to a node-set: the subtree goes, its
    following text (lxml's ``tail``) stays. Restores the tree exactly, also if the body raises.
    """
    removed: list[tuple[etree._Element, int, etree._Element, str | None]] = []
    try:
        for el in elements:
            parent = el.getparent()
            if parent is None:
                continue
            tail, el.tail = el.tail, None
            index = parent.index(el)
            previous = el.getprevious()
            parent.remove(el)
            if tail:
                if previous is not None:
                    previous.tail = (previous.tail or "") + tail
                else:
                    parent.text = (parent.text or "") + tail
            removed.append((parent, index, el, tail))
        yield
    finally:
        for parent, index, el, tail in reversed(removed):
            if tail:
                previous = parent[index - 1] if index > 0 else None
                if previous is not None:
                    previous.tail = previous.tail[: len(previous.tail) - len(tail)] or None
                else:
                    parent.text = parent.text[: len(parent.text) - len(tail)] or None
            parent.insert(index, el)
            el.tail = tail


_ALL_IDS = etree.XPath("//@Id | //@ID | //@id", regexp=False, smart_strings=False)


def all_ids(root: etree._Element) -> list[str]:
    """Every Id/ID/id value in the document (duplicates are how signature-wrapping attacks hide). A constant XPath,
    compiled once without extensions: no expression taken from a document is ever evaluated."""
    return [str(v) for v in _ALL_IDS(root)]
