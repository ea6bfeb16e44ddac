"""Every attack twin of tests/data/attacks/twin/ through the real command line: the exit code and the specific
message expected.json names, quickly (the bound here is a safety net; the measured times are in the report), and
nothing is inflated past the caps (a decompression bomb answers in about a second, not after gigabytes)."""

from __future__ import annotations

import json
import shutil
import time

import pytest

from tests.helpers import REPO, run_cli

FOLDER = REPO / "tests" / "data" / "attacks" / "twin"
EXPECTED = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))


def test_every_attack_file_is_listed_and_small():
    files = sorted(p.name for p in FOLDER.glob("*.pdf"))
    assert files == sorted(EXPECTED)
    assert all((FOLDER / name).stat().st_size < 2 * 1024 * 1024 for name in files)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_attack_twin(name, tmp_path):
    entry = EXPECTED[name]
    target = tmp_path / name
    shutil.copyfile(FOLDER / name, target)
    if entry["command"] == "verify":
        args = ["verify", target, "--trust", FOLDER / "pki" / "lab-ca.pem"]
    else:
        assert entry["command"] == "repo import"
        args = ["repo", "--repository", tmp_path / "repository", "import", target]
    start = time.perf_counter()
    code, out, err = run_cli(*args)
    elapsed = time.perf_counter() - start
    assert code == entry["exit"], out + err
    assert entry["message"] in out + err, out + err
    assert "unexpected error" not in out + err
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    assert target.read_bytes() == (FOLDER / name).read_bytes()  # nothing changed
