"""The command-line commands of ``coomet-lab`` (the executable itself starts in ``ui.entry``, which opens the
desktop application when no command is given)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import coomet_lab.jurisdictions  # noqa: F401 (registers the national twin forms: `pdf` renders, `verify` checks)
from coomet_lab._version import __version__
from coomet_lab.cli import (
    cmd_dcc,
    cmd_keys,
    cmd_outbox,
    cmd_pdf,
    cmd_repo,
    cmd_schemas,
    cmd_sign,
    cmd_verification,
)
from coomet_lab.cli.common import EXIT_UNUSABLE, refuse_nul_arguments, report_error

COMMAND_MODULES = [cmd_schemas, cmd_dcc, cmd_keys, cmd_sign, cmd_pdf, cmd_repo, cmd_verification, cmd_outbox]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="coomet-lab",
        description="Digital calibration and verification certificates, offline: build, validate, sign, archive.",
    )
    parser.add_argument("--version", action="version", version=f"coomet-lab {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return EXIT_UNUSABLE
    try:
        refuse_nul_arguments(args)
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("coomet-lab: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`coomet-lab repo list | head`): not an error. Point stdout at nothing so the
        # interpreter's final flush does not complain either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        if exc.filename is None:
            return report_error(exc)
        # A file the user named is missing, a folder or unreadable and the command did not say so itself: that
        # is unusable input with the file's name, not a crash (the commands' own messages are more precise).
        print(f"coomet-lab: error: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except Exception as exc:  # noqa: BLE001 (every error reaches the user as a message, never a traceback)
        return report_error(exc)


if __name__ == "__main__":
    sys.exit(main())
