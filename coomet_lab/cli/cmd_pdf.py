"""``coomet-lab pdf``: the PDF/A-3b twin of a DCC, optionally PAdES-signed (what ``verify`` prints for a twin is in
coomet_lab.cli.reports)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK
from coomet_lab.cli.keys_options import add_key_options, open_signer_from


def register(commands: argparse._SubParsersAction) -> None:
    pdf = commands.add_parser("pdf", help="make the human-readable PDF/A-3b twin of a DCC (the DCC inside, "
                                          "optionally PAdES-signed)")
    pdf.add_argument("input", metavar="IN.xml")
    pdf.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    pdf.add_argument("--sign", action="store_true", help="sign the PDF (PAdES B-B) with --key or --pkcs11")
    add_key_options(pdf)
    pdf.add_argument("--reason", help="the signature's reason (default: 'Calibration certificate NUMBER')")
    pdf.add_argument("--location", help="the signature's location")
    pdf.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    pdf.add_argument("--large", action="store_true", help="allow files over 64 MB / text nodes over 10 MB")
    pdf.set_defaults(handler=cmd_pdf)


def cmd_pdf(args: argparse.Namespace) -> int:
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.trust import TrustStore
    from coomet_lab.twin import make_twin
    from coomet_lab.twin.errors import TwinRefusedError

    path = Path(args.input)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"{path}: cannot read the file ({exc.strerror or exc})") from None
    trust = TrustStore.with_files(args.trust)
    signer = open_signer_from(args) if (args.sign or args.key or args.pkcs11) else None
    try:
        twin = make_twin(data, signer=signer, trust=trust, large=args.large, source=str(path), reason=args.reason,
                         location=args.location)
    except TwinRefusedError as exc:
        print(f"{path}: REFUSED: {exc}", file=sys.stderr)
        for finding in exc.findings:
            print(f"  {finding}", file=sys.stderr)
        print("nothing was written", file=sys.stderr)
        return EXIT_INVALID
    finally:
        if signer is not None:
            signer.close()
    write_bytes_atomic(args.output, twin.pdf)
    state = "DRAFT (the DCC is not signed)" if twin.draft else "from the signed DCC"
    print(f"{path} -> {args.output}: twin of certificate {twin.identifier}, {twin.pages} page"
          f"{'s' if twin.pages != 1 else ''}, PDF/A-3b, {state}")
    print(f"  embedded dcc.xml SHA-256 {twin.sha256}")
    if twin.pades_signed:
        assert signer is not None, "only a signer signs the PDF"
        print(f"  PDF signed (PAdES B-B) by {signer.certificate.subject.rfc4514_string()}")
    elif not twin.draft:
        print("  the PDF itself is not signed (add --sign with --key or --pkcs11)")
    if twin.hidden:
        print(f"  note: some result data are shown in the embedded DCC only: {', '.join(sorted(set(twin.hidden)))}")
    return EXIT_OK
