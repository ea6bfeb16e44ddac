"""``coomet-lab export`` and ``coomet-lab outbox``: exports to national registers through the offline outbox.

    coomet-lab export arshin [--since DATE] -o DIR      Arshin import files for every record not yet exported
    coomet-lab outbox list [--json]                     every job, its files and the state of their records
    coomet-lab outbox submit JOB | --file NAME          a person uploaded the files to Arshin
    coomet-lab outbox confirm REPLY.xml [--file NAME]   Arshin's reply: its numbers in, rejections marked
    coomet-lab outbox write JOB [-o DIR]                write a job's files again, byte-identical
    coomet-lab export package -o DIR --key signer.p12   a signed ZIP of issued certificates for other registers
    coomet-lab outbox confirm-delivery JOB --note TEXT  a register without a reply received the package

Exit codes: 0 done; 1 records refused (listed per record and field; nothing exported); 2 unusable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coomet_lab.cli.cmd_repo import _open, _who
from coomet_lab.cli.common import EXIT_INVALID, EXIT_OK, print_json, whole_argument


def register(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="export to a national register through the outbox")
    _common(export)
    export_sub = export.add_subparsers(dest="export_command", metavar="TARGET", required=True)
    arshin = export_sub.add_parser("arshin", help="FGIS Arshin import XML for every record not yet exported")
    arshin.add_argument("-o", "--output", required=True, metavar="DIR")
    arshin.add_argument("--since", metavar="YYYY-MM-DD", help="only verifications on or after this date")
    arshin.add_argument("--profile", metavar="NAME", help="Arshin format version (default: the current one)")
    arshin.set_defaults(handler=cmd_export_arshin)
    package = export_sub.add_parser("package", help="a signed ZIP of issued certificates (XML and PDF twins), "
                                                     "a manifest and SHA-256 sums")
    package.add_argument("-o", "--output", required=True, metavar="DIR")
    package.add_argument("--since", metavar="YYYY-MM-DD", help="certificates issued on or after this date")
    package.add_argument("--ids", metavar="ID,ID", help="these certificates (default: every one not yet packaged)")
    from coomet_lab.cli.keys_options import add_key_options

    add_key_options(package)
    package.set_defaults(handler=cmd_export_package)

    outbox = commands.add_parser("outbox", help="export jobs: pending, written, submitted, confirmed")
    _common(outbox)
    sub = outbox.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="every job with its files and records")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_list)
    submit = sub.add_parser("submit", help="mark a job's files (or one file) as uploaded")
    submit.add_argument("job", type=whole_argument, nargs="?")
    submit.add_argument("--file", metavar="NAME")
    submit.set_defaults(handler=cmd_submit)
    confirm = sub.add_parser("confirm", help="import Arshin's reply protocol for an uploaded file")
    confirm.add_argument("reply", metavar="REPLY.xml")
    confirm.add_argument("--file", metavar="NAME", help="the uploaded file it answers (when not obvious)")
    confirm.set_defaults(handler=cmd_confirm)
    delivered = sub.add_parser("confirm-delivery", help="a register without a reply received a package")
    delivered.add_argument("job", type=whole_argument)
    delivered.add_argument("--note", required=True, help="how the receipt was confirmed")
    delivered.set_defaults(handler=cmd_confirm_delivery)
    write = sub.add_parser("write", help="write a job's files again (byte-identical) into a folder")
    write.add_argument("job", type=whole_argument)
    write.add_argument("-o", "--output", metavar="DIR", help="default: the job's own folder")
    write.set_defaults(handler=cmd_write)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--repository", metavar="DIR", help="repository folder (default: REPOSITORY in the app home)")
    parser.add_argument("--who", help="who is acting, for the audit trail (default: $COOMET_LAB_USER or the login)")


def _file_line(job, item, folder: str) -> str:  # noqa: ANN001
    return f"{Path(folder) / item.name}  {item.records} record(s)  sha256 {item.sha256}  job {job.id}"


def cmd_export_arshin(args: argparse.Namespace) -> int:
    from coomet_lab.repository.verifications import VerificationRecordError

    with _open(args) as repo:
        try:
            jobs = repo.outbox.export_arshin(args.output, who=_who(args), since=args.since, profile=args.profile)
        except VerificationRecordError as exc:
            for problem in exc.problems:
                print(f"record #{problem.line}: {problem.field}: {problem.message}", file=sys.stderr)
            print(f"coomet-lab: {exc}", file=sys.stderr)
            return EXIT_INVALID
    for job in jobs:
        for item in job.files:
            print(_file_line(job, item, job.directory))
    if not jobs:
        print("nothing to export: every recorded verification has been exported")
    return EXIT_OK


def cmd_export_package(args: argparse.Namespace) -> int:
    from coomet_lab.cli.keys_options import open_signer_from
    from coomet_lab.kernel.config import load_settings

    ids = _ids(args.ids) if args.ids else None
    settings = load_settings()
    lab = next(iter(settings.lab_name.values()), "") if settings.lab_name else ""
    signer = open_signer_from(args)
    try:
        with _open(args) as repo:
            job = repo.outbox.export_package(args.output, who=_who(args), signer=signer, certificate_ids=ids,
                                             since=args.since, lab=lab)
    finally:
        signer.close()
    if job is None:
        print("nothing to package: every issued certificate has been packaged")
        return EXIT_OK
    for item in job.files:
        print(_file_line(job, item, job.directory))
    return EXIT_OK


def _ids(text: str) -> list[int]:
    """``--ids 3,#7``: certificate ids as ASCII digits; anything else is named (int() took "²" for a digit)."""
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.quantities.numbers import whole_number

    ids = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        number = whole_number(part.lstrip("#"))
        if number is None:
            raise UnusableInputError(f"--ids: {part[:40]!r} is not a certificate id (e.g. --ids 3,7)")
        ids.append(number)
    return ids


