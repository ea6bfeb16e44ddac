"""Where the application keeps its data and finds its own files.

``COOMET_LAB_HOME`` overrides the data folder (schema store, repository, keys, settings); otherwise the platform's
user data folder is used. Shipped files (schema pins, resources) are found in the source tree, in a frozen bundle
or in a wheel's shared data folder, through one function.
"""

from __future__ import annotations

import os
import site
import sys
from pathlib import Path

APP_NAME = "coomet-lab"
HOME_ENV = "COOMET_LAB_HOME"


def app_home() -> Path:
    """The data folder of this user (created on first use)."""
    override = os.environ.get(HOME_ENV)
    if override:
        home = Path(override).expanduser()
    else:
        from platformdirs import user_data_path

        home = user_data_path(APP_NAME, appauthor=False)
    home.mkdir(parents=True, exist_ok=True)
    return home


def schema_store_dir() -> Path:
    """The folder holding installed DCC schema sets (one sub-folder per version)."""
    return app_home() / "schemas" / "dcc"


def shipped_dir(name: str) -> Path:
    """A top-level folder shipped with the application (``schemas`` or ``resources``)."""
    for base in _shipped_roots():
        candidate = base / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the application's {name!r} folder is missing (looked in {list(_shipped_roots())})")


def _shipped_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(Path(__file__).resolve().parents[2])
    # A wheel's data files: <prefix>/share/coomet-lab in a virtual environment, the user base for `pip install --user`.
    roots.append(Path(sys.prefix) / "share" / APP_NAME)
    if site.USER_BASE:
        roots.append(Path(site.USER_BASE) / "share" / APP_NAME)
    return roots
