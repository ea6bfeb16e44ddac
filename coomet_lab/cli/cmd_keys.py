"""``coomet-lab keys`` and ``coomet-lab trust``: a laboratory PKI, CSRs, key import, trust anchors and CRLs."""

from __future__ import annotations

import argparse
from pathlib import Path

from coomet_lab.cli.common import EXIT_OK, print_json


def register(commands: argparse._SubParsersAction) -> None:
    keys = commands.add_parser("keys", help="create or import signing keys")
    sub = keys.add_subparsers(dest="keys_command", metavar="ACTION", required=True)

    init = sub.add_parser("init", help="create a lab root CA and a signer key and certificate for one person")
    init.add_argument("--lab", required=True, help="laboratory name (becomes the CA's name)")
    init.add_argument("--person", required=True, help="the person who will sign")
    init.add_argument("--out", required=True, metavar="DIR")
    init.add_argument("--country", help="two-letter country code for the certificates")
    init.add_argument("--rsa", action="store_true", help="RSA-3072 instead of ECDSA P-256")
    _passphrase_option(init)
    init.set_defaults(handler=cmd_init)

    csr = sub.add_parser("csr", help="a key and a certificate signing request for an outside or national CA")
    csr.add_argument("--person", required=True)
    csr.add_argument("--lab")
    csr.add_argument("--out", required=True, metavar="DIR")
    csr.add_argument("--country")
    csr.add_argument("--rsa", action="store_true")
    _passphrase_option(csr)
    csr.set_defaults(handler=cmd_csr)

    imp = sub.add_parser("import", help="check a PKCS#12 your CA issued, or join the certificate it issued for a "
                                        "CSR with its key")
    imp.add_argument("file", metavar="FILE", help="a .p12/.pfx file, or the issued certificate (PEM, with chain)")
    imp.add_argument("--key", metavar="signer-key.p12", help="the key made with 'keys csr' (for a certificate)")
    imp.add_argument("--out", metavar="signer.p12", help="where to write the signer file (default: the app's keys)")
    _passphrase_option(imp)
    imp.set_defaults(handler=cmd_import)

    show = sub.add_parser("show", help="show the certificate in a key file")
    show.add_argument("file", metavar="FILE.p12")
    _passphrase_option(show)
    show.set_defaults(handler=cmd_show)

    trust = commands.add_parser("trust", help="trust anchors and revocation lists for verification")
    tsub = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = tsub.add_parser("add", help="pin a CA certificate as a trust anchor")
    add.add_argument("certificate", metavar="CA.pem")
    add.set_defaults(handler=cmd_trust_add)
    listing = tsub.add_parser("list", help="list the trust anchors")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_trust_list)
    remove = tsub.add_parser("remove", help="remove an anchor (by fingerprint prefix or a part of its name)")
    remove.add_argument("selector")
    remove.add_argument("--all", action="store_true", help="remove every anchor the selector matches")
    remove.set_defaults(handler=cmd_trust_remove)
    crl = tsub.add_parser("add-crl", help="import a certificate revocation list for offline checks")
    crl.add_argument("crl", metavar="FILE.crl")
    crl.set_defaults(handler=cmd_trust_add_crl)


def _read(path: Path, what: str) -> bytes:
    """A file's bytes, or a plain message (exit 2) when it cannot be read."""
    from coomet_lab.kernel.errors import UnusableInputError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"{path}: cannot read the {what} ({exc.strerror or exc})") from None


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-env", metavar="VAR", help="read the passphrase from this environment variable")


def _passphrase(args: argparse.Namespace, *, new: bool = False) -> str:
    from coomet_lab.trust.secrets import secret_from

    return secret_from(args.passphrase_env, "passphrase for the key file: ", confirm=new)


def cmd_init(args: argparse.Namespace) -> int:
    from coomet_lab.trust import keys as pki

    result = pki.init_lab(lab=args.lab, person=args.person, out=args.out, passphrase=_passphrase(args, new=True),
                          key_type="rsa" if args.rsa else "ec", country=args.country)
    print(f"lab root CA (trust anchor):  {result.ca_certificate_path}")
    print(f"lab CA key (encrypted):      {result.ca_key_path}")
    print(f"signer key + certificate:    {result.signer_path}  ({args.person}, valid until "
          f"{result.signer_certificate.not_valid_after_utc.date()})")
    print(f"revocation list (empty):     {result.crl_path}")
    print(f"next: coomet-lab trust add {result.ca_certificate_path}")
    return EXIT_OK


