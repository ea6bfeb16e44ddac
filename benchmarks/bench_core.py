"""Build + validate benchmark for the headless core, against pure-Python xmlschema (how PTB's toolkits validate).

Each size runs in its own child process, so peak memory (ru_maxrss) belongs to that size alone. In the child:
the certificate is built from typed strings (10 quantities, the last with an expanded uncertainty per point),
written to DCC 3.3.0 bytes, parsed and validated (XSD + semantic rules) — several times, median reported; then
the same bytes are validated with ``xmlschema`` the way PTB's dcclib does, and the ratio is reported.

    python benchmarks/bench_core.py                 # all sizes (about 10 minutes; the 10 M xmlschema run is long)
    python benchmarks/bench_core.py --sizes 100 100000
    python benchmarks/bench_core.py --no-peer       # ours only

Runs in a temporary COOMET_LAB_HOME with the schemas from ../shared/schemas/dcc (or COOMET_LAB_SCHEMAS).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = [100, 100_000, 1_000_000, 10_000_000]
RUNS = {100: 50, 100_000: 7, 1_000_000: 5, 10_000_000: 3}
PEER_RUNS = {100: 20, 100_000: 3, 1_000_000: 3, 10_000_000: 1}
TARGETS = {100: 0.005, 100_000: 0.150, 1_000_000: 1.5, 10_000_000: 20.0}


def make_values(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.uniform(-500, 500):.5f}" for _ in range(n)]


def build_certificate(total: int, columns: int = 10):
    from coomet_lab.dcc.editing.tables import ColumnSpec, make_table
    from coomet_lab.dcc.io.document import load_document

    points = max(total // columns, 1)
    certificate = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
    specs = []
    for i in range(columns):
        with_u = i == columns - 1
        specs.append(ColumnSpec(
            {"ru": f"Величина {i + 1}", "en": f"Quantity {i + 1}"}, "°C", COLUMNS[i % len(COLUMNS)][:points],
            uncertainties=UNCERTAINTIES[:points] if with_u else None,
            role="basic_measurementError" if with_u else "basic_measuredValue",
        ))
    result = make_table({"ru": "Таблица", "en": "Table"}, specs)
    certificate.measurement_results.results[0].results = [result]
    return certificate


def child(total: int, runs: int, peer_runs: int) -> dict:
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.dcc.validation.validate import validate_bytes

    global COLUMNS, UNCERTAINTIES
    points = max(total // 10, 1)
    COLUMNS = [make_values(points, seed) for seed in range(3)]
    UNCERTAINTIES = [f"{random.Random(9).uniform(0.001, 0.05):.4f}"] * points
    large = total >= 1_000_000

    build_times, validate_times, totals = [], [], []
    data = b""
    report = None
    for _ in range(runs):
        start = time.perf_counter()
        certificate = build_certificate(total)
        data = to_bytes(certificate)
        built = time.perf_counter()
        report = validate_bytes(data, large=large)
        done = time.perf_counter()
        build_times.append(built - start)
        validate_times.append(done - built)
        totals.append(done - start)
        del certificate
    assert report is not None and report.valid, report.errors()[:3] if report else None
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    full_times, xsd_times = validation_loops(data, runs, large)

    out = {
        "values": total, "bytes": len(data), "runs": runs,
        "build_median_s": statistics.median(build_times),
        "validate_median_s": statistics.median(validate_times),
        "total_median_s": statistics.median(totals),
        "peak_rss_mb": round(peak_mb),
    }
    out["validate_loop_median_s"] = statistics.median(full_times)
    out["xsd_loop_median_s"] = statistics.median(xsd_times)
    if peer_runs:
        out.update(peer(data, peer_runs, full_times, xsd_times))
    return out


def validation_loops(data: bytes, runs: int, large: bool) -> tuple[list[float], list[float]]:
    """Our validation of the finished bytes, timed alone: full (XSD + rules) and XSD only (what xmlschema does)."""
    from coomet_lab.dcc.validation.schema_store import SchemaStore
    from coomet_lab.dcc.validation.validate import validate_bytes
    from coomet_lab.dcc.validation.xsd import validate_xsd
    from coomet_lab.kernel.xmlsafe import parse_bytes

    schema = SchemaStore.default().schema("3.3.0")
    full, xsd_only = [], []
    for _ in range(runs):
        start = time.perf_counter()
        validate_bytes(data, large=large)
        full.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert not validate_xsd(schema, parse_bytes(data, large=large), "3.3.0")
        xsd_only.append(time.perf_counter() - start)
    return full, xsd_only


def peer(data: bytes, runs: int, our_full: list[float], our_xsd: list[float]) -> dict:
    """Validate the same bytes with xmlschema, as PTB's dcclib and pydcc do (offline through a URI map)."""
    import xmlschema

    from coomet_lab.dcc.validation.schema_store import SchemaStore, load_pins

    store = SchemaStore.default()
    root = next(r for r in store.roots if (r / "3.3.0" / "dcc.xsd").is_file())
    mapping = {url: str(root / paths[0]) for url, paths in load_pins().location_map().items()}
    schema = xmlschema.XMLSchema10(str(root / "3.3.0" / "dcc.xsd"), uri_mapper=lambda u: mapping.get(u, u),
                                   allow="local")
    times, valid = [], None
    for _ in range(runs):
        start = time.perf_counter()
        valid = schema.is_valid(io.BytesIO(data))
        times.append(time.perf_counter() - start)
    theirs = statistics.median(times)
    return {"xmlschema_median_s": theirs, "xmlschema_valid": valid,
            "ratio_xsd": theirs / statistics.median(our_xsd), "ratio_full": theirs / statistics.median(our_full)}


