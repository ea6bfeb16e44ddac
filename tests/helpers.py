"""Helpers shared by tests (paths, running the command line, building documents)."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from coomet_lab.cli.main import main

from tests.conftest import EXAMPLES, OWN_EXAMPLES, REPO, SCHEMAS  # noqa: F401 (re-exported)

EX01 = EXAMPLES / "01_ptb-dcclib_valid_v3.3.0.xml"
EX02 = EXAMPLES / "02_ptb-dcclib_valid_signature_v3.3.0.xml"
EX05 = EXAMPLES / "05_ptb_vacuumlab-CDG_v3.1.1.xml"
THERMOMETER = OWN_EXAMPLES / "thermometer-pt100-ru-en.json"
PRESSURE = OWN_EXAMPLES / "pressure-gauge-as-found-as-left-de-en.json"


def run_cli(*args: str) -> tuple[int, str, str]:
    """Run ``coomet-lab ARGS`` in-process; returns (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
    return code, out.getvalue(), err.getvalue()


def run_cli_json(*args: str) -> tuple[int, dict]:
    code, out, _err = run_cli(*args)
    return code, json.loads(out)


def replace_in(path: Path, old: str, new: str, target: Path, count: int = 1) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    target.write_text(text.replace(old, new, count), encoding="utf-8")
    return target