def cmd_csr(args: argparse.Namespace) -> int:
    from coomet_lab.trust import keys as pki

    key, csr = pki.make_csr(person=args.person, lab=args.lab, out=args.out, passphrase=_passphrase(args, new=True),
                            key_type="rsa" if args.rsa else "ec", country=args.country)
    print(f"key (encrypted): {key}\nrequest:         {csr}  (send this file to your CA)")
    print(f"then: coomet-lab keys import ISSUED.pem --key {key}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.paths import app_home
    from coomet_lab.trust import keys as pki

    source = Path(args.file)
    passphrase = _passphrase(args)
    keys_dir = app_home() / "keys"
    if args.key:
        out = Path(args.out) if args.out else keys_dir / "signer.p12"
        out.parent.mkdir(parents=True, exist_ok=True)
        pki.combine_issued_certificate(key_file=args.key, certificates_pem=_read(source, "certificate file"),
                                       passphrase=passphrase, out=out)
        print(f"signer file written: {out}")
        return EXIT_OK
    bundle = pki.check_imported_pkcs12(source, passphrase)
    out = Path(args.out) if args.out else keys_dir / source.name
    if out.resolve() != source.resolve():
        out.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(out, source.read_bytes())
        out.chmod(0o600)
    certificate = bundle.certificate
    assert certificate is not None, "check_imported_pkcs12 refuses a file without a certificate"
    print(f"imported {certificate.subject.rfc4514_string()} (valid until "
          f"{certificate.not_valid_after_utc.date()}) as {out}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from coomet_lab.trust import keys as pki
    from coomet_lab.trust.anchors import CertInfo

    bundle = pki.load_pkcs12(args.file, _passphrase(args))
    if bundle.certificate is None:
        print("this file holds a key without a certificate (waiting for the CA's answer to a CSR)")
        return EXIT_OK
    info = CertInfo.of(bundle.certificate)
    for label, value in (("subject", info.subject), ("issuer", info.issuer), ("valid from", info.not_before),
                         ("valid until", info.not_after), ("SHA-256", info.fingerprint)):
        print(f"{label:12} {value}")
    return EXIT_OK


def cmd_trust_add(args: argparse.Namespace) -> int:
    from coomet_lab.trust.anchors import TrustStore

    path = Path(args.certificate)
    for info in TrustStore().add(_read(path, "certificate"), str(path)):
        print(f"trusted: {info.subject}  (SHA-256 {info.fingerprint[:16]}…)")
    return EXIT_OK


def cmd_trust_list(args: argparse.Namespace) -> int:
    from coomet_lab.trust.anchors import CertInfo, TrustStore

    pinned = TrustStore().pinned_files()
    infos = [CertInfo.of(c) for f in pinned for c in f.certificates]
    broken = [f for f in pinned if f.problem is not None]
    if args.json:
        print_json([info.__dict__ for info in infos]
                   + [{"file": f.path.name, "problem": f.problem} for f in broken])
    elif not infos and not broken:
        print("no trust anchors (add one with: coomet-lab trust add CA.pem)")
    for info in infos if not args.json else []:
        print(f"{info.fingerprint[:16]}  {info.subject}  (until {info.not_after[:10]})")
    for f in broken if not args.json else []:
        print(f"{f.path.name}: UNUSABLE, not an anchor ({f.problem}); remove it with: "
              f"coomet-lab trust remove {f.path.stem}")
    return EXIT_OK


def cmd_trust_remove(args: argparse.Namespace) -> int:
    from coomet_lab.trust.anchors import TrustStore

    for label in TrustStore().remove(args.selector, every=args.all):
        print(f"removed: {label}")
    return EXIT_OK


def cmd_trust_add_crl(args: argparse.Namespace) -> int:
    from coomet_lab.trust.anchors import TrustStore

    path = Path(args.crl)
    issuer = TrustStore().add_crl(_read(path, "revocation list"), str(path))
    print(f"revocation list of {issuer} imported")
    return EXIT_OK
