"""Signing backends: where the private key lives and which algorithm it signs with.

The XAdES builder only ever asks a :class:`Signer` for its certificate chain, the XML-DSig algorithm URIs, a digest
and a signature over canonical SignedInfo bytes. A key file (encrypted PKCS#12) and a PKCS#11 token or smart card
are built in. A national algorithm (GOST R 34.10-2012 with Streebog in Russia) is added by registering another
backend with :func:`register_backend`; callers do not change (docs/signing.md shows how).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast, runtime_checkable

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from coomet_lab.trust.errors import KeyError_, WrongSecretError
from coomet_lab.trust.keys import PrivateKey, load_pkcs12, require_signing_usage

if TYPE_CHECKING:
    from pkcs11.types import SignMixin

DS = "http://www.w3.org/2000/09/xmldsig#"
SHA256_URI = "http://www.w3.org/2001/04/xmlenc#sha256"
ECDSA_SHA256_URI = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"
RSA_SHA256_URI = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"


@runtime_checkable
class Signer(Protocol):
    """What the XML and PDF signers need from a key, wherever it lives."""

    certificate: x509.Certificate
    chain: list[x509.Certificate]
    signature_method: str  # XML-DSig SignatureMethod URI
    digest_method: str  # XML-DSig DigestMethod URI
    key_type: str  # "ec", "rsa" (or a backend's own, such as "gost2012")

    def digest(self, data: bytes) -> bytes: ...

    def sign(self, signed_info: bytes) -> bytes:
        """The SignatureValue bytes over canonical SignedInfo (for ECDSA: r‖s, as XML-DSig wants it)."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class KeyFile:
    """A key in an encrypted PKCS#12 file."""

    path: Path


@dataclass(frozen=True)
class TokenKey:
    """A key on a PKCS#11 token or smart card (never leaves the device)."""

    module: str
    token_label: str
    key_label: str


KeySource = KeyFile | TokenKey


def _sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


class FileSigner:
    """A key loaded from an encrypted PKCS#12 file; the key stays in memory only while signing."""

    digest_method = SHA256_URI

    def __init__(self, path: str | os.PathLike[str], passphrase: str):
        bundle = load_pkcs12(path, passphrase)
        if bundle.certificate is None:
            raise KeyError_(f"{path} holds a key but no certificate; import the certificate first")
        require_signing_usage(bundle.certificate)
        key = bundle.key
        self.certificate = bundle.certificate
        self.chain = bundle.chain
        if isinstance(key, ec.EllipticCurvePrivateKey):
            self.key_type, self.signature_method = "ec", ECDSA_SHA256_URI
        elif isinstance(key, rsa.RSAPrivateKey):
            self.key_type, self.signature_method = "rsa", RSA_SHA256_URI
        else:
            raise KeyError_(f"{path}: unsupported key type {type(key).__name__}")
        self._key: PrivateKey | None = key

    def digest(self, data: bytes) -> bytes:
        return _sha256(data)

    def sign(self, signed_info: bytes) -> bytes:
        if self._key is None:
            raise KeyError_("this key was already closed")
        if isinstance(self._key, ec.EllipticCurvePrivateKey):
            der = self._key.sign(signed_info, ec.ECDSA(hashes.SHA256()))
            return _raw_ecdsa(der, self._key.curve.key_size)
        return self._key.sign(signed_info, padding.PKCS1v15(), hashes.SHA256())

    def private_key(self):  # noqa: ANN201 (for pyHanko's SimpleSigner in the PDF twin)
        return self._key

    def close(self) -> None:
        self._key = None  # drop the only reference; the key is never written anywhere


def _raw_ecdsa(der: bytes, key_bits: int) -> bytes:
    r, s = decode_dss_signature(der)
    size = (key_bits + 7) // 8
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


