"""Cold start of the frozen application (packaging/build.sh's dist/coomet-lab) against the same from a venv.

Two starts are timed, each a new process, in an empty temporary home, offscreen:

* ``coomet-lab --version``: the command line's floor (Python, or the frozen bootloader, and argparse);
* ``coomet-lab --quit-when-ready``: the desktop until the window shows the repository (see bench_startup.py).

The first run of each is reported on its own (the operating system's file cache is cold for a bundle that was just
built or installed); the median, min and max are over the runs after it.

    python benchmarks/bench_frozen_start.py                       # dist/coomet-lab/coomet-lab vs this Python
    python benchmarks/bench_frozen_start.py --runs 9 --frozen PATH
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.bench_startup import measure  # noqa: E402


def time_to_exit(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawning ``command`` until it has exited successfully, and its first line of output."""
    started = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, timeout=120, check=True)
    return time.perf_counter() - started, result.stdout.strip().splitlines()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frozen", type=Path, default=REPO / "dist" / "coomet-lab" / "coomet-lab")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.frozen.is_file():
        raise SystemExit(f"no frozen build at {args.frozen}: run packaging/build.sh first")
    home = Path(tempfile.mkdtemp(prefix="coomet-frozen-start-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COOMET_LAB_HOME": str(home), "COOMET_LAB_NO_WIZARD": "1"}
    env.pop("COOMET_LAB_SCHEMAS", None)
    venv = [sys.executable, "-m", "ui.entry"]
    frozen = [str(args.frozen)]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.platform()}")
    print(f"frozen: {args.frozen}\nvenv:   {sys.executable}\n")
    try:
        results = [measure(f"{kind} --version", command + ["--version"], env, args.runs, timer=time_to_exit)
                   for kind, command in (("venv", venv), ("frozen", frozen))]
        results += [measure(f"{kind} --quit-when-ready", command + ["--quit-when-ready"], env,
                            args.runs) for kind, command in (("venv", venv), ("frozen", frozen))]
    finally:
        shutil.rmtree(home, ignore_errors=True)
    print(f"{'':28} {'first':>8} {'median':>8} {'min':>8} {'max':>8}")
    for r in results:
        print(f"{r['label']:28} {r['first']:8.3f} {r['median']:8.3f} {r['min']:8.3f} {r['max']:8.3f}")
    print(f"\nseconds; the median, min and max over {args.runs} runs after the first")


if __name__ == "__main__":
    main()
