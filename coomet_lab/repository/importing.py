"""Reading what is offered for storage: DCC XML (any 3.x) or a PDF twin carrying it as ``dcc.xml``.

Everything is checked before anything is stored: a file that is not a usable DCC (or a PDF without one) raises
:class:`UnusableInputError` and leaves no trace. Schema validity and the signature verdict are recorded, not
required: a certificate received from another laboratory is kept as it came.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from coomet_lab.dcc.io.reader import certificate_from_tree, check_root
from coomet_lab.dcc.model import Certificate
from coomet_lab.dcc.model.binding import DS_NS
from coomet_lab.dcc.validation.validate import validate_tree
from coomet_lab.kernel.errors import SchemaStoreError, UnusableInputError
from coomet_lab.kernel.xmlsafe import parse_bytes
from coomet_lab.repository.indexing import IndexFields, index_fields

SIGNATURE_TAG = f"{{{DS_NS}}}Signature"
TWIN_ATTACHMENT = "dcc.xml"
PDF_MAGIC = b"%PDF-"

SignatureVerifier = Callable[[bytes], tuple[str, str]]
# (data, source) -> (verdict, detail) for the whole file offered: for a PDF twin its PAdES signature, the embedded
# DCC and the pages (coomet_lab.intake.inspection.file_inspector), never the embedded XML alone.
FileInspector = Callable[[bytes, str], tuple[str, str]]


@dataclass(frozen=True)
class Incoming:
    source: str
    xml: bytes
    pdf: bytes | None
    certificate: Certificate
    fields: IndexFields
    validation: str
    errors: tuple[str, ...]
    signed: bool


def is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(PDF_MAGIC)


def embedded_dcc(pdf: bytes, source: str) -> bytes:
    """The DCC embedded in a PDF twin: the attachment ``dcc.xml``, else the only XML attachment."""
    import pikepdf

    from coomet_lab.twin.limits import MAX_XML_BYTES, check_input_size, guard_qpdf, read_stream

    check_input_size(pdf, source)  # a decompression bomb is refused by name, never inflated (pdf/limits.py)
    guard_qpdf()
    try:
        with pikepdf.open(io.BytesIO(pdf)) as document:
            attachments = document.attachments
            names = list(attachments.keys())
            name = TWIN_ATTACHMENT if TWIN_ATTACHMENT in names else None
            if name is None:
                xml_names = [n for n in names if n.lower().endswith(".xml")]
                name = xml_names[0] if len(xml_names) == 1 else None
            if name is None:
                raise UnusableInputError(f"{source}: the PDF carries no embedded {TWIN_ATTACHMENT} (not a PDF twin)")
            return read_stream(attachments[name].get_file().obj, limit=MAX_XML_BYTES,
                               what=f"{source}: the embedded {name}")
    except pikepdf.PdfError as exc:
        from coomet_lab.twin.limits import diagnose

        diagnose(pdf, source)  # qpdf refused to inflate a stream: name the bomb
        raise UnusableInputError(f"{source}: not a readable PDF ({exc})") from None


def read_incoming(data: bytes, *, source: str, validate: bool = True) -> Incoming:
    """Parse (and validate) a DCC or PDF twin. Raises UnusableInputError for anything that is not one."""
    if not data:
        raise UnusableInputError(f"{source}: the file is empty")
    pdf = data if is_pdf(data) else None
    xml = embedded_dcc(data, source) if pdf is not None else data
    tree = parse_bytes(xml, source=source)
    check_root(tree.getroot(), source)
    validation: str = "not checked"
    errors: tuple[str, ...] = ()
    if validate:
        validation, errors = _validation(tree, source)
    certificate = certificate_from_tree(tree, source)
    if not certificate.unique_identifier:
        raise UnusableInputError(f"{source}: the DCC has no uniqueIdentifier")
    return Incoming(source=source, xml=xml, pdf=pdf, certificate=certificate, fields=index_fields(certificate),
                    validation=validation, errors=errors, signed=is_signed(tree.getroot()))


def _validation(tree: etree._ElementTree, source: str) -> tuple[str, tuple[str, ...]]:
    try:
        report = validate_tree(tree, source=source)
    except SchemaStoreError as exc:
        return f"not checked: {exc}", ()
    errors = tuple(str(f) for f in report.errors())
    if not errors:
        return "valid", ()
    return f"invalid: {len(errors)} error{'s' if len(errors) != 1 else ''}", errors


def is_signed(root: etree._Element) -> bool:
    return any(child.tag == SIGNATURE_TAG for child in root)


def signature_verdict(xml: bytes, signed: bool, verify: SignatureVerifier | None) -> tuple[str, str]:
    """(verdict, detail): the verifier's for a signed file, "not checked" without one, "unsigned" otherwise."""
    if not signed:
        return "unsigned", "the DCC carries no XML signature"
    if verify is None:
        return "not checked", "signed; no signature verifier was given"
    try:
        verdict, detail = verify(xml)
    except Exception as exc:  # noqa: BLE001 (a verifier failure is a verdict, never a lost import)
        return "unverifiable", f"the signature could not be checked: {exc}"
    return str(verdict), str(detail)


def file_verdict(data: bytes, source: str, inspect_file: FileInspector) -> tuple[str, str]:
    """(verdict, detail) of the whole file (a twin: PAdES + embedded DCC + pages); a failing check is a verdict."""
    try:
        verdict, detail = inspect_file(data, source)
    except Exception as exc:  # noqa: BLE001 (an inspector failure is a verdict, never a lost import)
        return "unverifiable", f"the file could not be checked: {exc}"
    return str(verdict), str(detail)
