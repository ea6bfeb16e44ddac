"""``coomet-lab sign`` and ``coomet-lab verify``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json


def register(commands: argparse._SubParsersAction) -> None:
    sign = commands.add_parser("sign", help="sign a DCC (XAdES-BES) with a key file or a token")
    sign.add_argument("input", metavar="IN.xml")
    sign.add_argument("-o", "--output", required=True, metavar="OUT.xml")
    add_key_options(sign)
    sign.add_argument("--role", choices=["performer", "approver"],
                      help="the signer's role; 'performer' leaves room for the approver's signature")
    sign.add_argument("--upgrade", action="store_true", help="upgrade an older DCC to 3.3.0 before signing")
    sign.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    sign.add_argument("--large", action="store_true", help="allow files over 64 MB / text nodes over 10 MB")
    sign.set_defaults(handler=cmd_sign)

    verify = commands.add_parser("verify", help="verify the signatures of a DCC (or a PDF twin)")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--large", action="store_true")
    verify.set_defaults(handler=cmd_verify)


def add_key_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key", metavar="signer.p12", help="key file (encrypted PKCS#12)")
    parser.add_argument("--passphrase-env", metavar="VAR", help="read the key file's passphrase from this variable")
    parser.add_argument("--pkcs11", metavar="MODULE", help="PKCS#11 module of a token or smart card")
    parser.add_argument("--token", metavar="LABEL", help="token label")
    parser.add_argument("--key-label", metavar="LABEL", help="label of the key on the token")
    parser.add_argument("--pin-env", metavar="VAR", help="read the token PIN from this variable")
    parser.add_argument("--remember", action="store_true",
                        help="keep the key file's passphrase in the operating system's keyring (never the key)")


def open_signer_from(args: argparse.Namespace):  # noqa: ANN201
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import KeyFile, TokenKey, open_signer
    from coomet_lab.trust.secrets import remember, secret_from

    if args.key and args.pkcs11:
        raise UnusableInputError("choose a key file (--key) or a token (--pkcs11), not both")
    if args.key:
        name = str(Path(args.key).resolve())
        secret = secret_from(args.passphrase_env, "passphrase for the key file: ", remember_as=name)
        signer = open_signer(KeyFile(Path(args.key)), secret)
        if getattr(args, "remember", False) and not remember(name, secret):
            print("note: no keyring is available here; the passphrase was not remembered", file=sys.stderr)
        return signer
    if args.pkcs11:
        if not (args.token and args.key_label):
            raise UnusableInputError("a token needs --token LABEL and --key-label LABEL")
        pin = secret_from(args.pin_env, "token PIN: ")
        return open_signer(TokenKey(args.pkcs11, args.token, args.key_label), pin)
    raise UnusableInputError("name the key: --key signer.p12, or --pkcs11 MODULE --token LABEL --key-label LABEL")


def cmd_sign(args: argparse.Namespace) -> int:
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import TrustStore, sign_xml

    path = Path(args.input)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    if args.upgrade:
        data = _upgraded(data, str(path), args.large)
    trust = TrustStore.with_files(args.trust)
    signer = open_signer_from(args)
    try:
        signed = sign_xml(data, signer, role=args.role, trust=trust, large=args.large, source=str(path))
    finally:
        signer.close()
    write_bytes_atomic(args.output, signed)
    print(f"signed {path} -> {args.output} as {signer.certificate.subject.rfc4514_string()}"
          f"{f' ({args.role})' if args.role else ''}")
    return EXIT_OK


def _upgraded(data: bytes, source: str, large: bool) -> bytes:
    from coomet_lab.dcc.io.writer import serialize
    from coomet_lab.dcc.upgrade import upgrade_tree
    from coomet_lab.kernel.xmlsafe import parse_bytes

    result = upgrade_tree(parse_bytes(data, large=large, source=source), source=source)
    if result.from_version != "3.3.0":
        print(f"upgraded DCC {result.from_version} to 3.3.0 before signing", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    return serialize(result.element)


def cmd_verify(args: argparse.Namespace) -> int:
    """Through :func:`coomet_lab.intake.inspection.inspect`, the door ``repo import`` and the desktop use too."""
    from coomet_lab.intake.inspection import PACKAGE, PDF_TWIN, inspect
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import TrustStore

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    result = inspect(data, trust=TrustStore.with_files(args.trust), source=str(path), large=args.large)
    if args.json:
        print_json(result.to_json())
    elif result.kind == PDF_TWIN:
        from coomet_lab.cli.cmd_pdf import print_pdf_verification

        print_pdf_verification(result.report)
    elif result.kind == PACKAGE:
        _print_package(result.report)
    else:
        print_verification(result.report)
    return EXIT_OK if result.valid else EXIT_INVALID


def _print_package(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()} (export package, {len(report.files)} file(s), made "
          f"{report.created} by {report.signer or 'nobody'})")
    for problem in report.problems:
        print(f"  problem: {problem}")


def print_verification(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()}")
    for problem in report.problems:
        print(f"  problem: {problem}")
    for s in report.signatures:
        print(f"  signature {s.index + 1}: {s.status} ({s.profile}{', parallel' if s.parallel else ''})")
        if s.signer:
            print(f"    signer:       {s.signer.subject}")
            print(f"    issued by:    {s.signer.issuer}")
        if s.role:
            print(f"    role:         {s.role}")
        if s.signing_time:
            print(f"    signing time: {s.signing_time} (claimed by the signer)")
        print(f"    intact:       {'yes' if s.intact else 'NO' if s.intact is False else 'cannot be checked'}")
        print(f"    trusted:      {'yes' if s.trusted else 'no'}")
        for cover in s.covers:
            print(f"    covers:       {cover}")
        for reason in s.reasons:
            print(f"    why:          {reason}")
        for note in s.notes:
            print(f"    note:         {note}")
    certificate = report.certificate() if report.verified_xml else None
    if certificate is not None:
        core = certificate.administrative_data.core_data
        print(f"  signed content: certificate {core.unique_identifier}, calibrated {core.begin_performance_date}"
              f" to {core.end_performance_date}, issued {core.issue_date or '-'}")
