"""Regenerate the forged PDF twins of the ``stages`` area (run from the repository root):

    python tests/data/attacks/stages/make_attacks.py

Uses the committed test PKI in ``pki/`` (made on the first run; see README.md), the thermometer example as the
certificate, the application's own signing, twin and PAdES code, and pikepdf for the forgeries
(``tests/twin_forgery.py``). ECDSA signatures and timestamps differ from run to run; the verdicts do not.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO))
PASSPHRASE = "stages attack test key"  # a throw-away test key, committed on purpose


def _pki() -> None:
    from cryptography.hazmat.primitives import serialization

    from coomet_lab.trust import keys as pki

    from tests.pki import subject

    folder = HERE / "pki"
    if (folder / "lab-ca.pem").exists():
        return
    folder.mkdir(exist_ok=True)
    for name, lab in (("lab", "Stages Test Lab"), ("impostor", "Stages Test Lab")):  # same name, other key
        ca_key, ca = pki.make_ca(lab, years=20)
        key = pki.new_key("ec")
        certificate = pki.issue_signer_certificate(ca_key=ca_key, ca_certificate=ca, subject=subject("Signer ec"),
                                                   public_key=key.public_key(), years=20)
        (folder / f"{name}-ca.pem").write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        (folder / f"{name}-signer.p12").write_bytes(pki.pkcs12_bytes(name, key, certificate, [ca], PASSPHRASE))


def main() -> None:
    os.environ.setdefault("COOMET_LAB_HOME", tempfile.mkdtemp())
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "dcc"))
    _pki()
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import KeyFile, TrustStore, open_signer, sign_document
    from coomet_lab.twin.make import make_signed_twin

    from tests.twin_forgery import forge_page_text, resign, swap_pages

    trust = TrustStore.with_files([HERE / "pki" / "lab-ca.pem"], folder=Path(tempfile.mkdtemp()))
    signer = open_signer(KeyFile(HERE / "pki" / "lab-signer.p12"), PASSPHRASE)
    impostor = open_signer(KeyFile(HERE / "pki" / "impostor-signer.p12"), PASSPHRASE)
    certificate = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
    signed = sign_document(to_bytes(certificate), signer, trust=trust,
                           when=dt.datetime(2026, 5, 4, 9, 0, tzinfo=dt.timezone.utc))
    twin = make_signed_twin(signed, signer=signer, trust=trust).pdf
    files = {
        "signed.xml": signed.xml,
        "genuine-twin.pdf": twin,
        "forged-page-text.pdf": forge_page_text(twin),
        "swapped-pages.pdf": swap_pages(twin),
        "impostor-pades.pdf": resign(twin, impostor),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data):,} bytes")


if __name__ == "__main__":
    main()
