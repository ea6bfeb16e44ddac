"""Making the twin: validate the DCC, verify its signature, render from the verified content, embed the exact
bytes, PDF/A-3b, and (optionally) a PAdES signature with the same keys that sign the XML."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from coomet_lab.dcc.model import Certificate
from coomet_lab.trust import SignedDocument, Signer, TrustStore, VerificationReport
from coomet_lab.twin.errors import PdfTwinError, TwinRefusedError
from coomet_lab.twin.fonts import FontSet, resolve_fonts


@dataclass
class Prepared:
    """A DCC ready to render: the model read from what was verified (signed) or from the file (draft)."""

    xml: bytes
    certificate: Certificate
    verification: VerificationReport
    draft: bool


@dataclass
class Twin:
    """A finished twin and what a caller reports about it."""

    pdf: bytes
    identifier: str
    sha256: str
    pages: int
    draft: bool
    pades_signed: bool
    hidden: list[str]


def prepare(xml: bytes, *, trust: TrustStore | None = None, large: bool = False, source: str = "input") -> Prepared:
    """Refuse an invalid DCC (with the findings) or one whose signatures do not verify; a DCC without any
    signature becomes a draft."""
    from coomet_lab.dcc.io.reader import read_certificate_bytes
    from coomet_lab.dcc.validation.validate import validate_bytes
    from coomet_lab.trust import verify_xml

    report = validate_bytes(xml, source=source, large=large)
    if not report.valid:
        errors = report.errors()
        shown = "; ".join(str(f) for f in errors[:3]) + (f" (and {len(errors) - 3} more)" if len(errors) > 3 else "")
        raise TwinRefusedError(f"{source} is not a valid DCC, so no twin is made: {shown}", findings=errors)
    verification = verify_xml(xml, trust=trust or TrustStore(), large=large, source=source)
    if verification.verdict == "unsigned":
        certificate = read_certificate_bytes(xml, large=large, source=source)
        return Prepared(xml, certificate, verification, draft=True)
    return prepared_from(xml, verification, source=source)


def prepared_from(xml: bytes, verification: VerificationReport, *, certificate: Certificate | None = None,
                  source: str = "input") -> Prepared:
    """A signed DCC ready to render from a verification the caller already made (no second parse or verify).

    ``verification`` must be :func:`~coomet_lab.trust.verify_xml`'s report on exactly ``xml``; the pages show
    its verified content (``certificate``, when the caller already read it from ``verification.certificate()``).
    Anything but a valid verdict is refused, as :func:`prepare` refuses it."""
    if not verification.valid:
        raise TwinRefusedError(f"the signature of {source} does not verify ({verification.verdict}), so no twin is "
                               f"made: {verification.summary()}")
    if certificate is None:
        certificate = verification.certificate()
    if certificate is None:  # several signatures over different content: nothing single to show
        raise TwinRefusedError(f"the signatures of {source} do not cover the same content, so no twin is made")
    return Prepared(xml, certificate, verification, draft=False)


def render_twin(xml: bytes, *, trust: TrustStore | None = None, fonts: FontSet | None = None, large: bool = False,
                source: str = "input", producer: str | None = None) -> bytes:
    """The PDF/A-3b twin of a DCC (not PAdES-signed): pages rendered from the verified content, ``dcc.xml`` inside."""
    return _render(prepare(xml, trust=trust, large=large, source=source), fonts=fonts, producer=producer).pdf


def make_twin(xml: bytes, *, signer: Signer | None = None, trust: TrustStore | None = None,
              fonts: FontSet | None = None, large: bool = False, source: str = "input",
              reason: str | None = None, location: str | None = None) -> Twin:
    """Render the twin and, with a ``signer``, sign it as PAdES B-B (after the same pre-flight as the XML)."""
    prepared = prepare(xml, trust=trust, large=large, source=source)
    return twin_of(prepared, signer=signer, trust=trust, fonts=fonts, source=source, reason=reason,
                   location=location)


def make_verified_twin(xml: bytes, verification: VerificationReport, *, certificate: Certificate | None = None,
                       signer: Signer | None = None, trust: TrustStore | None = None, fonts: FontSet | None = None,
                       source: str = "input", reason: str | None = None, location: str | None = None) -> Twin:
    """:func:`make_twin` for a caller that has just validated, signed and verified ``xml`` itself (issuing):
    ``verification`` is :func:`~coomet_lab.trust.verify_xml`'s report on exactly these bytes, so the DCC is not
    parsed, validated and verified a second time. Same refusals for a verdict other than valid."""
    prepared = prepared_from(xml, verification, certificate=certificate, source=source)
    return twin_of(prepared, signer=signer, trust=trust, fonts=fonts, source=source, reason=reason,
                   location=location)


def twin_of(prepared: Prepared, *, signer: Signer | None = None, trust: TrustStore | None = None,
            fonts: FontSet | None = None, source: str = "input", reason: str | None = None,
            location: str | None = None) -> Twin:
    """Render a prepared DCC and, with a ``signer``, PAdES-sign it (through :func:`~coomet_lab.twin.pades.sign_pdf`,
    so its checks apply whichever entry was used)."""
    if signer is not None and prepared.draft:
        raise PdfTwinError(f"{source} is not signed: its twin is a draft and is not signed as a PDF either. "
                           "Sign the DCC first ('coomet-lab sign'), then make its twin")
    from coomet_lab.twin.pades import sign_pdf, vendor

    twin = _render(prepared, fonts=fonts, producer=vendor() if signer is not None else None)
    if signer is not None:
        identifier = twin.identifier
        twin.pdf = sign_pdf(twin.pdf, signer, trust=trust, reason=reason or f"Calibration certificate {identifier}",
                            location=location)
        twin.pades_signed = True
    return twin


def make_signed_twin(signed: SignedDocument, *, signer: Signer | None = None, trust: TrustStore | None = None,
                     fonts: FontSet | None = None, reason: str | None = None, location: str | None = None) -> Twin:
    """The twin of a document just signed here (:func:`coomet_lab.trust.sign_document`): rendered from the
    model of the tree signing verified, with that verification, so nothing is parsed, validated or verified
    again (``make_twin`` does all three for bytes it is given). PAdES-signed with a ``signer``."""
    source = signed.source
    if not signed.report.valid:  # the rule of prepare(): no twin of a signature that is not valid here
        raise TwinRefusedError(f"the signature of {source} does not verify ({signed.report.verdict}), so no twin is "
                               f"made: {signed.report.summary()}")
    if signed.report.verified_xml is None:
        raise TwinRefusedError(f"the signatures of {source} do not cover the same content, so no twin is made")
    prepared = Prepared(signed.xml, signed.certificate(), signed.report, draft=False)
    from coomet_lab.twin.pades import sign_pdf, vendor

    twin = _render(prepared, fonts=fonts, producer=vendor() if signer is not None else None)
    if signer is not None:
        twin.pdf = sign_pdf(twin.pdf, signer, trust=trust, reason=reason or f"Calibration certificate "
                            f"{twin.identifier}", location=location)
        twin.pades_signed = True
    return twin


def _render(prepared: Prepared, *, fonts: FontSet | None, producer: str | None) -> Twin:
    from coomet_lab import __version__
    from coomet_lab.twin import pdfa
    from coomet_lab.twin.render import render_pages

    sha256 = hashlib.sha256(prepared.xml).hexdigest()
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    rendered = render_pages(prepared.certificate, sha256=sha256, draft=prepared.draft, fonts=fonts or resolve_fonts(),
                            signatures=prepared.verification.signatures, verified_at=now)
    pdf = pdfa.finish(rendered.pdf, xml=prepared.xml, producer=producer or f"COOMET Lab {__version__}", when=now)
    identifier = prepared.certificate.unique_identifier or ""
    return Twin(pdf, identifier, sha256, rendered.pages, prepared.draft, False, rendered.hidden)
