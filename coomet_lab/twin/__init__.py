"""The PDF twin: a human-readable calibration certificate, PDF/A-3b, with the signed DCC inside, signed PAdES.

The API the desktop application, the repository and the command line use:

* :func:`render_twin` — the PDF/A-3b twin of a DCC (validated, signature verified, rendered from the verified
  content, the exact bytes embedded as ``dcc.xml``); a DCC without signature gives a DRAFT;
* :func:`make_twin` — the same, and a PAdES B-B signature with a :class:`~coomet_lab.trust.Signer`;
* :func:`make_verified_twin` — the same for a DCC the caller has just signed and verified (its report is passed
  in, so the DCC is not parsed and verified again);
* :func:`sign_pdf` — PAdES-sign a twin;
* :func:`verify_pdf` — all or nothing: the PAdES signature, the embedded DCC's own signature, and the hash printed
  on every page;
* :func:`embedded_dcc` — the DCC bytes inside a twin.

Heavy libraries (reportlab, pikepdf, pyHanko) load only when one of these is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coomet_lab.twin.make import Twin, make_signed_twin, make_twin, make_verified_twin, prepare, render_twin
    from coomet_lab.twin.pades import sign_pdf
    from coomet_lab.twin.twin_check import PdfVerificationReport, embedded_dcc, verify_pdf

_EXPORTS = {
    "render_twin": "coomet_lab.twin.make", "make_twin": "coomet_lab.twin.make", "prepare": "coomet_lab.twin.make",
    "make_verified_twin": "coomet_lab.twin.make", "make_signed_twin": "coomet_lab.twin.make",
    "Twin": "coomet_lab.twin.make", "sign_pdf": "coomet_lab.twin.pades", "verify_pdf": "coomet_lab.twin.twin_check",
    "embedded_dcc": "coomet_lab.twin.twin_check", "PdfVerificationReport": "coomet_lab.twin.twin_check",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'coomet_lab.twin' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


# Written out (not computed from _EXPORTS) so linters see the re-exports; keep the two in step.
__all__ = ["PdfVerificationReport", "Twin", "embedded_dcc", "make_signed_twin", "make_twin", "make_verified_twin",
           "prepare", "render_twin", "sign_pdf", "verify_pdf"]
