"""Verification records at a verification lab's scale: CSV import, Arshin files, the outbox.

    python benchmarks/bench_arshin.py                   # 50,000 records → Arshin files; 5,000-row CSV; 5 runs each
    python benchmarks/bench_arshin.py --records 10000 --runs 3

Measured, as medians of several runs in one process:
* **render**: 50,000 records → Arshin import files, checked by the app's rules and validated against the
  (reconstructed) import XSD, split at 5,000 records / 5 MB: what ``export arshin`` does between reading the
  records and writing the files. Target (issue 7): ≤ 5 s.
* the **floor** for the same records: lxml building and serializing the same elements with no checks, no split and
  no validation — what any generator must at least spend.
* **CSV import**: a 5,000-row CSV read, checked and recorded in a fresh repository (one transaction).
* **outbox export**: the whole ``export arshin`` on a repository holding the 50,000 records (read, render,
  reserve, write files and manifest); it changes the repository, so each of up to three runs starts from a copy
  made before its clock starts.

Runs in a temporary COOMET_LAB_HOME, with ../shared/schemas/arshin as the Arshin schema.
"""

from __future__ import annotations

import argparse
import csv
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

COLUMNS = ("mitype_number,modification,manufacture_num,manufacture_year,owner,vrf_date,valid_date,type,calibration,"
           "applicable,sticker_num,sign_pass,sign_mi,reasons,doc_title,metrologist,etalons,temperature,pressure,"
           "humidity,sign_cipher").split(",")


def rows(count: int) -> list[dict[str, str]]:
    """Realistic rows: water meters, mostly fit, every tenth unfit, two standards, conditions as typed."""
    out = []
    for n in range(count):
        fit = n % 10 != 0
        out.append({
            "mitype_number": ("16078-13", "38760-08", "22129-09")[n % 3], "modification": "-",
            "manufacture_num": f"{29_000_000 + n}", "manufacture_year": str(2015 + n % 10),
            "owner": "Физическое лицо" if n % 2 else "ООО «Водоканал» & партнёры",
            "vrf_date": f"2026-11-{1 + n % 20:02d}", "valid_date": f"2032-10-{1 + n % 20:02d}" if fit else "",
            "type": "2", "calibration": "false", "applicable": "true" if fit else "false",
            "sticker_num": "", "sign_pass": "false", "sign_mi": "true" if fit else "false",
            "reasons": "" if fit else "Погрешность превышает допускаемую (п. 7.3 МП)",
            "doc_title": "МИ 1592-2015", "metrologist": "Иванов И.И.",
            "etalons": "72850.18.3Р.00703091;72850.18.3Р.00703092", "temperature": "21,5 °C",
            "pressure": "100,9 кПа", "humidity": "45 %", "sign_cipher": "ДГХ"})
    return out


def write_csv(path: Path, data: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(data)


def median_time(action, runs: int) -> tuple[float, list[float]]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def floor(records, profile) -> None:  # noqa: ANN001
    from lxml import etree

    from coomet_lab.registers import arshin

    root = etree.Element(profile.tag("application"), nsmap={"gost": profile.namespace})
    for record in records:
        arshin._result(record, profile, root)  # noqa: SLF001 - the same elements, nothing else
    etree.tostring(root, encoding="utf-8", xml_declaration=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--csv-rows", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    # Every repository the runs make (about 690 MB at the default size) goes with the folder, even after an error.
    with tempfile.TemporaryDirectory(prefix="coomet-bench-arshin-") as folder:
        run(args, Path(folder))


def run(args: argparse.Namespace, work: Path) -> None:
    os.environ["COOMET_LAB_HOME"] = str(work / "home")
    os.environ.setdefault("COOMET_LAB_ARSHIN_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "arshin"))

    from coomet_lab.jurisdictions.ru import records_from_rows
    from coomet_lab.registers import arshin
    from coomet_lab.repository import Repository

    profile = arshin.get_profile(arshin.DEFAULT_PROFILE)
    schema = arshin.arshin_schema(profile)
    if schema is None:
        sys.exit("the Arshin schema is missing: set COOMET_LAB_ARSHIN_SCHEMAS")
    batch = records_from_rows(list(enumerate(rows(args.records), start=2)), source="bench")
    items = [(line, record) for line, record in batch.records]
    records = [record for _, record in items]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")

    files: list = []
    render, render_runs = median_time(lambda: files.__setitem__(slice(None), arshin.render_files(
        items, profile=profile, schema=schema)), args.runs)
    floor_time, _ = median_time(lambda: floor(records, profile), args.runs)
    print(f"{args.records:,} records → {len(files)} Arshin files ({sum(len(f.data) for f in files) / 1e6:.1f} MB, "
          f"largest {max(len(f.data) for f in files) / 1e6:.2f} MB, {max(f.record_count for f in files)} records): "
          f"median {render:.2f} s (runs {', '.join(f'{t:.2f}' for t in render_runs)}); target 5 s")
    print(f"  floor (lxml build + serialize only, no checks/split/validation): {floor_time:.2f} s "
          f"→ render is {render / floor_time:.1f}× the floor")

    source = work / "batch.csv"
    write_csv(source, rows(args.csv_rows))
    homes = iter(range(1000))

    def import_csv() -> None:
        with Repository.open(work / f"repo-{next(homes)}") as repo:
            repo.verifications.import_types(REPO / "tests" / "data" / "verification" / "types.csv", who="bench")
            report = repo.verifications.import_batch(source, who="bench")
            assert len(report.recorded) == args.csv_rows, report.problems[:3]

    imported, import_runs = median_time(import_csv, args.runs)
    print(f"CSV import of {args.csv_rows:,} rows into a fresh repository: median {imported:.2f} s "
          f"(runs {', '.join(f'{t:.2f}' for t in import_runs)})")

    with Repository.open(work / "outbox") as repo:
        started = time.perf_counter()
        repo.verifications.record(records, who="bench", source="bench")
        recorded = time.perf_counter() - started
    export_runs = []
    for run in range(max(1, min(args.runs, 3))):
        # Exporting changes the repository: each run starts from its own copy holding the recorded records.
        copy = work / f"outbox-{run}"
        shutil.copytree(work / "outbox", copy)
        with Repository.open(copy) as repo:
            started = time.perf_counter()
            jobs = repo.outbox.export_arshin(copy / "out", who="bench")
            export_runs.append(time.perf_counter() - started)
            assert sum(job.records for job in jobs) == args.records
    exported = statistics.median(export_runs)
    print(f"outbox: recording {args.records:,} records {recorded:.2f} s (one run); export arshin (read, render, "
          f"validate, reserve with its audit entry, write files + manifest) median {exported:.2f} s "
          f"(runs {', '.join(f'{t:.2f}' for t in export_runs)})")


if __name__ == "__main__":
    main()
