"""Errors of the PDF twin (all carry stable codes for the user interface)."""

from __future__ import annotations

from coomet_lab.kernel.errors import CoometLabError, UnusableInputError


class PdfTwinError(CoometLabError):
    """The twin could not be made; nothing was written."""

    code = "pdf.failed"


class FontNotFoundError(PdfTwinError):
    """No usable embedded-font files were found (the PDF must embed every font it uses)."""

    code = "pdf.font_missing"


class MissingGlyphsError(PdfTwinError):
    """The certificate uses characters the fonts cannot draw; they would print as empty boxes."""

    code = "pdf.missing_glyphs"
    template = "the font {font} has no glyph for {characters}; install a font that covers them (see COOMET_LAB_FONTS)"


class TwinRefusedError(PdfTwinError):
    """The DCC cannot be turned into a twin: it is not valid, or its signature does not verify."""

    code = "pdf.refused"
    exit_code = 1  # a check failed (as for an invalid DCC), not unusable input

    def __init__(self, detail: str = "", *, findings: list | None = None, **params) -> None:  # noqa: ANN003
        super().__init__(detail, **params)
        self.findings = list(findings or [])


class UnreadablePdfError(UnusableInputError):
    """The input is not a PDF this application can read."""

    code = "pdf.unreadable"
