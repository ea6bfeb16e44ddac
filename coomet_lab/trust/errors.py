"""Errors of the signing subsystem (all carry stable codes for the user interface)."""

from __future__ import annotations

from coomet_lab.kernel.errors import CoometLabError, UnusableInputError


class SigningError(CoometLabError):
    """Signing was refused or failed; nothing was written."""

    code = "signing.failed"


class KeyError_(CoometLabError):
    """A key or certificate could not be created, opened or used (wrong passphrase, wrong token, no key)."""

    code = "signing.key"


class WrongSecretError(KeyError_):
    code = "signing.wrong_secret"


class TrustStoreError(CoometLabError):
    code = "signing.trust_store"


class UnreadableSignatureInput(UnusableInputError):
    code = "signing.unreadable"
