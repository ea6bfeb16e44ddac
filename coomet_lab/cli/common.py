"""What every command shares: exit codes, error reporting, secrets from the environment."""

from __future__ import annotations

import json
import sys
import traceback
from typing import Any

from coomet_lab.errors import CoometLabError, UnusableInputError

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


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
