"""Cold start of the desktop application: from launching the process to the main window showing the repository.

Each run is a new process (``python -m ui.entry --quit-when-ready``): Python starts, Qt loads, the window is shown,
the repository is opened off the GUI thread and its list painted; the app prints ``ready`` at that moment and the
clock stops when that line arrives. The operating system's file cache is warm after the first run (as on a
workstation that started the app yesterday); the first run of each size is reported separately.

For scale, the same command times the floor: a bare PySide6 process that shows an empty QMainWindow.

    python benchmarks/bench_startup.py                      # empty repository and 20,000 certificates, 7 runs each
    python benchmarks/bench_startup.py --sizes 0 100000 --runs 5

Runs in a temporary COOMET_LAB_HOME, offscreen (QT_QPA_PLATFORM=offscreen). The target (issue 6) is 1.5 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

BARE_QT = ("from PySide6.QtWidgets import QApplication, QMainWindow\n"
           "app = QApplication([])\nwindow = QMainWindow()\nwindow.resize(1180, 780)\nwindow.show()\n"
           "app.processEvents()\nprint('ready 0', flush=True)\n")


def time_to_ready(command: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawning ``command`` to its ``ready`` line, and that line."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("ready"):
            elapsed = time.perf_counter() - started
            process.wait(timeout=60)
            return elapsed, line.strip()
    process.wait(timeout=60)
    raise RuntimeError(f"{command} exited with {process.returncode} before it was ready")


def populate(home: Path, count: int) -> None:
    """``count`` issued certificates through the repository's own code (see bench_repository.generate)."""
    if count == 0:
        return
    from coomet_lab.repository import Repository

    from benchmarks.bench_repository import generate

    os.environ["COOMET_LAB_HOME"] = str(home)
    with Repository.open(home / "repository", durable=False) as repository:
        generate(repository, count)


def measure(label: str, command: list[str], env: dict[str, str], runs: int, timer=None) -> dict:  # noqa: ANN001
    """The first run apart (cold file cache), then the median of ``runs`` more; ``timer`` defaults to
    :func:`time_to_ready`."""
    timer = timer or time_to_ready
    first, line = timer(command, env)
    times = [timer(command, env)[0] for _ in range(runs)]
    return {"label": label, "first": first, "median": statistics.median(times), "min": min(times),
            "max": max(times), "line": line}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 20_000], help="certificates in the repository")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    schemas = REPO.parent / "shared" / "schemas" / "dcc"
    env.setdefault("COOMET_LAB_SCHEMAS", str(schemas))
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
          f"{platform.python_version()}, {platform.platform()}")
    results = [measure("bare PySide6 window (floor)", [sys.executable, "-c", BARE_QT], env, args.runs)]
    for size in args.sizes:
        home = Path(tempfile.mkdtemp(prefix="coomet-startup-"))
        try:
            populate(home, size)
            results.append(measure(f"COOMET Lab, {size:,} certificates", [sys.executable, "-m", "ui.entry",
                                                                          "--quit-when-ready"],
                                   {**env, "COOMET_LAB_HOME": str(home)}, args.runs))
        finally:
            shutil.rmtree(home, ignore_errors=True)
    floor = results[0]["median"]
    print(f"\n{'':36} {'first':>8} {'median':>8} {'min':>8} {'max':>8} {'vs floor':>9}   shown")
    for r in results:
        print(f"{r['label']:36} {r['first']:8.3f} {r['median']:8.3f} {r['min']:8.3f} {r['max']:8.3f} "
              f"{r['median'] / floor:8.1f}×   {r['line'].split()[1]} entries")
    worst = max(r["median"] for r in results[1:])
    print(f"\ntarget ≤ 1.5 s: {'met' if worst <= 1.5 else 'NOT met'} (slowest median {worst:.3f} s, "
          f"{args.runs} runs each, seconds)")


if __name__ == "__main__":
    main()
