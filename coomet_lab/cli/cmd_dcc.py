"""``coomet-lab dcc``: validate, upgrade and build Digital Calibration Certificates."""

from __future__ import annotations

import argparse
import sys

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, print_json
from coomet_lab.kernel.errors import CoometLabError, SchemaStoreError, UnusableInputError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("dcc", help="validate, upgrade and build DCC XML")
    sub = parser.add_subparsers(dest="dcc_command", metavar="ACTION", required=True)

    validate = sub.add_parser("validate", help="validate DCC files offline (XSD by schemaVersion + semantic rules)")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.add_argument("--json", action="store_true", help="print the findings as JSON")
    _large_option(validate)
    validate.set_defaults(handler=cmd_validate)

    upgrade = sub.add_parser("upgrade", help="convert a DCC 3.0.0-3.2.1 to 3.3.0, keeping every value")
    upgrade.add_argument("input", metavar="IN.xml")
    upgrade.add_argument("-o", "--output", required=True, metavar="OUT.xml")
    upgrade.add_argument("--allow-invalid", action="store_true", help="write the result even if it is not valid")
    _large_option(upgrade)
    upgrade.set_defaults(handler=cmd_upgrade)

    build = sub.add_parser("build", help="build DCC 3.3.0 XML from a COOMET Lab certificate document (JSON)")
    build.add_argument("document", metavar="DOC")
    build.add_argument("-o", "--output", required=True, metavar="OUT.xml")
    build.add_argument("--allow-invalid", action="store_true", help="write the result even if it is not valid")
    build.set_defaults(handler=cmd_build)


def _large_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--large", action="store_true",
        help="allow files over 64 MB and text nodes over 10 MB (only for files you trust)",
    )


def cmd_validate(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.validation.validate import validate_file

    outcomes: list[dict] = []
    worst = EXIT_OK
    for path in args.files:
        try:
            report = validate_file(path, large=args.large)
        except (UnusableInputError, SchemaStoreError) as exc:
            outcomes.append({"file": path, "valid": False, "unusable": True, "error": str(exc)})
            worst = max(worst, EXIT_UNUSABLE)
            if not args.json:
                print(f"{path}: UNUSABLE: {exc}")
            continue
        outcomes.append(report.to_json())
        if not report.valid:
            worst = max(worst, EXIT_INVALID)
        if not args.json:
            _print_report(report)
    if args.json:
        print_json({"valid": worst == EXIT_OK, "files": outcomes})
    return worst


def _print_report(report) -> None:  # noqa: ANN001
    errors = len(report.errors())
    verdict = "valid" if report.valid else f"INVALID ({errors} error{'s' if errors != 1 else ''})"
    print(f"{report.source}: {verdict} (DCC {report.schema_version})")
    for finding in report.findings:
        print(f"  {finding}")


def cmd_upgrade(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.io.writer import serialize
    from coomet_lab.dcc.upgrade import upgrade_tree
    from coomet_lab.dcc.validation.validate import validate_tree
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.xmlsafe import parse_bytes, parse_file

    result = upgrade_tree(parse_file(args.input, large=args.large), source=args.input)
    data = serialize(result.element)
    report = validate_tree(parse_bytes(data, large=True, source=args.output), source=args.output)
    for note in result.notes:
        print(f"note: {note}")
    if not report.valid and not args.allow_invalid:
        _print_report(report)
        print("nothing was written (use --allow-invalid to write it anyway)", file=sys.stderr)
        return EXIT_INVALID
    write_bytes_atomic(args.output, data)
    print(f"{args.input}: DCC {result.from_version} -> {args.output}: DCC 3.3.0, "
          f"{'valid' if report.valid else 'NOT valid'}; every value, unit and uncertainty preserved")
    return EXIT_OK if report.valid else EXIT_INVALID


def cmd_build(args: argparse.Namespace) -> int:
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.dcc.validation.validate import validate_tree
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.xmlsafe import parse_bytes

    try:
        certificate = load_document(args.document)
    except CoometLabError as exc:
        raise UnusableInputError(str(exc)) from None
    data = to_bytes(certificate)
    report = validate_tree(parse_bytes(data, large=True, source=args.output), source=args.output)
    if not report.valid and not args.allow_invalid:
        _print_report(report)
        print("nothing was written (use --allow-invalid to write it anyway)", file=sys.stderr)
        return EXIT_INVALID
    write_bytes_atomic(args.output, data)
    _print_report(report)
    return EXIT_OK if report.valid else EXIT_INVALID
