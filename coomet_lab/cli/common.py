"""What every command shares: exit codes, error reporting, secrets from the environment."""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path
from typing import Any

from coomet_lab.kernel.errors import CoometLabError, UnusableInputError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNUSABLE = 2


def exit_code_for(exc: BaseException) -> int:
    if isinstance(exc, UnusableInputError):
        return EXIT_UNUSABLE
    if isinstance(exc, CoometLabError):
        return getattr(exc, "exit_code", EXIT_UNUSABLE)
    return EXIT_UNUSABLE


def report_error(exc: BaseException) -> int:
    """Print a plain message for an error; only unexpected errors show where they happened (for a bug report)."""
    if isinstance(exc, CoometLabError):
        print(f"coomet-lab: error: {exc}", file=sys.stderr)
    else:
        print(f"coomet-lab: unexpected error ({type(exc).__name__}): {exc}", file=sys.stderr)
        if "--debug" in sys.argv:
            traceback.print_exc()
    return exit_code_for(exc)


def whole_argument(text: str) -> int:
    """An argparse ``type`` for ids, job numbers, limits: ASCII digits that fit SQLite's INTEGER (``type=int`` took
    "١" and 20 digits, which SQLite then refused with a bare OverflowError)."""
    import argparse

    from coomet_lab.quantities.numbers import whole_number

    number = whole_number(text.strip().lstrip("#"))
    if number is None:
        raise argparse.ArgumentTypeError(f"{text[:40]!r} is not a number (ASCII digits 0-9, at most 18)")
    return number


def refuse_nul_arguments(args: Any) -> None:
    """No file name or text on the command line can hold NUL (Python's file functions raise a bare ValueError,
    "embedded null byte"); refuse it first, naming the option."""
    for name, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and "\0" in item:
                raise UnusableInputError(f"{name.replace('_', '-')} {item!r} contains a NUL character, which no file "
                                         "name or value can hold")


def input_file(path: str, what: str = "the file", max_bytes: int | None = None) -> Path:
    """A file the user named, checked before it is read: it exists, is a regular file, is readable and (when
    ``max_bytes`` is given) not larger than that; each refusal names the file and says why."""
    file = Path(path)
    try:
        if file.is_dir():
            raise UnusableInputError(f"{file}: is a folder, not {what}")
        size = file.stat().st_size
        with file.open("rb"):
            pass
    except OSError as exc:
        raise UnusableInputError(f"cannot read {file}: {exc.strerror or exc}") from None
    if max_bytes is not None and size > max_bytes:
        raise UnusableInputError(f"{file}: the file is {size / 1024 / 1024:.1f} MB, more than the "
                                 f"{max_bytes // 1024 // 1024} MB allowed for {what}")
    return file


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