class Pkcs11Signer:
    """A non-extractable key on a PKCS#11 token (SoftHSM2, smart cards, USB tokens) via python-pkcs11."""

    digest_method = SHA256_URI

    def __init__(self, source: TokenKey, pin: str):
        import pkcs11
        from pkcs11 import Attribute, KeyType, ObjectClass

        try:
            self._lib = pkcs11.lib(source.module)
        except (RuntimeError, OSError) as exc:
            raise KeyError_(f"cannot load the PKCS#11 module {source.module}: {exc}") from None
        try:
            token = self._lib.get_token(token_label=source.token_label)
        except (pkcs11.NoSuchToken, pkcs11.MultipleTokensReturned) as exc:
            raise KeyError_(f"no single token labelled {source.token_label!r} ({type(exc).__name__})") from None
        try:
            self._session = token.open(user_pin=pin)
        except pkcs11.PinIncorrect:
            raise WrongSecretError(f"wrong PIN for token {source.token_label!r}") from None
        except pkcs11.PinLocked:
            raise KeyError_(f"the PIN of token {source.token_label!r} is locked") from None
        try:
            key = self._session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=source.key_label)
        except (pkcs11.NoSuchKey, pkcs11.MultipleObjectsReturned) as exc:
            self._session.close()
            raise KeyError_(f"no single private key labelled {source.key_label!r} ({type(exc).__name__})") from None
        # python-pkcs11 types get_key as any Key; a private key object it returns can sign.
        self._key = cast("SignMixin", key)
        self.certificate, self.chain = self._certificates(source.key_label)
        require_signing_usage(self.certificate)
        key_type = self._key.key_type
        if key_type == KeyType.EC:
            self.key_type, self.signature_method = "ec", ECDSA_SHA256_URI
        elif key_type == KeyType.RSA:
            self.key_type, self.signature_method = "rsa", RSA_SHA256_URI
        else:
            raise KeyError_(f"unsupported key type on the token: {key_type}")
        self._attribute = Attribute

    def _certificates(self, label: str) -> tuple[x509.Certificate, list[x509.Certificate]]:
        from pkcs11 import Attribute, ObjectClass

        found = [
            x509.load_der_x509_certificate(obj[Attribute.VALUE])
            for obj in self._session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})
        ]
        by_label = [
            x509.load_der_x509_certificate(obj[Attribute.VALUE])
            for obj in self._session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.LABEL: label})
        ]
        if not by_label:
            raise KeyError_(f"the token holds no certificate labelled {label!r} for the key")
        leaf = by_label[0]
        chain = [c for c in found if c != leaf and c.subject == leaf.issuer]
        return leaf, chain

    def digest(self, data: bytes) -> bytes:
        return _sha256(data)

    def sign(self, signed_info: bytes) -> bytes:
        from pkcs11 import Mechanism

        if self.key_type == "ec":
            # SoftHSM2 and many cards lack CKM_ECDSA_SHA256: hash here, sign the digest raw; the token answers r‖s.
            return bytes(self._key.sign(_sha256(signed_info), mechanism=Mechanism.ECDSA))
        return bytes(self._key.sign(signed_info, mechanism=Mechanism.SHA256_RSA_PKCS))

    def close(self) -> None:
        session = vars(self).pop("_session", None)  # gone with the attribute: a second close finds none
        if session is not None:
            session.close()


BackendFactory = Callable[[KeySource, str], Signer]
_BACKENDS: dict[type, BackendFactory] = {
    KeyFile: lambda source, secret: FileSigner(source.path, secret),  # type: ignore[union-attr]
    TokenKey: lambda source, secret: Pkcs11Signer(source, secret),  # type: ignore[arg-type]
}


def register_backend(source_type: type, factory: BackendFactory) -> None:
    """Add a way to sign (for example a GOST token via PyKCS11 or CryptoPro) without changing any caller."""
    _BACKENDS[source_type] = factory


def open_signer(source: KeySource, secret: str) -> Signer:
    """Unlock a key with its passphrase or PIN. Close the signer when done (it is a context manager too)."""
    factory = _BACKENDS.get(type(source))
    if factory is None:
        raise KeyError_(f"no signing backend for {type(source).__name__}")
    return factory(source, secret)