def run_parent(sizes: list[int], with_peer: bool) -> list[dict]:
    results = []
    shared = os.environ.get("COOMET_LAB_SCHEMAS") or str((REPO.parent / "shared" / "schemas" / "dcc").resolve())
    with tempfile.TemporaryDirectory(prefix="coomet-bench-") as home:
        env = dict(os.environ, COOMET_LAB_HOME=home, COOMET_LAB_SCHEMAS=shared)
        for size in sizes:
            cmd = [sys.executable, __file__, "--child", str(size), "--runs", str(RUNS.get(size, 3)),
                   "--peer-runs", str(PEER_RUNS.get(size, 1) if with_peer else 0)]
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if proc.returncode != 0:
                print(proc.stderr, file=sys.stderr)
                raise SystemExit(f"size {size} failed")
            result = json.loads(proc.stdout.strip().splitlines()[-1])
            results.append(result)
            print(format_row(result), flush=True)
    return results


def format_row(r: dict) -> str:
    target = TARGETS.get(r["values"])
    verdict = "" if target is None else (" ok" if r["total_median_s"] <= target else " OVER TARGET")
    line = (f"{r['values']:>10,} values  {r['bytes'] / 1e6:8.2f} MB  build {r['build_median_s'] * 1000:9.1f} ms  "
            f"validate {r['validate_median_s'] * 1000:9.1f} ms  total {r['total_median_s'] * 1000:9.1f} ms"
            f"{verdict}  peak {r['peak_rss_mb']} MB")
    line += (f"  | ours XSD {r['xsd_loop_median_s'] * 1000:8.2f} ms,"
             f" XSD+rules {r['validate_loop_median_s'] * 1000:8.2f} ms")
    if "xmlschema_median_s" in r:
        line += (f"  | xmlschema {r['xmlschema_median_s'] * 1000:10.1f} ms (valid={r['xmlschema_valid']})"
                 f"  ratio XSD {r['ratio_xsd']:.1f}x, XSD+rules {r['ratio_full']:.1f}x")
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=DEFAULT_SIZES)
    parser.add_argument("--no-peer", action="store_true", help="skip the xmlschema comparison")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=5, help=argparse.SUPPRESS)
    parser.add_argument("--peer-runs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(REPO))
        print(json.dumps(child(args.child, args.runs, args.peer_runs)))
        return
    print(f"COOMET Lab core benchmark, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    results = run_parent(args.sizes, not args.no_peer)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


COLUMNS: list[list[str]] = []
UNCERTAINTIES: list[str] = []

if __name__ == "__main__":
    main()
