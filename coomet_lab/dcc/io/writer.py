"""The certificate model to DCC XML. The same model always gives the same bytes."""

from __future__ import annotations

import os

from lxml import etree

from coomet_lab.dcc.io.bindio import node_of, write_node
from coomet_lab.dcc.io.reader import ROOT_TAG
from coomet_lab.dcc.model import Certificate
from coomet_lab.dcc.model.binding import DCC_NS, DS_NS, SI_NS, XSI_NS
from coomet_lab.kernel.atomic import write_bytes_atomic

ROOT_NSMAP = {"dcc": DCC_NS, "si": SI_NS, "xsi": XSI_NS}


def to_element(certificate: Certificate, *, keep_signatures: bool = False) -> etree._Element:
    """Build the XML tree. Signatures are dropped unless asked for: rewriting breaks them anyway."""
    nsmap = dict(ROOT_NSMAP)
    if keep_signatures and certificate.signatures:
        nsmap["ds"] = DS_NS
    root = etree.Element(ROOT_TAG, nsmap=nsmap)
    if keep_signatures or not certificate.signatures:
        write_node(certificate, root)
    else:
        signatures = certificate.signatures
        try:
            certificate.signatures = []
            write_node(certificate, root)
        finally:
            certificate.signatures = signatures
    extras = certificate.extras
    if extras:
        for raw_xml in extras.prolog:
            root.addprevious(node_of(raw_xml))
        for raw_xml in reversed(extras.epilog):
            root.addnext(node_of(raw_xml))
    return root


def serialize(root: etree._Element) -> bytes:
    """Deterministic UTF-8 bytes with an XML declaration, indented between elements only; a root's surrounding
    comments and processing instructions are written with it."""
    target = root.getroottree() if root.getparent() is None else root
    return etree.tostring(target, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_bytes(certificate: Certificate, *, keep_signatures: bool = False) -> bytes:
    return serialize(to_element(certificate, keep_signatures=keep_signatures))


def write_certificate(certificate: Certificate, path: str | os.PathLike[str]) -> bytes:
    """Write the certificate atomically and return the bytes written."""
    data = to_bytes(certificate)
    write_bytes_atomic(path, data)
    return data
