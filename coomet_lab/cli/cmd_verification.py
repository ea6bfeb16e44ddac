"""``coomet-lab verification``: verification records (поверка) and the instrument-type register.

Exit codes: 0 done; 1 records refused (every bad row is listed with its line and field, nothing was recorded
unless ``--keep-good-rows``); 2 unusable input (unreadable file, wrong columns, unknown id).
"""

from __future__ import annotations

import argparse
import sys

from coomet_lab.cli.cmd_repo import _open, _who
from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json

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
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one verification record")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    withdraw = sub.add_parser("withdraw", help="withdraw a record entered by mistake (not yet exported)")
    withdraw.add_argument("id", type=int)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(handler=cmd_withdraw)

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
