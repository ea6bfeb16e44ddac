"""Passphrases and PINs: from a named environment variable (automation) or typed at a prompt, never from a file.

The operating system's keyring may remember a passphrase for a key file when the user asks for it; a key itself is
never put anywhere but its encrypted file or its token. Headless machines have no keyring: that is not an error.
"""

from __future__ import annotations

import getpass
import os
import sys

from coomet_lab.trust.errors import KeyError_

KEYRING_SERVICE = "coomet-lab"


def secret_from(env_var: str | None, prompt: str, *, confirm: bool = False, remember_as: str | None = None) -> str:
    """The secret in ``env_var``; else one remembered in the keyring for ``remember_as``; else typed at a prompt."""
    if env_var:
        value = os.environ.get(env_var)
        if value is None:
            raise KeyError_(f"the environment variable {env_var} is not set")
        return value
    if remember_as:
        remembered = recall(remember_as)
        if remembered is not None:
            return remembered
    if not sys.stdin or not sys.stdin.isatty():
        raise KeyError_(f"{prompt.rstrip(': ')} is needed: run in a terminal, or name an environment variable "
                        "with --passphrase-env / --pin-env")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("again: ") != value:
        raise KeyError_("the two entries differ")
    return value


def remember(name: str, secret: str) -> bool:
    """Keep a passphrase in the OS keyring; False when there is no keyring (CI, containers, headless Linux)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(KEYRING_SERVICE, name, secret)
        return True
    except (ImportError, KeyringError, RuntimeError):
        return False


def recall(name: str) -> str | None:
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(KEYRING_SERVICE, name)
    except (ImportError, KeyringError, RuntimeError):
        return None