def cmd_confirm_delivery(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        job = repo.outbox.mark_confirmed(args.job, who=_who(args), note=args.note)
    print(f"job {job.id}: {job.status}")
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        jobs = repo.outbox.jobs()
        counts = repo.verifications.counts()
    if args.json:
        print_json({"jobs": [j.to_json() for j in jobs], "records": counts})
        return EXIT_OK
    for job in jobs:
        print(f"job {job.id}  {job.target}/{job.profile}  {job.status}  {job.records} record(s)  {job.created_at[:16]}"
              f"  {job.created_by}  {job.directory}")
        for item in job.files:
            states = ", ".join(f"{n} {s}" for s, n in sorted(item.counts.items()))
            print(f"    {item.name}  {item.status}  {states}")
    print("records: " + (", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "none"))
    return EXIT_OK


def cmd_submit(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        names = repo.outbox.mark_submitted(who=_who(args), job_id=args.job, file_name=args.file)
    for name in names:
        print(f"{name}: marked as uploaded to Arshin")
    return EXIT_OK


def cmd_confirm(args: argparse.Namespace) -> int:
    from coomet_lab.cli.common import input_file
    from coomet_lab.kernel.errors import UnusableInputError
    from coomet_lab.kernel.xmlsafe import ORDINARY

    # Checked before it is read: a 200 MB file is refused at once (a reply is a few kilobytes per record).
    path = input_file(args.reply, "an Arshin reply", ORDINARY.max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusableInputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with _open(args) as repo:
        report = repo.outbox.confirm(data, who=_who(args), file_name=args.file, source=path.name)
    if report.already_imported:
        print(f"{path.name}: already imported for {report.file}; nothing changed")
        return EXIT_OK
    for verification_id, global_id, cert_num in report.confirmed:
        print(f"#{verification_id}: confirmed, Arshin record {global_id}, number {cert_num}")
    for verification_id, reason in report.rejected:
        print(f"#{verification_id}: REJECTED: {reason}")
    for warning in report.warnings:
        print(f"warning: {warning}")
    print(f"{report.file}: {len(report.confirmed)} confirmed, {len(report.rejected)} rejected")
    return EXIT_INVALID if report.rejected else EXIT_OK


def cmd_write(args: argparse.Namespace) -> int:
    with _open(args) as repo:
        job = repo.outbox.write_job(args.job, who=_who(args), directory=args.output)
    folder = args.output or job.directory
    for item in job.files:
        print(_file_line(job, item, folder))
    return EXIT_OK
