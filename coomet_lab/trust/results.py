"""Typed, frozen results handed from one stage of issuing to the next (sign → twin → store).

Issuing used to pass bare bytes between stages, so every stage parsed, validated and verified again what the
stage before had just proved: one issue ran 8 XML parses, 3 XSD runs and 4 signature verifications. A
:class:`SignedDocument` carries what signing proved — the exact signed bytes, the tree they were parsed from for
the self-check, the verification report of that self-check, the identifier and the signer's fingerprint — so the
twin and the repository take it as proven instead of proving it again.

Only the signing code makes one (:func:`coomet_lab.trust.sign_document`): the constructor refuses to run
outside the module's private factory (``dataclasses.replace`` included), so outside code cannot build a "signed"
document by accident (for example from bytes it never verified). Bytes from outside go through
:func:`coomet_lab.intake.inspection.inspect`.
"""

from __future__ import annotations

import copy
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from coomet_lab.trust.signature_check import VerificationReport

if TYPE_CHECKING:
    from coomet_lab.dcc.model import Certificate

_MAKING: ContextVar[bool] = ContextVar("coomet_lab_signing_making", default=False)  # set by _make only


@dataclass(frozen=True)
class SignedDocument:
    """A DCC signed here, checked at once: ``xml`` are the exact bytes that verified (``report``)."""

    xml: bytes = field(repr=False)
    identifier: str
    report: VerificationReport = field(repr=False)
    signer_fingerprint: str  # SHA-256 of the signer certificate (hex)
    sha256: str
    source: str = "input"
    _tree: etree._ElementTree | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Checked on every construction, dataclasses.replace() included: a copy with other bytes is no proof.
        if not _MAKING.get():
            raise TypeError("a SignedDocument is made only by coomet_lab.trust.sign_document; "
                            "verify outside bytes with coomet_lab.intake.inspection.inspect instead")
        if self._tree is None:
            raise TypeError("a SignedDocument needs the tree its self-check verified")

    @property
    def verdict(self) -> str:
        return self.report.verdict

    def __reduce__(self):  # noqa: ANN204
        """Across a process boundary (a batch's signing workers → its one writer): the bytes and the report travel,
        the tree is parsed again on arrival (one parse; no XSD run, no verification: the worker proved them)."""
        return _restore, (self.xml, self.report, self.signer_fingerprint, self.source)

    def tree(self) -> etree._ElementTree:
        """A copy of the parsed signed document (no re-parse; a copy, so nobody changes what was verified)."""
        return copy.deepcopy(self._tree)

    def certificate(self) -> Certificate:
        """The certificate model read from the verified tree (a new object on each call: callers may change it)."""
        from coomet_lab.dcc.io.reader import certificate_from_tree

        return certificate_from_tree(self._tree, f"{self.source} (signed)")


def _make(xml: bytes, tree: etree._ElementTree, report: VerificationReport, *, signer_fingerprint: str,
          source: str) -> SignedDocument:
    """The signing code's factory (the only caller that holds the seal)."""
    import hashlib

    from coomet_lab.dcc.model.binding import DCC_NS

    found = tree.getroot().find(f"{{{DCC_NS}}}administrativeData/{{{DCC_NS}}}coreData/{{{DCC_NS}}}uniqueIdentifier")
    identifier = "".join(found.itertext()).strip() if found is not None else ""
    token = _MAKING.set(True)
    try:
        return SignedDocument(xml, identifier, report, signer_fingerprint, hashlib.sha256(xml).hexdigest(), source,
                              _tree=tree)
    finally:
        _MAKING.reset(token)


def _restore(xml: bytes, report: VerificationReport, signer_fingerprint: str, source: str) -> SignedDocument:
    """Unpickling (see ``SignedDocument.__reduce__``)."""
    from coomet_lab.kernel.xmlsafe import parse_bytes

    return _make(xml, parse_bytes(xml, large=True, source=source), report, signer_fingerprint=signer_fingerprint,
                 source=source)


__all__ = ["SignedDocument"]
