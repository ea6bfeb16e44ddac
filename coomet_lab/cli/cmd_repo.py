"""``coomet-lab repo``: the local repository from the command line (search, list, show, import, export, verify,
backup, restore, log, clean). Exit codes: 0 done, 1 a check failed (verify found problems, an imported file is
invalid or its signature is), 2 unusable input or refused (a file that is not a DCC, an unknown id, a busy or
read-only repository)."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, EXIT_UNUSABLE, print_json, whole_argument

USER_ENV = "COOMET_LAB_USER"


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("repo", help="the local repository of certificates")
    parser.add_argument("--repository", metavar="DIR", help="repository folder (default: REPOSITORY in the app home)")
    parser.add_argument("--who", help=f"who is acting, for the audit trail (default: ${USER_ENV} or the login name)")
    sub = parser.add_subparsers(dest="repo_command", metavar="ACTION", required=True)

    search = sub.add_parser("search", help="full-text search (number, customer, item, serial, type, dates, "
                                           "standards); a trailing * matches a prefix: UT-2026*")
    search.add_argument("text", nargs="+")
    search.add_argument("--limit", type=whole_argument, default=50)
    search.add_argument("--json", action="store_true")
    search.set_defaults(handler=cmd_search)

    listing = sub.add_parser("list", help="stored certificates, newest first")
    listing.add_argument("--kind", choices=["issued", "received"])
    listing.add_argument("--status", choices=["current", "replaced"])
    listing.add_argument("--limit", type=whole_argument, default=50)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)

    show = sub.add_parser("show", help="one certificate: its record, files, standards and audit entries")
    show.add_argument("id", metavar="ID", help="#17, 17 or a certificate number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    imp = sub.add_parser("import", help="store DCCs (any 3.x) and PDF twins received from others")
    imp.add_argument("files", nargs="+", metavar="FILE")
    imp.add_argument("--json", action="store_true")
    imp.set_defaults(handler=cmd_import)

    export = sub.add_parser("export", help="write a certificate's stored files, byte-identical")
    export.add_argument("id", metavar="ID")
    export.add_argument("-o", "--output", required=True, metavar="DIR")
    export.set_defaults(handler=cmd_export)

    verify = sub.add_parser("verify", help="check the audit chain, every record and every stored file")
    verify.add_argument("--json", action="store_true")
    verify.add_argument("--expect-head", action="append", default=[], metavar="SEQ:HASH",
                        help="a head printed earlier by `repo head` (kept outside the repository): the trail must "
                             "still contain it unchanged")
    verify.add_argument("--anchor", action="append", default=[], metavar="FILE",
                        help="an anchor file written by `repo head -o` (kept on another medium): as --expect-head")
    verify.set_defaults(handler=cmd_verify)

    head = sub.add_parser("head", help="the audit trail's head (SEQ:HASH): write it down, e-mail or print it, and "
                                       "check it later with `repo verify --expect-head`")
    head.add_argument("-o", "--output", metavar="FILE", help="also write it to an anchor file (for --anchor)")
    head.add_argument("--json", action="store_true")
    head.set_defaults(handler=cmd_head)

    backup = sub.add_parser("backup", help="one archive of the whole repository (safe while the app runs)")
    backup.add_argument("file", metavar="FILE")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser("restore", help="replace the repository with a verified backup")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--force", action="store_true",
                         help="replace a non-empty repository (it is kept beside it, renamed)")
    restore.set_defaults(handler=cmd_restore)

    log = sub.add_parser("log", help="the audit trail")
    log.add_argument("--since", type=whole_argument, default=0, metavar="SEQ")
    log.add_argument("--limit", type=whole_argument)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=cmd_log)

    clean = sub.add_parser("clean", help="remove orphan files left by interrupted writes (never records)")
    clean.add_argument("--min-age", type=float, default=600.0, metavar="SECONDS",
                       help="only files older than this (default 600: younger ones may belong to a write in progress)")
    clean.set_defaults(handler=cmd_clean)


def _who(args: argparse.Namespace) -> str:
    if args.who:
        return args.who
    if os.environ.get(USER_ENV):
        return os.environ[USER_ENV]
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown user"


def _open(args: argparse.Namespace):  # noqa: ANN202
    from coomet_lab.repository import Repository

    return Repository.open(args.repository)


def _hit_line(hit, others: list[tuple[int, str]] | None = None) -> str:  # noqa: ANN001
    from coomet_lab.repository.certificates import used_by

    status = "" if hit.status == "current" else f" [{hit.status}]"
    parts = [p for p in (hit.customer, hit.item, hit.serial and f"s/n {hit.serial}") if p]
    shared = f"  [number also used by {used_by(others)}]" if others else ""
    return (f"#{hit.id:<6} {hit.kind:8} {hit.unique_identifier}{status}{shared}  "
            f"{hit.calibration_date or hit.issue_date}  " + " | ".join(parts))


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        hits = repo.certificates.search(" ".join(args.text), limit=args.limit)
    if args.json:
        print_json({"hits": [h.to_json() for h in hits]})
    else:
        for hit in hits:
            print(_hit_line(hit))
        print(f"{len(hits)} found")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        records = repo.certificates.list(kind=args.kind, status=args.status, limit=args.limit)
        total = repo.certificates.count(kind=args.kind)
        shared = repo.certificates.same_number(r.id for r in records)
    if args.json:
        print_json({"total": total, "certificates": [
            {**r.to_json(), "also_used_by": [other for other, _ in shared.get(r.id, [])]} for r in records]})
    else:
        for record in records:
            print(_hit_line(record, shared.get(record.id)))
        print(f"{len(records)} of {total} shown")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        record = repo.certificates.find(args.id)
        entries = repo.audit.entries(subject=f"certificate:{record.id}")
        others = repo.certificates.same_number([record.id]).get(record.id, [])
    if args.json:
        print_json({"certificate": record.to_json(), "also_used_by": [other for other, _ in others],
                    "audit": [e.to_json() for e in entries]})
        return EXIT_OK
    for name, value in record.to_json().items():
        if value not in (None, ""):
            print(f"{name:18} {value}")
    if others:
        from coomet_lab.repository.certificates import used_by

        print(f"{'warning':18} number also used by {used_by(others)}")
    print("audit trail:")
    for entry in entries:
        print(f"  #{entry.seq} {entry.at} {entry.action} by {entry.actor}")
    return EXIT_OK


def file_inspector():  # noqa: ANN201
    """:func:`coomet_lab.intake.inspection.inspect` with the home's trust store: the verdict ``coomet-lab verify``
    gives."""
    from coomet_lab.intake.inspection import file_inspector as inspector
    from coomet_lab.trust import TrustStore

    return inspector(TrustStore())


def cmd_import(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        outcomes = repo.certificates.import_files(args.files, who=_who(args), inspect_file=file_inspector())
    worst = EXIT_OK
    for outcome in outcomes:
        if outcome.status == "refused" and outcome.signature_verdict not in (None, "valid"):
            worst = max(worst, EXIT_INVALID)  # refused because of its verdict (a twin not attached)
        elif outcome.status == "refused":
            worst = max(worst, EXIT_UNUSABLE)
        elif (outcome.validation or "").startswith("invalid") or outcome.signature_verdict == "invalid":
            worst = max(worst, EXIT_INVALID)
    if args.json:
        print_json({"ok": worst == EXIT_OK, "files": [o.to_json() for o in outcomes]})
    else:
        for outcome in outcomes:
            print(f"{outcome.source}: {outcome.status.upper()}: {outcome.message}")
    return worst


def cmd_export(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        record = repo.certificates.find(args.id)
        written = repo.certificates.export(certificate_id=record.id, directory=args.output, who=_who(args),
                                           inspect_file=file_inspector())
    for path in written:
        print(f"{record.unique_identifier}: wrote {path}")
    if written.withheld:
        print(f"{record.unique_identifier}: PDF twin not exported: {written.withheld}")
        return EXIT_INVALID
    return EXIT_OK


def _anchors(args: argparse.Namespace, repository_id: str) -> list[tuple[int, str]]:
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.repository.integrity import parse_anchor, read_anchor_file

    anchors = [parse_anchor(text, source=f"--expect-head {text}") for text in args.expect_head]
    for path in args.anchor:
        anchor, owner = read_anchor_file(path)
        if owner and repository_id and owner != repository_id:
            raise UnusableInputError(f"the anchor file {path} belongs to repository {owner}, not to this one "
                                     f"({repository_id})")
        anchors.append(anchor)
    return anchors


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        anchors = _anchors(args, repo.repository_id())
        report = repo.verify(anchors=anchors)
    if args.json:
        print_json(report.to_json())
    else:
        for problem in report.problems:
            print(f"PROBLEM: {problem.message}")
        for note in report.notes:
            print(f"note: {note.message}")
        if report.ok:
            for seq, _digest in anchors:
                print(f"anchored head #{seq}: in the trail, unchanged")
        seconds = max(report.seconds, 1e-9)
        print(f"{'OK' if report.ok else 'FAILED'}: {report.entries} audit entries, {report.records} records, "
              f"{report.files} files ({report.bytes / 1e6:.1f} MB) checked in {report.seconds:.2f} s "
              f"({report.entries / seconds:,.0f} entries/s, {report.bytes / 1e6 / seconds:.1f} MB/s); "
              f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''}")
    return EXIT_OK if report.ok else EXIT_INVALID


def cmd_head(args: argparse.Namespace) -> int:
    from coomet_lab.kernel.atomic import write_bytes_atomic
    from coomet_lab.repository.integrity import anchor_document

    with _open(args) as repo:
        seq, digest = repo.audit.head()
        repository_id = repo.repository_id()
        if args.output:
            write_bytes_atomic(Path(args.output), anchor_document(repository_id, (seq, digest), repo.store.now()))
    if args.json:
        print_json({"seq": seq, "hash": digest, "head": f"{seq}:{digest}", "repository_id": repository_id})
        return EXIT_OK
    print(f"{seq}:{digest}")
    if seq == 0:
        print("the audit trail is still empty: take the head after the first change")
    else:
        print(f"keep this outside the repository (write it down, e-mail or print it); later "
              f"`coomet-lab repo verify --expect-head {seq}:{digest}` proves entries #1 to #{seq} are unchanged and "
              "none was cut off" + (f"; anchor file written to {args.output}" if args.output else ""))
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        info = repo.backup(args.file, who=_who(args))
    print(f"backup written to {info['archive']}: {info['certificates']} certificates, {info['files']} files, "
          f"audit trail up to #{info['audit_head']['seq']}; SHA-256 {info['sha256']}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from coomet_lab.repository import Repository

    info = Repository.restore(args.file, who=_who(args), root=args.repository, force=args.force)
    print(f"restored {info['certificates']} certificates into {info['restored']} "
          f"(audit trail up to #{info['audit_head']['seq']}, verified)")
    if info["previous"]:
        print(f"the repository it replaced is kept in {info['previous']}")
    return EXIT_OK


def cmd_log(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        entries = repo.audit.entries(since=args.since, limit=args.limit)
    if args.json:
        print_json({"entries": [e.to_json() for e in entries]})
    else:
        for entry in entries:
            print(f"#{entry.seq} {entry.at} {entry.actor}: {entry.action} {entry.subject}")
    return EXIT_OK


def cmd_clean(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        removed = repo.audit.remove_orphans(who=_who(args), older_than=args.min_age)
    print(f"removed {len(removed)} orphan file{'s' if len(removed) != 1 else ''}")
    return EXIT_OK


__all__ = ["file_inspector", "register"]
