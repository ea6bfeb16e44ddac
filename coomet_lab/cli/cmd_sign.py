"""``coomet-lab sign`` and ``coomet-lab verify``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json
from coomet_lab.cli.keys_options import add_key_options, open_signer_from
from coomet_lab.cli.reports import print_package, print_pdf_verification, print_verification

if TYPE_CHECKING:
    from lxml import etree


def register(commands: argparse._SubParsersAction) -> None:
    sign = commands.add_parser("sign", help="sign a DCC (XAdES-BES) with a key file or a token")
    sign.add_argument("input", metavar="IN.xml")
    sign.add_argument("-o", "--output", required=True, metavar="OUT.xml")
    add_key_options(sign)
    sign.add_argument("--role", choices=["performer", "approver"],
                      help="the signer's role; 'performer' leaves room for the approver's signature")
    sign.add_argument("--upgrade", action="store_true", help="upgrade an older DCC to 3.3.0 before signing")
    sign.add_argument("--drop-signatures", action="store_true",
                      help="with --upgrade: allow removing the signatures a 3.3.0 file already carries")
    sign.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    sign.add_argument("--large", action="store_true", help="allow files over 64 MB / text nodes over 10 MB")
    sign.set_defaults(handler=cmd_sign)

    verify = commands.add_parser("verify", help="verify the signatures of a DCC (or a PDF twin)")
    verify.add_argument("file", metavar="FILE")
    verify.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--large", action="store_true")
    verify.set_defaults(handler=cmd_verify)


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
        data = _upgraded(data, str(path), args.large, drop_signatures=args.drop_signatures)
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


def _upgraded(data: bytes, source: str, large: bool, *, drop_signatures: bool = False) -> bytes:
    from coomet_lab.dcc.io.writer import serialize
    from coomet_lab.dcc.upgrade import upgrade_tree
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.kernel.xmlsafe import parse_bytes

    tree = parse_bytes(data, large=large, source=source)
    signers = _signers(tree.getroot())
    result = upgrade_tree(tree, source=source)
    if result.from_version == "3.3.0" and result.removed_signatures and not drop_signatures:
        # Nothing to upgrade, but the rewrite would remove someone else's signature: never do that unasked.
        raise UnusableInputError(
            f"{source} already is DCC 3.3.0 and carries {result.removed_signatures} signature(s) that --upgrade "
            "would remove; sign without --upgrade to add a parallel signature, or add --drop-signatures to "
            "remove them")
    if result.from_version != "3.3.0":
        print(f"upgraded DCC {result.from_version} to 3.3.0 before signing", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for signer in signers:
        print(f"removed: signature of {signer}", file=sys.stderr)
    return serialize(result.element)


def _signers(root: etree._Element) -> list[str]:
    """Who made each signature directly under the root, as far as its KeyInfo says (for the removal report)."""
    import base64

    from cryptography import x509

    from coomet_lab.trust.dsig import ds, root_signatures

    names = []
    for number, signature in enumerate(root_signatures(root), start=1):
        element = signature.find(f"{ds('KeyInfo')}/{ds('X509Data')}/{ds('X509Certificate')}")
        try:
            der = base64.b64decode("".join((element.text or "").split()) if element is not None else "")
            name = x509.load_der_x509_certificate(der).subject.rfc4514_string()
        except ValueError:
            name = "an unknown signer (no readable certificate)"
        names.append(f"{name} (signature {number}, Id {signature.get('Id') or '-'})")
    return names


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
        print_pdf_verification(result.report)
    elif result.kind == PACKAGE:
        print_package(result.report)
    else:
        print_verification(result.report)
    return EXIT_OK if result.valid else EXIT_INVALID
