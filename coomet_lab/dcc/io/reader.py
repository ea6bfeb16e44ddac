"""DCC XML (any 3.x version) to the certificate model, losslessly."""

from __future__ import annotations

import os

from lxml import etree

from coomet_lab.dcc.io.bindio import raw_of, read_node
from coomet_lab.dcc.model import Certificate
from coomet_lab.dcc.model.binding import DCC_NS, Extras, dcc
from coomet_lab.kernel.errors import UnusableInputError
from coomet_lab.kernel.xmlsafe import parse_bytes, parse_file

ROOT_TAG = dcc("digitalCalibrationCertificate")


def check_root(root: etree._Element, source: str = "input") -> None:
    """Refuse anything whose root is not a DCC, naming what it is instead."""
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == ROOT_TAG:
        return
    qname = etree.QName(tag)
    if qname.localname == "digitalCalibrationCertificate":
        raise UnusableInputError(
            f"{source}: the root element is in namespace {qname.namespace or '(none)'!r}, "
            f"a DCC must be in {DCC_NS!r}"
        )
    raise UnusableInputError(f"{source}: not a DCC: the root element is {tag!r}, expected {ROOT_TAG!r}")


def certificate_from_tree(tree: etree._ElementTree | etree._Element, source: str = "input") -> Certificate:
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    check_root(root, source)
    certificate = read_node(Certificate, root)
    assert isinstance(certificate, Certificate)
    # Comments and processing instructions around the root (licence headers, xml-stylesheet) are kept too.
    prolog = [raw_of(node) for node in reversed(list(root.itersiblings(preceding=True)))]
    epilog = [raw_of(node) for node in root.itersiblings()]
    if prolog or epilog:
        extras = certificate.extras or Extras()
        extras.prolog, extras.epilog = prolog, epilog
        certificate.extras = extras
    return certificate


def read_certificate_bytes(data: bytes, *, large: bool = False, source: str = "input") -> Certificate:
    return certificate_from_tree(parse_bytes(data, large=large, source=source), source)


def read_certificate_file(path: str | os.PathLike[str], *, large: bool = False) -> Certificate:
    return certificate_from_tree(parse_file(path, large=large), str(path))
