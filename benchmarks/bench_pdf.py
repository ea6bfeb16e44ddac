"""PDF twin benchmark: render, PDF/A-3b, PAdES and the whole make_twin for a typical, a 10-page and a 100-page
certificate, plus the first twin of a fresh process.

Documents: the thermometer example (Russian/English) as it is ("typical", 3 pages), and with its calibration table
grown to ROWS rows (reference, indication, deviation with its expanded uncertainty: four printed columns, values
with three to five decimals), signed (XAdES) with an ECDSA P-256 key from a throw-away lab PKI. Key opened once,
outside the timing. Steps are timed in-process, medians of --runs runs after one warm-up (fonts registered,
modules imported, the pyHanko signer prepared); "first" is the first ``make_twin`` of a fresh process (after the
key is opened and the DCC signed), a median over --first-runs processes.

* render: ``render_pages`` (reportlab) — the pages only;
* PDF/A: ``pdfa.finish`` — output intent, dcc.xml embedded, XMP;
* PAdES: ``sign_pdf`` — pre-flight, PAdES B-B, check of the new signature;
* make twin: ``make_twin(signed_xml, signer=...)`` — validate (XSD + rules), verify the XAdES signature, render
  from the verified content, PDF/A-3b, PAdES;
* verified twin: ``make_verified_twin(signed_xml, report)`` (when the code has it) — the same without validating and
  verifying the DCC again (issuing has just done both);
* verify: ``verify_pdf`` — PAdES (pyHanko + trust store), embedded DCC (XAdES), hash on every page.

Wall-clock (``perf_counter``) and CPU (``process_time``) medians are printed, and the best CPU time: on a shared
machine the CPU time is the steadier number, the best run the least disturbed one. Everything is written under one
temporary directory, removed at the end.

    python benchmarks/bench_pdf.py [--runs 7] [--first-runs 3] [--sizes typical,10,100] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

EXAMPLE = REPO / "examples" / "thermometer-pt100-ru-en.json"
SIZES: dict[str, int | None] = {"typical": None, "10": 360, "100": 5250}  # table rows (None: the example as is)
LABELS = {"typical": "typical (example)", "10": "10 pages", "100": "100 pages"}
PASSPHRASE = "bench passphrase"


def make_dcc(rows: int | None) -> bytes:
    """The example's DCC, its calibration table grown to ``rows`` rows (or as it is)."""
    import random

    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    certificate = load_document(EXAMPLE)
    if rows is None:
        return to_bytes(certificate)
    rng = random.Random(11)
    columns = certificate.measurement_results.results[0].results[0].data.items[0].items
    reference = [f"{-50 + 200 * i / rows:.3f}" for i in range(rows)]
    columns[0].real_list_xml_list.value_xml_list = " ".join(reference)
    errors = [f"{rng.uniform(-0.08, 0.08):.4f}" for _ in range(rows)]
    columns[1].real_list_xml_list.value_xml_list = " ".join(
        f"{float(r) + float(e):.5f}" for r, e in zip(reference, errors, strict=True))
    columns[2].real_list_xml_list.value_xml_list = " ".join(errors)
    expanded = columns[2].real_list_xml_list.measurement_uncertainty_univariate_xml_list.expanded_mu_xml_list
    expanded.value_expanded_mu_xml_list = " ".join(f"{rng.uniform(0.015, 0.035):.3f}" for _ in range(rows))
    return to_bytes(certificate)


def timed(fn: Callable[[], Any], runs: int) -> tuple[dict[str, float], Any]:
    """Median wall and CPU milliseconds (and the best CPU time) of ``runs`` calls after one warm-up, and the last
    result."""
    fn()
    walls, cpus, result = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return {"wall": statistics.median(walls) * 1000, "cpu": statistics.median(cpus) * 1000,
            "best": min(cpus) * 1000}, result


@contextlib.contextmanager
def lab(home: Path) -> Iterator[tuple[Any, Any]]:
    """A throw-away lab PKI under ``home``: the opened signer and the trust store (the signer closed at the end)."""
    os.environ["COOMET_LAB_HOME"] = str(home)
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "dcc"))
    from coomet_lab.trust import KeyFile, TrustStore, open_signer
    from coomet_lab.trust.keys import init_lab

    pki = init_lab(lab="Bench Lab", person="Bench Signer", out=home / "keys", passphrase=PASSPHRASE)
    signer = open_signer(KeyFile(pki.signer_path), PASSPHRASE)
    try:
        yield signer, TrustStore.with_files([pki.ca_certificate_path])
    finally:
        signer.close()


