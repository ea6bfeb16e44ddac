"""``coomet-lab pdf``: the PDF/A-3b twin of a DCC, optionally PAdES-signed; ``verify`` hands PDFs to this module."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json


def register(commands: argparse._SubParsersAction) -> None:
    from coomet_lab.cli.cmd_sign import add_key_options

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
    from coomet_lab.cli.cmd_sign import open_signer_from
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
        print(f"  PDF signed (PAdES B-B) by {signer.certificate.subject.rfc4514_string()}")
    elif not twin.draft:
        print("  the PDF itself is not signed (add --sign with --key or --pkcs11)")
    if twin.hidden:
        print(f"  note: some result data are shown in the embedded DCC only: {', '.join(sorted(set(twin.hidden)))}")
    return EXIT_OK


def verify_pdf_command(data: bytes, source: str, trust, as_json: bool) -> int:  # noqa: ANN001
    """``coomet-lab verify TWIN.pdf``: exit 0 only when every check passed (through the one door, inspect())."""
    from coomet_lab.intake.inspection import inspect

    report = inspect(data, trust=trust, source=source).report
    if as_json:
        print_json(report.to_json())
    else:
        print_pdf_verification(report)
    return EXIT_OK if report.valid else EXIT_INVALID


def print_pdf_verification(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()} (PDF twin, {report.pages} pages)")
    for reason in report.reasons:
        print(f"  problem: {reason}")
    for s in report.signatures:
        print(f"  PDF signature {s.field}: {'valid' if s.sound and s.trusted else 'NOT valid'} (PAdES)")
        if s.signer:
            print(f"    signer:       {s.signer.subject}")
            print(f"    issued by:    {s.signer.issuer}")
        if s.signing_time:
            print(f"    signing time: {s.signing_time} (claimed by the signer)")
        print(f"    intact:       {'yes' if s.intact else 'NO'}")
        print(f"    covers:       {'the whole file' if s.coverage == 'ENTIRE_FILE' else s.coverage or '?'}")
        print(f"    trusted:      {'yes' if s.trusted else 'no'}")
        for note in s.notes:
            print(f"    note:         {note}")
    if report.embedded_sha256:
        print(f"  embedded dcc.xml: SHA-256 {report.embedded_sha256}, printed on {report.pages_showing_hash} of "
              f"{report.pages} pages")
    if report.xml is not None:
        from coomet_lab.cli.cmd_sign import print_verification

        print_verification(report.xml)
    for note in report.notes:
        print(f"  note: {note}")
