"""The ``coomet-lab`` executable: a command when one is given, otherwise the desktop application.

This is the composition root, outside the core: ``coomet_lab`` never imports the ``ui`` package. Qt is imported
only when the window is wanted, so command-line use stays fast.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

DESKTOP_OPTIONS = ("--screenshot", "--lang", "--view", "--open", "--quit-when-ready")


def wants_desktop(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return first in DESKTOP_OPTIONS or any(first.startswith(option + "=") for option in DESKTOP_OPTIONS)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_desktop(args):
        from ui.app import run

        return run(args)
    from coomet_lab.cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
