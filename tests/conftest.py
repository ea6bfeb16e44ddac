"""Shared test set-up: every test runs in its own temporary application home, offline, with PTB's schemas taken
from ``../shared/schemas/dcc`` (checked against the pins like any schema set)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("COOMET_LAB_SHARED", REPO.parent / "shared")).resolve()
SCHEMAS = SHARED / "schemas" / "dcc"
EXAMPLES = SHARED / "examples" / "dcc"
ARSHIN = SHARED / "schemas" / "arshin"
OWN_EXAMPLES = REPO / "examples"

if not SCHEMAS.is_dir():
    raise RuntimeError(f"the shared reference folder is missing: expected {SCHEMAS} (set COOMET_LAB_SHARED)")


@pytest.fixture(autouse=True)
def app_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COOMET_LAB_HOME", str(home))
    monkeypatch.setenv("COOMET_LAB_SCHEMAS", str(SCHEMAS))
    return home


@pytest.fixture
def example(request: pytest.FixtureRequest) -> Path:
    return EXAMPLES / request.param


def example_path(name: str) -> Path:
    matches = sorted(EXAMPLES.glob(f"{name}*.xml"))
    assert matches, f"no shared example {name}"
    return matches[0]


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory):
    from tests import pki

    return pki.build(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def unsigned_dcc() -> bytes:
    """The thermometer example as DCC 3.3.0 bytes, ready to sign."""
    from coomet_lab.dcc.writer import to_bytes
    from coomet_lab.document import load_document

    return to_bytes(load_document(OWN_EXAMPLES / "thermometer-pt100-ru-en.json"))
