"""The files made mypy-clean stay clean, and the packages' re-exports are declared, so linters see them.

mypy runs over the whole code (errors in other modules are reported too, because mypy follows imports) and only
the files listed here must have none; the list grows as more of the code is made clean.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import REPO

MYPY_CLEAN = (
    "coomet_lab/dcc/",
    "coomet_lab/dcc/model/",
    "coomet_lab/jurisdictions/ru/certificate.py",
    "coomet_lab/jurisdictions/ru/record.py",
    "coomet_lab/dcc/editing/builder.py",
    "coomet_lab/dcc/editing/fields.py",
    "coomet_lab/dcc/editing/tables.py",
    "coomet_lab/jurisdictions/ru/order2510.py",
    "ui/",
    "coomet_lab/kernel/",
    "coomet_lab/quantities/",
    "coomet_lab/trust/",
    "coomet_lab/twin/",
    "coomet_lab/jurisdictions/",
    "coomet_lab/registers/",
    "coomet_lab/intake/",
    "coomet_lab/cli/",
)


def test_mypy_finds_no_error_in_the_clean_files():
    pytest.importorskip("mypy", reason="mypy is the type checker this test runs")
    # mypy's own incremental cache (.mypy_cache, which ignores itself in git): a rerun takes seconds, not a minute.
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "coomet_lab", "ui", "--ignore-missing-imports", "--no-error-summary"],
        cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode in (0, 1), result.stderr  # 2 is mypy's own failure (bad option, crash)
    errors = [line for line in result.stdout.splitlines() if " error: " in line]
    in_clean = [line for line in errors if line.replace("\\", "/").startswith(MYPY_CLEAN)]
    assert in_clean == []


def test_ruff_finds_no_unused_import():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is the linter this test runs")
    targets = ["coomet_lab", "ui", "benchmarks"]
    result = subprocess.run([ruff, "check", "--select", "F401", "--output-format", "concise", *targets],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_model_package_declares_every_name_it_re_exports():
    import coomet_lab.dcc.model as model

    public = {name for name, value in vars(model).items()
              if not name.startswith("_") and not isinstance(value, ModuleType)}
    assert public <= set(model.__all__)
    assert all(hasattr(model, name) for name in model.__all__)


def test_the_pdf_package_declares_exactly_its_lazy_exports():
    import coomet_lab.twin as pdf

    assert sorted(pdf.__all__) == sorted(pdf._EXPORTS)
