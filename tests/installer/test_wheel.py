"""What a Python user gets: `pip install coomet-lab` (a wheel built from this tree, installed into a fresh virtual
environment with nothing else in it) and then `coomet-lab`, which must open the window in an empty home. Needs
PyPI or pip's cache (the dependencies are installed like a user's), so it is gated like the frozen build:

    COOMET_LAB_TEST_FROZEN=1 python -m pytest tests/installer/test_wheel.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coomet_lab._version import __version__

from tests.conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("COOMET_LAB_TEST_FROZEN") != "1",
                       reason="set COOMET_LAB_TEST_FROZEN=1 to build the wheel and run it in a fresh venv"),
]


def _run(command: list[str], env: dict[str, str], cwd: Path, timeout: int = 900) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, (command, (result.stdout + result.stderr)[-6000:])
    return result


def test_an_installed_wheel_opens_the_window(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("COOMET_LAB_", "PYTHON", "VIRTUAL_ENV"))}
    wheels = tmp_path / "wheels"
    # An isolated build environment, as a user's pip makes one (setuptools>=68 from pyproject's build-system).
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(REPO)], env, tmp_path)
    [wheel] = wheels.glob("coomet_lab-*.whl")
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], env, tmp_path)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], env, tmp_path)

    home = tmp_path / "home"
    home.mkdir()
    run_env = dict(env, COOMET_LAB_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    elsewhere = tmp_path / "cwd"  # not the source tree: only the installed files may be found
    elsewhere.mkdir()
    command = str(venv / "bin" / "coomet-lab")
    version = _run([command, "--version"], run_env, elsewhere, timeout=120)
    assert version.stdout.strip() == f"coomet-lab {__version__}"

    shot = tmp_path / "out.png"
    result = _run([command, "--screenshot", str(shot)], run_env, elsewhere, timeout=180)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr[-6000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # The shipped files come from the wheel's shared data folder, translations included (compiled at run time
    # when the wheel carries only the .ts sources).
    probe = ("from ui.i18n import compiled_translation; from coomet_lab.kernel.paths import shipped_dir; "
             "print(shipped_dir('resources')); print(shipped_dir('schemas')); print(compiled_translation('ru'))")
    paths = _run([str(venv / "bin" / "python"), "-c", probe], run_env, elsewhere).stdout.split()
    assert all(Path(path).is_relative_to(venv) or Path(path).is_relative_to(home) for path in paths), paths
    assert paths[2] != "None"
