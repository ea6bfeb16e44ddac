"""Shared test set-up: every test runs in its own temporary application home, offline, with PTB's schemas taken
from ``../shared/schemas/dcc`` (checked against the pins like any schema set)."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COOMET_LAB_SHARED", REPO.parent / "shared")).resolve()
SCHEMAS = SHARED / "schemas" / "dcc"
EXAMPLES = SHARED / "examples" / "dcc"
ARSHIN = SHARED / "schemas" / "arshin"
OWN_EXAMPLES = REPO / "examples"

if not SCHEMAS.is_dir():
    raise RuntimeError(f"the shared reference folder is missing: expected {SCHEMAS} (set COOMET_LAB_SHARED)")

# Nothing a test does may reach the user's own data: with COOMET_LAB_HOME unset (a test that undoes its
# monkeypatch, a child process started with a bare environment) the platform folders point here instead.
_FALLBACK_HOME = Path(tempfile.mkdtemp(prefix="coomet-xdg-"))
atexit.register(shutil.rmtree, _FALLBACK_HOME, True)
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = str(_FALLBACK_HOME / _variable.lower())


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COOMET_LAB_HOME", str(home))
    monkeypatch.setenv("COOMET_LAB_SCHEMAS", str(SCHEMAS))
    # The reconstructed Arshin import schema: every exported file is checked against it before it is written.
    monkeypatch.setenv("COOMET_LAB_ARSHIN_SCHEMAS", str(ARSHIN))
    return home


@pytest.fixture
def example(request: pytest.FixtureRequest) -> Path:
    return EXAMPLES / request.param


def example_path(name: str) -> Path:
    matches = sorted(EXAMPLES.glob(f"{name}*.xml"))
    assert matches, f"no shared example {name}"
    return matches[0]


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory):
    from tests import pki

    return pki.build(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def unsigned_dcc() -> bytes:
    """The thermometer example as DCC 3.3.0 bytes, ready to sign."""
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    return to_bytes(load_document(OWN_EXAMPLES / "thermometer-pt100-ru-en.json"))


# ------------------------------------------------------------------------------------------ PKCS#11 (SoftHSM2)

TOKEN, PIN, SO_PIN = "lab-token", "4711", "12345678"
MODULE_CANDIDATES = ["/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                     "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so", "/usr/local/lib/softhsm/libsofthsm2.so"]


def softhsm_module() -> str:
    module = next((m for m in MODULE_CANDIDATES if Path(m).is_file()), None)
    assert module and shutil.which("softhsm2-util"), (
        "SoftHSM2 (Debian package softhsm2) is needed: scripts/system-deps.sh installs it")
    return module


@pytest.fixture(scope="session")
def token(tmp_path_factory, test_pki) -> str:
    """A SoftHSM2 token with an EC and an RSA key generated on it (sensitive, not extractable) and their
    certificates issued by the test lab CA."""
    import pkcs11
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
    from pkcs11.util.rsa import encode_rsa_public_key

    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    config = folder / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(config)  # read by the module when it is first loaded in this process
    module = softhsm_module()
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN, "--pin", PIN],
                   check=True, capture_output=True)
    token = pkcs11.lib(module).get_token(token_label=TOKEN)
    private = {Attribute.SENSITIVE: True, Attribute.EXTRACTABLE: False, Attribute.SIGN: True}
    with token.open(rw=True, user_pin=PIN) as session:
        params = session.create_domain_parameters(
            KeyType.EC, {Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
        ec_public, _ = params.generate_keypair(store=True, label="signer-ec", id=b"\x01", private_template=private)
        rsa_public, _ = session.generate_keypair(KeyType.RSA, 3072, store=True, label="signer-rsa", id=b"\x02",
                                                 private_template=private)
        for label, public_der in (("signer-ec", encode_ec_public_key(ec_public)),
                                  ("signer-rsa", encode_rsa_public_key(rsa_public))):
            public_key = (serialization.load_der_public_key(public_der) if label.endswith("ec")
                          else serialization.load_der_public_key(_rsa_spki(public_der)))
            from coomet_lab.trust import keys as lab_pki

            certificate = lab_pki.issue_signer_certificate(
                ca_key=test_pki.ca_key, ca_certificate=test_pki.ca_certificate,
                subject=x509.Name.from_rfc4514_string(f"CN=Token {label},O=Test Lab"), public_key=public_key)
            session.create_object({
                Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True, Attribute.LABEL: label,
                Attribute.ID: b"\x01" if label.endswith("ec") else b"\x02",
                Attribute.SUBJECT: certificate.subject.public_bytes(),
                Attribute.VALUE: certificate.public_bytes(serialization.Encoding.DER),
            })
        ca = test_pki.ca_certificate
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "lab-ca", Attribute.SUBJECT: ca.subject.public_bytes(),
            Attribute.VALUE: ca.public_bytes(serialization.Encoding.DER),
        })
    return module


def _rsa_spki(pkcs1_der: bytes) -> bytes:
    """python-pkcs11 encodes an RSA public key as PKCS#1; wrap it in SubjectPublicKeyInfo for cryptography."""
    from asn1crypto import keys

    return keys.PublicKeyInfo({"algorithm": {"algorithm": "rsa"},
                               "public_key": keys.RSAPublicKey.load(pkcs1_der)}).dump()


# ------------------------------------------------------------------------------------------ PDF twin


@contextlib.contextmanager
def offline_env(folder: Path):
    """The environment of a test, for session fixtures (built before the per-test home exists)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COOMET_LAB_HOME", str(folder))
        patch.setenv("COOMET_LAB_SCHEMAS", str(SCHEMAS))
        yield


@pytest.fixture(scope="session")
def lab_trust(test_pki, tmp_path_factory):
    """The test lab CA as the only trust anchor (no CRL imported)."""
    from coomet_lab.trust import TrustStore

    return TrustStore.with_files([test_pki.ca_pem], folder=tmp_path_factory.mktemp("trust"))


@pytest.fixture(scope="session")
def signed_dcc(test_pki, unsigned_dcc, lab_trust, tmp_path_factory) -> bytes:
    """The thermometer example (Russian/English) signed with the test lab's EC key."""
    from coomet_lab.trust import sign_xml

    with offline_env(tmp_path_factory.mktemp("home")):
        return sign_xml(unsigned_dcc, test_pki.signer("ec"), trust=lab_trust)


@pytest.fixture(scope="session")
def signed_twin(test_pki, signed_dcc, lab_trust, tmp_path_factory) -> bytes:
    """Its twin, PAdES-signed with the same key."""
    from coomet_lab.twin import make_twin

    with offline_env(tmp_path_factory.mktemp("home")):
        return make_twin(signed_dcc, signer=test_pki.signer("ec"), trust=lab_trust).pdf


@pytest.fixture(scope="session")
def draft_twin(unsigned_dcc, lab_trust, tmp_path_factory) -> bytes:
    """The twin of the unsigned thermometer DCC (a draft)."""
    from coomet_lab.twin import make_twin

    with offline_env(tmp_path_factory.mktemp("home")):
        return make_twin(unsigned_dcc, trust=lab_trust).pdf
