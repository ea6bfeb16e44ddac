"""``coomet-lab verification``: verification records (поверка) and the instrument-type register.

Exit codes: 0 done; 1 records refused (every bad row is listed with its line and field, nothing was recorded
unless ``--keep-good-rows``); 2 unusable input (unreadable file, wrong columns, unknown id).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from coomet_lab.cli.cmd_repo import _open, _who
from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json, whole_argument
from coomet_lab.cli.keys_options import add_key_options

STATUSES = ["recorded", "exported", "submitted", "confirmed", "rejected", "withdrawn"]


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("verification", help="verification records and the instrument-type register")
    parser.add_argument("--repository", metavar="DIR", help="repository folder (default: REPOSITORY in the app home)")
    parser.add_argument("--who", help="who is acting, for the audit trail (default: $COOMET_LAB_USER or the login)")
    sub = parser.add_subparsers(dest="verification_command", metavar="ACTION", required=True)

    imp = sub.add_parser("import-csv", aliases=["import"],
                         help="record a batch of verifications from CSV (UTF-8, header row) or XLSX")
    imp.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    imp.add_argument("--keep-good-rows", action="store_true",
                     help="record the good rows even when some are bad (default: nothing when any row is bad)")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    listing = sub.add_parser("list", help="verification records, newest first")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--since", metavar="YYYY-MM-DD")
    listing.add_argument("--limit", type=whole_argument, default=100)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one verification record")
    show.add_argument("id", type=whole_argument)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    withdraw = sub.add_parser("withdraw", help="withdraw a record entered by mistake (not yet exported)")
    withdraw.add_argument("id", type=whole_argument)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(handler=cmd_withdraw)

    issue = sub.add_parser("issue", help="issue the signed certificate of verification or notice of unfitness "
                                         "(DCC and PDF/A-3 twin) of a record")
    issue.add_argument("id", type=whole_argument)
    issue.add_argument("--number", help="the Arshin certificate (С-…) or notice (И-…) number (default: the number "
                                        "Arshin's reply gave the record)")
    add_key_options(issue)
    issue.add_argument("--role", help="the signer's role, written into the signature")
    issue.add_argument("--head", default="", help="head or authorised person: surname and initials")
    issue.add_argument("--head-position", default="", help="the head's position")
    issue.add_argument("--fif-record", default="",
                       help="the FIF OEI record number of the result (default: Arshin's record number from its reply)")
    issue.add_argument("--issue-date", metavar="YYYY-MM-DD", help="default: today")
    issue.add_argument("--override-reason", help="issue although a standard is not traceable, for this reason")
    issue.add_argument("--trust", action="append", metavar="CA.pem", help="an extra trust anchor for this call")
    issue.add_argument("--out", default=".", metavar="DIR", help="where to write the XML and the PDF (default: .)")
    issue.set_defaults(handler=cmd_issue)

    types = sub.add_parser("types", help="the register of approved instrument types")
    types_sub = types.add_subparsers(dest="types_command", metavar="ACTION", required=True)
    types_import = types_sub.add_parser("import", help="add or replace types from a CSV or JSON snapshot")
    types_import.add_argument("file", metavar="SNAPSHOT")
    types_import.set_defaults(handler=cmd_types_import)
    types_search = types_sub.add_parser("search", help="find types by number, name, designation, manufacturer")
    types_search.add_argument("text", nargs="+")
    types_search.add_argument("--json", action="store_true")
    types_search.set_defaults(handler=cmd_types_search)


def cmd_import(args: argparse.Namespace) -> int:
    from coomet_lab.repository.verifications import VerificationRecordError

    with _open(args) as repo:
        try:
            report = repo.verifications.import_batch(args.file, who=_who(args), keep_good_rows=args.keep_good_rows)
        except VerificationRecordError as exc:
            if args.json:
                print_json({"recorded": [], "problems": [p.__dict__ for p in exc.problems], "error": str(exc)})
            else:
                for problem in exc.problems:
                    print(f"{args.file}: {problem}" + (" (warning)" if problem.severity == "warning" else ""),
                          file=sys.stderr)
                print(f"coomet-lab: {exc}", file=sys.stderr)
            return EXIT_INVALID
    if args.json:
        print_json({"recorded": report.recorded, "problems": [p.__dict__ for p in report.problems]})
    else:
        for problem in report.problems:
            print(f"{args.file}: {problem}" + (" (warning)" if problem.severity == "warning" else ""))
        refused = len(report.refused_lines)
        print(f"{len(report.recorded)} verification(s) recorded from {args.file}"
              + (f"; {refused} row(s) refused" if refused else ""))
    return EXIT_INVALID if report.refused_lines else EXIT_OK


def _line(stored) -> str:  # noqa: ANN001
    record = stored.record
    result = "fit" if record.applicable else "UNFIT"
    arshin = f"  {stored.cert_num}" if stored.cert_num else ""
    return (f"#{stored.id:<6} {stored.status:10} {record.vrf_date}  {record.label}  {result:5}  {record.owner}"
            f"{arshin}")


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        rows = repo.verifications.list(status=args.status, since=args.since, limit=args.limit)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        for row in rows:
            print(_line(row))
        print(f"{len(rows)} verification(s)")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        stored = repo.verifications.get(args.id)
    if args.json:
        print_json(stored.to_json())
        return EXIT_OK
    record = stored.record
    print(_line(stored))
    for label, value in (("type", f"{record.mitype_number} {record.type_title}".strip()),
                         ("modification", record.modification), ("serial", record.manufacture_num),
                         ("inventory", record.inventory_num), ("year", record.manufacture_year),
                         ("owner", record.owner), ("kind", "primary" if record.verification_type == 1 else "periodic"),
                         ("valid until", record.valid_date), ("sticker", record.sticker_num),
                         ("reasons", record.reasons), ("procedure", record.doc_title),
                         ("verifier", record.metrologist), ("cipher", record.sign_cipher),
                         ("standards", "; ".join(record.means.etalons)),
                         ("conditions", ", ".join(x for x in (record.conditions.temperature,
                                                              record.conditions.pressure,
                                                              record.conditions.humidity) if x)),
                         ("Arshin record", stored.global_id or ""), ("Arshin number", stored.cert_num or ""),
                         ("Arshin says", stored.reply_message or ""), ("source", stored.source)):
        if value:
            print(f"  {label:14} {value}")
    return EXIT_OK


def cmd_withdraw(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        repo.verifications.withdraw(args.id, who=_who(args), reason=args.reason)
    print(f"verification #{args.id} withdrawn")
    return EXIT_OK


def cmd_issue(args: argparse.Namespace) -> int:
    from coomet_lab.app.services import issue_verification
    from coomet_lab.cli.keys_options import open_signer_from
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.kernel.config import load_settings
    from coomet_lab.kernel.errors import TraceabilityBlockedError, UnusableInputError
    from coomet_lab.repository import CertificateRecord
    from coomet_lab.repository.verifications import VerificationRecordError
    from coomet_lab.trust import TrustStore

    settings = load_settings()
    if not settings.configured:
        raise UnusableInputError("the laboratory is not configured (name, accreditation): set it up first")
    trust = TrustStore.with_files(args.trust)
    with _open(args) as repo:
        stored = repo.verifications.get(args.id)
        number = (args.number or stored.cert_num or "").strip()
        if not number:
            raise UnusableInputError(f"verification #{args.id} has no number from Arshin yet: give --number")
        signer = open_signer_from(args)
        try:
            result = issue_verification(stored, signer, settings=settings, number=number, trust=trust,
                                        issue_date=args.issue_date or dt.date.today().isoformat(), repository=repo,
                                        who=_who(args), role=args.role,
                                        fif_record=args.fif_record or stored.global_id or "",
                                        head=args.head, head_position=args.head_position,
                                        override_reason=args.override_reason)
        except (VerificationRecordError, TraceabilityBlockedError) as exc:
            for problem in getattr(exc, "problems", []):
                print(f"verification #{args.id}: {problem.field}: {problem.message}", file=sys.stderr)
            print(f"coomet-lab: {exc}; nothing was issued", file=sys.stderr)
            return EXIT_INVALID
        finally:
            signer.close()
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(number)
    xml_path, pdf_path = folder / f"{stem}.xml", folder / f"{stem}.pdf"
    write_bytes_atomic(xml_path, result.signed_xml)
    # Issuing into the repository makes the twin and stores the certificate (so does finishing an interrupted issue).
    assert result.pdf is not None and isinstance(result.record, CertificateRecord)
    write_bytes_atomic(pdf_path, result.pdf)
    kind = "certificate of verification" if stored.record.applicable else "notice of unfitness"
    print(f"verification #{args.id}: {kind} {number} issued as certificate #{result.record.id}")
    print(xml_path)
    print(pdf_path)
    return EXIT_OK


def file_stem(number: str) -> str:
    """A file name for a certificate number: Arshin numbers contain slashes (С-ДГХ/20-11-2026/402123271)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", number).strip("._") or "verification"


def cmd_types_import(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        count = repo.verifications.import_types(args.file, who=_who(args))
    print(f"{count} instrument type(s) imported from {args.file}")
    return EXIT_OK


def cmd_types_search(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        found = repo.verifications.search_types(" ".join(args.text))
    if args.json:
        print_json([t.to_json() for t in found])
    else:
        for t in found:
            interval = t.interval_text or ("primary verification only" if not t.periodic else "")
            print(f"{t.reg_number:10} {t.name}  {t.designation}  {t.manufacturer}  [{interval}]")
        print(f"{len(found)} type(s)")
    return EXIT_OK
