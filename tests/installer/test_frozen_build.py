"""The installer build and its smoke test, end to end: packaging/build.sh --smoke (PyInstaller one-folder build,
then the frozen executable alone in an empty home). Slow (a build environment on first use, ~45 s per build), so
only when asked:

    COOMET_LAB_TEST_FROZEN=1 python -m pytest tests/installer -m slow
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import REPO, SCHEMAS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("COOMET_LAB_TEST_FROZEN") != "1",
                       reason="set COOMET_LAB_TEST_FROZEN=1 to build the installer and smoke-test it"),
]


def test_the_frozen_build_passes_its_smoke_test():
    assert shutil.which("bash"), "the build script needs bash"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("COOMET_LAB_", "PYTHON", "VIRTUAL_ENV"))}
    env["COOMET_LAB_SCHEMA_SOURCE"] = str(SCHEMAS)
    result = subprocess.run(["bash", str(REPO / "packaging" / "build.sh"), "--smoke"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=1800)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-6000:]
    assert "SMOKE OK" in result.stdout, output[-6000:]
