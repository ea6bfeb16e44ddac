"""The trust policy holds in every path: signing (XAdES, export package, PAdES), anchors, CRLs, key import.

Keys and certificates come from tests/data/attacks/trust/pki (test-only, README.md there). A key the policy refuses
is wrapped in a bare duck-typed Signer, so each signing function is proven to refuse it *itself* — not only because
the key-file backend happens to refuse it when it is opened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from coomet_lab.trust import SigningError, TrustStore, TrustStoreError, verify_xml
from coomet_lab.trust import keys as pki
from coomet_lab.trust.signers import ECDSA_SHA256_URI, RSA_SHA256_URI, SHA256_URI, FileSigner

from tests.helpers import run_cli

ATTACKS = Path(__file__).resolve().parents[1] / "data" / "attacks" / "trust"
PKI = ATTACKS / "pki"
PASSPHRASE = "attack passphrase 1"
REFUSED = {"expired": "expired on 2026-03-01", "ca": "is a CA certificate",
           "no-digital-signature": "does not allow digital signatures", "serverauth": "not for signing documents"}


class BareSigner:
    """A Signer over a key file with no checks at all (what a third-party backend might be)."""

    digest_method = SHA256_URI

    def __init__(self, name: str):
        bundle = pki.load_pkcs12(PKI / f"signer-{name}.p12", PASSPHRASE)
        self._key, self.certificate, self.chain = bundle.key, bundle.certificate, bundle.chain
        ec_key = isinstance(self._key, ec.EllipticCurvePrivateKey)
        self.key_type, self.signature_method = ("ec", ECDSA_SHA256_URI) if ec_key else ("rsa", RSA_SHA256_URI)

    def digest(self, data: bytes) -> bytes:
        import hashlib

        return hashlib.sha256(data).digest()

    def sign(self, signed_info: bytes) -> bytes:
        if self.key_type == "rsa":
            return self._key.sign(signed_info, padding.PKCS1v15(), hashes.SHA256())
        r, s = decode_dss_signature(self._key.sign(signed_info, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")

    def private_key(self):  # noqa: ANN201
        return self._key

    def close(self) -> None:
        pass


def _certificate(name: str) -> x509.Certificate:
    return pki.load_pkcs12(PKI / f"signer-{name}.p12", PASSPHRASE).certificate


def _root_store(folder: Path) -> TrustStore:
    store = TrustStore(folder)
    store.add((PKI / "root-ca.pem").read_bytes(), "root-ca.pem")
    return store


# ------------------------------------------------------------------------ 1. every signing path refuses


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_sign_tree_itself_refuses_a_key_that_may_not_sign(name):
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.xades import sign_tree

    tree = parse_bytes((PKI / "dcc-unsigned.xml").read_bytes())
    with pytest.raises(SigningError, match=REFUSED[name]):
        sign_tree(tree, BareSigner(name))
    assert tree.getroot().find("{http://www.w3.org/2000/09/xmldsig#}Signature") is None


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_sign_xml_refuses_a_key_that_may_not_sign(name, tmp_path):
    from coomet_lab.trust import sign_xml

    with pytest.raises(SigningError, match=REFUSED[name]):
        sign_xml((PKI / "dcc-unsigned.xml").read_bytes(), BareSigner(name), trust=_root_store(tmp_path))


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_an_export_package_is_not_signed_with_a_key_that_may_not_sign(name):
    from coomet_lab.registers.package import PackageEntry, build_package

    entries = [PackageEntry("certificates/a.xml", b"<a/>", "dcc", "A")]
    with pytest.raises(SigningError, match=REFUSED[name]):
        build_package(entries, signer=BareSigner(name), created=dt.datetime.now(dt.timezone.utc), made_by="x")


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_pdf_is_not_signed_with_a_key_that_may_not_sign(name):
    from coomet_lab.twin.pades import sign_pdf

    with pytest.raises(SigningError, match=REFUSED[name]):
        sign_pdf(b"%PDF-1.7\n", BareSigner(name))


@pytest.mark.parametrize("name", ["ca", "no-digital-signature", "serverauth"])
def test_the_key_file_backend_refuses_to_open_a_key_that_may_never_sign(name):
    from coomet_lab.trust import KeyError_

    with pytest.raises(KeyError_, match=REFUSED[name]):
        FileSigner(PKI / f"signer-{name}.p12", PASSPHRASE)


def test_a_package_is_not_signed_with_a_key_revoked_by_an_imported_crl(test_pki, app_home):
    from coomet_lab.registers.package import PackageEntry, build_package

    store = TrustStore()
    store.add(test_pki.ca_pem.read_bytes())
    store.add_crl(test_pki.crl.read_bytes())
    entries = [PackageEntry("certificates/a.xml", b"<a/>", "dcc", "A")]
    with pytest.raises(SigningError, match="was revoked"):
        build_package(entries, signer=test_pki.signer("revoked"), created=dt.datetime.now(dt.timezone.utc),
                      made_by="x")


def test_export_package_command_refuses_an_expired_key_and_writes_nothing(app_home, tmp_path, monkeypatch):
    from coomet_lab.repository import Repository

    from tests.repo_support import issue_new, register_standards

    with Repository.open() as repo:
        register_standards(repo)
        issue_new(repo, "UT-2026-00417", pdf=True)
    monkeypatch.setenv("ATTACK_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "out"
    code, _, err = run_cli("export", "package", "-o", out, "--key", PKI / "signer-expired.p12",
                           "--passphrase-env", "ATTACK_PASSPHRASE")
    assert code == 2 and "expired on 2026-03-01" in err and "unexpected" not in err, err
    assert not out.exists() or not any(out.iterdir())
    with Repository.open() as repo:
        assert repo.outbox.jobs() == []


# ------------------------------------------------------------------------ 2. CRLs only move forward


def test_an_older_or_equal_crl_never_replaces_a_newer_one(tmp_path):
    store = _root_store(tmp_path)
    store.add_crl((PKI / "crl-2.crl").read_bytes(), "crl-2.crl")
    with pytest.raises(TrustStoreError, match="older than the one already imported"):
        store.add_crl((ATTACKS / "older-crl.crl").read_bytes(), "older-crl.crl")
    with pytest.raises(TrustStoreError, match="the same as the one already imported"):
        store.add_crl((ATTACKS / "same-crl.crl").read_bytes(), "same-crl.crl")
    root = x509.load_pem_x509_certificate((PKI / "root-ca.pem").read_bytes())
    assert store.crl_for(root).extensions.get_extension_for_class(x509.CRLNumber).value.crl_number == 2


def test_a_revoked_signer_stays_revoked_after_an_older_crl_is_offered(tmp_path, unsigned_dcc, test_pki):
    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust.xades import sign_tree

    folder = tmp_path / "trust"
    store = TrustStore(folder)
    store.add(test_pki.ca_pem.read_bytes())
    store.add_crl(test_pki.crl.read_bytes())
    older = pki.make_crl(test_pki.ca_key, test_pki.ca_certificate, [], number=0)
    from cryptography.hazmat.primitives import serialization

    with pytest.raises(TrustStoreError, match="older than"):
        store.add_crl(older.public_bytes(serialization.Encoding.DER), "older.crl")
    tree = parse_bytes(unsigned_dcc)
    sign_tree(tree, test_pki.signer("revoked"))  # no trust store given: the CRL is not consulted here
    from lxml import etree

    report = verify_xml(etree.tostring(tree), trust=TrustStore(folder))
    assert report.verdict == "intact-untrusted" and "was revoked" in report.summary()


def test_a_crl_not_signed_by_an_anchor_is_refused_and_says_so(tmp_path):
    store = _root_store(tmp_path)
    with pytest.raises(TrustStoreError, match="only CRLs issued by a pinned trust anchor"):
        store.add_crl((ATTACKS / "crl-of-unpinned-ca.crl").read_bytes(), "crl-of-unpinned-ca.crl")


# ------------------------------------------------------------------------ 3. signer policy when verifying


def test_pades_verification_applies_the_signer_policy(signed_dcc, test_pki, tmp_path):
    from coomet_lab.twin import render_twin, verify_pdf

    from tests.core.test_pdf_verify import _forced_signature

    trust = TrustStore.with_files([test_pki.ca_pem, PKI / "root-ca.pem"], folder=tmp_path / "trust")
    forced = _forced_signature(render_twin(signed_dcc, trust=trust), BareSigner("ca"))
    report = verify_pdf(forced, trust=trust)
    assert report.signatures[0].intact and not report.signatures[0].trusted
    assert any("is a CA certificate" in r for r in report.signatures[0].reasons)


def test_the_certificates_we_issue_pass_the_signer_policy(test_pki):
    assert pki.signer_certificate_problems(test_pki.signer("ec").certificate, dt.datetime.now(dt.timezone.utc)) == []
    assert pki.signer_certificate_problems(_certificate("ok")) == []


# ------------------------------------------------------------------------ 4. anchors are CAs, from anywhere


def test_per_call_anchors_must_be_cas():
    leaf = x509.load_pem_x509_certificate((ATTACKS / "leaf-as-anchor.pem").read_bytes())
    with pytest.raises(TrustStoreError, match="not a CA certificate"):
        TrustStore.with_files([ATTACKS / "leaf-as-anchor.pem"])
    with pytest.raises(TrustStoreError, match="not a CA certificate"):
        TrustStore(extra_anchors=[leaf])
    with pytest.raises(TrustStoreError, match="without keyCertSign"):
        TrustStore.with_files([ATTACKS / "ca-without-keycertsign.pem"])


# ------------------------------------------------------------------------ 5./6. list and remove


def test_a_bad_file_in_the_anchor_folder_is_listed_and_removable(app_home):
    assert run_cli("trust", "add", PKI / "root-ca.pem")[0] == 0
    bad = app_home / "trust" / "anchors" / "0badc0ffee.pem"
    bad.write_bytes((ATTACKS / "duplicate-extension.pem").read_bytes())
    code, out, err = run_cli("trust", "list")
    assert code == 0 and "0badc0ffee.pem: UNUSABLE" in out and "Trust Attack Lab Root CA" in out, out + err
    code, out, err = run_cli("trust", "remove", "0badc0ffee")
    assert code == 0 and "0badc0ffee.pem (unreadable)" in out, out + err
    assert not bad.exists() and len(TrustStore().anchors()) == 1


def test_remove_needs_a_real_selector_and_all_for_several(app_home):
    assert run_cli("trust", "add", PKI / "root-ca.pem")[0] == 0
    assert run_cli("trust", "add", PKI / "second-ca.pem")[0] == 0
    code, _, err = run_cli("trust", "remove", "")
    assert code == 2 and "too short" in err and len(TrustStore().anchors()) == 2
    code, _, err = run_cli("trust", "remove", "Trust Attack Lab")
    assert code == 2 and "2 trust anchors match" in err and len(TrustStore().anchors()) == 2
    code, out, _ = run_cli("trust", "remove", "Trust Attack Lab", "--all")
    assert code == 0 and out.count("removed:") == 2 and TrustStore().anchors() == []


# ------------------------------------------------------------------------ 7. XAdES-LT revocation values


def test_a_crl_carried_in_the_signature_revokes_but_never_trusts(tmp_path):
    trust = TrustStore.with_files([PKI / "root-ca.pem"], folder=tmp_path / "trust")
    revoked = verify_xml((ATTACKS / "lt-revoked-in-document.xml").read_bytes(), trust=trust)
    assert revoked.verdict == "intact-untrusted"
    assert "was revoked on 2026-05-01T00:00:00+00:00 (revocation list carried in the signature)" in revoked.summary()
    forged = verify_xml((ATTACKS / "lt-forged-crl-in-document.xml").read_bytes(), trust=trust)
    assert forged.valid and any("is not signed by it" in n for n in forged.signatures[0].notes)
    untrusted = verify_xml((ATTACKS / "lt-revoked-in-document.xml").read_bytes(),
                           trust=TrustStore(tmp_path / "empty"))
    assert untrusted.verdict == "intact-untrusted" and "no trust anchor" in untrusted.summary()


# ------------------------------------------------------------------------ 8. malformed inputs


def test_missing_files_are_a_plain_message(tmp_path):
    for args in (["trust", "add", tmp_path / "none.pem"], ["trust", "add-crl", tmp_path / "none.crl"],
                 ["verify", PKI / "dcc-signed-ok.xml", "--trust", tmp_path / "none.pem"]):
        code, _, err = run_cli(*args)
        assert code == 2 and "cannot read" in err and "unexpected" not in err, err


def test_pkcs12_with_a_huge_mac_iteration_count_is_refused_at_once():
    import time

    started = time.perf_counter()
    with pytest.raises(pki.KeyError_, match="MAC iterations"):
        pki.load_pkcs12(ATTACKS / "mac-iterations-2e31.p12", PASSPHRASE)
    assert time.perf_counter() - started < 5



def test_the_signer_policy_leaves_a_national_algorithm_backend_room():
    """A GOST backend's certificate has a key cryptography cannot read; the usages decide, not the key type
    (anchors and imported key files stay RSA/ECDSA only)."""
    from coomet_lab.trust.anchors import require_may_sign

    gost = x509.load_pem_x509_certificate((ATTACKS / "issued-unknown-key-algorithm.pem").read_bytes())
    require_may_sign(gost, [], None)
    with pytest.raises(TrustStoreError, match="public key algorithm is unknown"):
        TrustStore.with_files([ATTACKS / "unknown-key-algorithm.pem"])
