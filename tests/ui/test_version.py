"""One version number (coomet_lab._version) on the command line and in the About box."""

from __future__ import annotations

import subprocess
import sys

from coomet_lab._version import __version__

from tests.helpers import REPO


def test_version_option_prints_the_single_version():
    result = subprocess.run([sys.executable, "-m", "ui.entry", "--version"], cwd=REPO, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.strip() == f"coomet-lab {__version__}"


def test_about_box_shows_the_version(window, no_modal_dialogs):
    window.about()
    assert any(__version__ in str(part) for args in no_modal_dialogs for part in args)
