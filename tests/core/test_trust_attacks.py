"""Every crafted file under tests/data/attacks/trust/ through the real command line: the exit code, the specific
message, nothing changed in the application's home, nothing written, and no hang (the bound is a safety net only)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.helpers import run_cli

ATTACKS = Path(__file__).resolve().parents[1] / "data" / "attacks" / "trust"
EXPECTED = json.loads((ATTACKS / "expected.json").read_text(encoding="utf-8"))
PASSPHRASE = "attack passphrase 1"  # of the test keys in pki/ (README.md there)


def _arguments(args: list[str], case: str, out: Path) -> list[str]:
    resolved = []
    for arg in args:
        if arg == "{file}":
            resolved.append(str(ATTACKS / case))
        elif arg == "{out}":
            resolved.append(str(out))
        elif arg.startswith("pki/"):
            resolved.append(str(ATTACKS / arg))
        else:
            resolved.append(arg)
    return resolved


def _snapshot(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_trust_attack_is_refused_through_the_cli(case, app_home, tmp_path, monkeypatch):
    expected = EXPECTED[case]
    monkeypatch.setenv("ATTACK_PASSPHRASE", PASSPHRASE)
    for step in expected.get("setup", []):
        code, _, err = run_cli(*_arguments(step, case, tmp_path / "unused"))
        assert code == 0, (step, err)
    before = _snapshot(app_home)
    out = tmp_path / "out" / "result.bin"
    started = time.perf_counter()
    code, stdout, stderr = run_cli(*_arguments(expected["args"], case, out))
    elapsed = time.perf_counter() - started
    text = stdout + stderr
    assert code == expected["exit"], text
    assert expected["message"] in text, text
    assert "unexpected error" not in text and "Traceback" not in text, text
    assert not out.exists(), "a refused command wrote its output"
    assert _snapshot(app_home) == before, "a refused command changed the application's home"
    assert elapsed < 10, f"{case} took {elapsed:.1f} s"


def test_every_attack_file_is_listed():
    files = {p.name for p in ATTACKS.iterdir() if p.is_file() and p.suffix in (".pem", ".crl", ".p12", ".xml")}
    assert files <= set(EXPECTED), sorted(files - set(EXPECTED))