def first_twin(size: str) -> dict[str, float]:
    """In this (fresh) process: sign the DCC, then time the first make_twin (modules load, fonts register...)."""
    from coomet_lab.trust import sign_xml

    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder, lab(Path(folder)) as (signer, trust):
        signed = sign_xml(make_dcc(SIZES[size]), signer, trust=trust)
        from coomet_lab.twin import make_twin

        wall, cpu = time.perf_counter(), time.process_time()
        make_twin(signed, signer=signer, trust=trust)
        cpu = (time.process_time() - cpu) * 1000
        return {"wall": (time.perf_counter() - wall) * 1000, "cpu": cpu, "best": cpu}


def first_in_fresh_processes(size: str, runs: int) -> dict[str, float]:
    walls, cpus = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, __file__, "--child-first", size], capture_output=True, text=True,
                             check=True, env={**os.environ, "PYTHONPATH": str(REPO)})
        numbers = json.loads(out.stdout.strip().splitlines()[-1])
        walls.append(numbers["wall"])
        cpus.append(numbers["cpu"])
    return {"wall": statistics.median(walls), "cpu": statistics.median(cpus), "best": min(cpus)}


def measure(size: str, runs: int, first_runs: int, signer: Any, trust: Any) -> dict[str, Any]:
    from coomet_lab.trust import sign_xml, verify_xml
    from coomet_lab.twin import make as twin_module
    from coomet_lab.twin import make_twin, pdfa, verify_pdf
    from coomet_lab.twin.fonts import resolve_fonts
    from coomet_lab.twin.make import prepare
    from coomet_lab.twin.pades import sign_pdf, vendor
    from coomet_lab.twin.render import render_pages

    signed = sign_xml(make_dcc(SIZES[size]), signer, trust=trust)
    prepared = prepare(signed, trust=trust)
    sha = hashlib.sha256(signed).hexdigest()
    fonts = resolve_fonts()
    row: dict[str, Any] = {"certificate": LABELS[size], "rows": SIZES[size], "dcc_kib": len(signed) / 1024}
    if first_runs:
        row["first"] = first_in_fresh_processes(size, first_runs)
    row["render"], rendered = timed(lambda: render_pages(prepared.certificate, sha256=sha, draft=False, fonts=fonts,
                                                         signatures=prepared.verification.signatures), runs)
    row["pdfa"], pdf = timed(lambda: pdfa.finish(rendered.pdf, xml=signed, producer=vendor()), runs)
    row["pades"], _ = timed(lambda: sign_pdf(pdf, signer, trust=trust), runs)
    row["make_twin"], twin = timed(lambda: make_twin(signed, signer=signer, trust=trust), runs)
    verified = getattr(twin_module, "make_verified_twin", None)
    if verified is not None:
        report = verify_xml(signed, trust=trust)
        row["verified_twin"], _ = timed(lambda: verified(signed, report, signer=signer, trust=trust), runs)
    row["verify"], checked = timed(lambda: verify_pdf(twin.pdf, trust=trust), runs)
    assert checked.valid, checked.summary()
    row["pages"], row["pdf_kib"] = twin.pages, len(twin.pdf) / 1024
    return row


COLUMNS = [("first", "first (fresh process)"), ("render", "render"), ("pdfa", "PDF/A"), ("pades", "PAdES"),
           ("make_twin", "make twin"), ("verified_twin", "verified twin"), ("verify", "verify")]


CLOCKS = {"wall": "wall-clock time, median", "cpu": "CPU time, median", "best": "CPU time, best run"}


def print_table(rows: list[dict[str, Any]], clock: str) -> None:
    shown = [(key, title) for key, title in COLUMNS if any(key in r for r in rows)]
    print(f"\n{CLOCKS[clock]}, ms")
    print(" | ".join(["certificate", "rows", "pages", "DCC", *(t for _, t in shown), "PDF"]))
    for r in rows:
        cells = [r["certificate"], str(r["rows"] or "example"), str(r["pages"]), f"{r['dcc_kib']:.0f} KiB"]
        cells += [f"{r[k][clock]:.1f}" if k in r else "–" for k, _ in shown]
        print(" | ".join(cells + [f"{r['pdf_kib']:.0f} KiB"]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--first-runs", type=int, default=3, help="fresh processes for the first twin (0: none)")
    parser.add_argument("--sizes", default=",".join(SIZES), help=f"comma-separated, of {', '.join(SIZES)}")
    parser.add_argument("--json", action="store_true", help="also print the numbers as JSON")
    parser.add_argument("--child-first", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_first:
        print(json.dumps(first_twin(args.child_first)))
        return
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; choose from {', '.join(SIZES)}")
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"medians of {args.runs} runs after one warm-up; first twin: median of {args.first_runs} fresh processes; "
          "ECDSA P-256 key already opened")
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder, lab(Path(folder)) as (signer, trust):
        rows = [measure(size, args.runs, args.first_runs, signer, trust) for size in sizes]
    for clock in CLOCKS:
        print_table(rows, clock)
    if args.json:
        print(json.dumps(rows))


if __name__ == "__main__":
    main()
