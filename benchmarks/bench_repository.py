"""Repository benchmark: 100,000 issued certificates, then search, open one, verify and import 1,000 DCCs.

What is generated: the thermometer example (examples/thermometer-pt100-ru-en.json) written to DCC 3.3.0 once
(16 KB), then for every certificate its number, serial number, customer, item, model, dates and standards are
substituted into those bytes, so each stored XML is a distinct, realistic 16 KB file. They are loaded through the
repository's own row, search-index, file-store and audit-chain code, 1,000 per transaction, without validating
each one and without fsync per file (issuing 100,000 certificates one by one through ``issue`` would measure
validation and disk syncs 100,000 times, not the repository). Every row has its audit entry ("issued", with the
row hash), so ``verify`` walks a full chain and hashes every file. Signing is not part of the repository.

The 1,000 imported DCCs are made from both example documents (load_document + to_bytes) with varied identifiers
and go through ``import_files`` like any received file: read, parse, XSD + rules validation, store, index, audit.

    python benchmarks/bench_repository.py                   # 100,000 certificates (a few minutes, ~1.7 GB temp)
    python benchmarks/bench_repository.py --count 10000 --imports 200

Runs in a temporary COOMET_LAB_HOME with the schemas from ../shared/schemas/dcc (or COOMET_LAB_SCHEMAS).
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CUSTOMERS_RU = ["АО «Уралхим»", "ООО «Теплоконтроль»", "ПАО «Северсталь»", "ФГУП «Квант»", "АО «ТВЭЛ»",
                "ООО «Метрика»", "ЗАО «Энергомера»", "АО «Газпром газораспределение»"]
CUSTOMERS_EN = ["Acme Calibration Ltd", "Nordic Process AB", "Baltic Energy", "Helios Instruments", "Kappa Labs",
                "Delta Pharma", "Omega Foods", "Sigma Chemicals"]
ITEMS = [("Термометр цифровой", "Digital thermometer", "ETP-2"), ("Манометр", "Pressure gauge", "МП-100"),
         ("Калибратор давления", "Pressure calibrator", "Метран-517"), ("Термопара", "Thermocouple", "ТХА-0196"),
         ("Мультиметр", "Multimeter", "B7-78"), ("Гигрометр", "Hygrometer", "ИВА-6")]
STANDARDS = ["ЭТС-100 1021 С-ВЯ/12-03-2026/412345678", "МИТ 8.10 2288 С-ВЯ/04-04-2026/412399001",
             "Fluke 5522A 3001 DKD-K-1234/2025", "ПКДУ-1 17 С-ГЧ/02-02-2025/300111"]


def _percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def generate(repo, count: int, seed: int = 7) -> dict:
    """Load ``count`` issued certificates through the repository's own code (see the module docstring)."""
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.repository import schema
    from coomet_lab.repository.audit import Action
    from coomet_lab.repository.filestore import sha256_hex
    from coomet_lab.repository.search import fts_row

    base = to_bytes(load_document(REPO / "examples" / "thermometer-pt100-ru-en.json"))
    rng = random.Random(seed)
    started = time.perf_counter()
    batch = 1000
    numbers = []
    for start in range(0, count, batch):
        with repo.store.write("benchmark load") as tx:
            fts = []
            for i in range(start, min(start + batch, count)):
                year = 2020 + i * 7 // count
                number = f"UT-{year}-{i:06d}"
                serial = f"{rng.randrange(10**7):07d}"
                ru, en = rng.choice(CUSTOMERS_RU), rng.choice(CUSTOMERS_EN)
                item_ru, item_en, model = rng.choice(ITEMS)
                day = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
                standards = "; ".join(rng.sample(STANDARDS, 2))
                xml = (base.replace(b"UT-2026-00417", number.encode()).replace(b"20417", serial.encode())
                       .replace("АО «Уралхим»".encode(), ru.encode()).replace(b"Uralkhim JSC", en.encode())
                       .replace(b"2026-11-19", day.encode()).replace(b"2026-11-20", day.encode())
                       .replace(b"2026-11-18", day.encode()).replace(b"2026-11-16", day.encode()))
                digest = sha256_hex(xml)
                repo.store.files.put(xml, digest)
                tx.conn.execute(schema.files.insert().values(sha256=digest, size=len(xml),
                                                             media_type="application/xml", stored_at=tx.now))
                fields = {"unique_identifier": number, "schema_version": "3.3.0", "languages": "ru en",
                          "customer": f"{ru} / {en}", "item": f"{item_ru} / {item_en}", "model": model,
                          "serial": serial, "issuer_lab": "Метрологический центр «УралТест» / UralTest",
                          "issue_date": day, "calibration_date": day, "begin_date": day, "standards": standards}
                cid = tx.conn.execute(schema.certificates.insert().values(
                    kind="issued", status="current", xml_sha256=digest, pdf_sha256=None, validation="valid",
                    signature_verdict="unsigned", signature_detail="benchmark", source_name="benchmark",
                    stored_at=tx.now, stored_by="benchmark", **fields)).inserted_primary_key[0]
                fts.append(fts_row(cid, fields))
                tx.log(Action.ISSUED, "benchmark", f"certificate:{cid}", {"number": number, "xml_sha256": digest},
                       [(schema.certificates, cid)])
                numbers.append((cid, number, serial, ru, en, day))
            repo.store.search_backend.index_many(tx.conn, fts)
    return {"seconds": time.perf_counter() - started, "numbers": numbers}


def queries(numbers, rng) -> list[str]:
    picks = rng.sample(numbers, 10)
    out = []
    for _cid, number, serial, ru, en, day in picks:
        out += [number, number[:-3] + "*", serial, en.split()[0], ru.split("«")[-1].rstrip("»"), day]
    out += ["UT-2024*", "Термометр", "pressure gauge", "412345678", "Fluke 5522A", "Sigma UT-2023*",
            "Метран-517 2025", "thermocouple Kappa", "DKD-K-1234/2025", "Энергомера UT-2021*"]
    return out


def measure_search(repo, qs, rounds: int = 3) -> tuple[list[float], int, dict[str, float]]:
    times, hits, by_query = [], 0, {}
    for _ in range(rounds):
        for q in qs:
            t = time.perf_counter()
            hits += len(repo.certificates.search(q, limit=50))
            times.append(time.perf_counter() - t)
            by_query[q] = max(by_query.get(q, 0.0), times[-1])
    return times, hits, by_query


def measure_open(repo, ids, rng) -> list[float]:
    times = []
    for cid in rng.sample(ids, 200):
        t = time.perf_counter()
        record, certificate = repo.certificates.open(cid)
        assert certificate.unique_identifier == record.unique_identifier
        times.append(time.perf_counter() - t)
    return times


def make_imports(folder: Path, n: int) -> list[Path]:
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    documents = [load_document(REPO / "examples" / name) for name in
                 ("thermometer-pt100-ru-en.json", "pressure-gauge-as-found-as-left-de-en.json")]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        certificate = documents[i % 2]
        certificate.administrative_data.core_data.unique_identifier = f"EXT-{i:05d}"
        path = folder / f"ext-{i:05d}.xml"
        path.write_bytes(to_bytes(certificate))
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--imports", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the generated repository")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="coomet-bench-repo-"))
    os.environ["COOMET_LAB_HOME"] = str(work / "home")
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str((REPO.parent / "shared" / "schemas" / "dcc").resolve()))
    from coomet_lab.repository import Repository

    rng = random.Random(11)
    try:
        with Repository.open(durable=False) as repo:
            generated = generate(repo, args.count)
        with Repository.open() as repo:
            ids = [n[0] for n in generated["numbers"]]
            qs = queries(generated["numbers"], rng)
            measure_search(repo, qs[:5], rounds=1)  # warm the page cache like an app that has been open a while
            search_times, hits, by_query = measure_search(repo, qs)
            slowest = sorted(by_query.items(), key=lambda kv: -kv[1])[:3]
            open_times = measure_open(repo, ids, rng)
            report = repo.verify()
            assert report.ok, report.problems[:3]
            paths = make_imports(work / "incoming", args.imports)
            t = time.perf_counter()
            outcomes = repo.certificates.import_files(paths, who="benchmark")
            import_seconds = time.perf_counter() - t
            assert all(o.status == "imported" for o in outcomes), outcomes[:3]
            db_size = sum(f.stat().st_size for f in repo.root.glob("repository.sqlite*"))
            files_size = report.bytes
        rows = [
            ("machine", f"{platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
                        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}"),
            ("certificates generated", f"{args.count:,} in {generated['seconds']:.0f} s "
                                       f"(database {db_size / 1e6:.0f} MB, files {files_size / 1e9:.2f} GB)"),
            ("search (target ≤ 50 ms)", f"median {statistics.median(search_times) * 1e3:.1f} ms, "
                                        f"p95 {_percentile(search_times, 0.95) * 1e3:.1f} ms, "
                                        f"max {max(search_times) * 1e3:.1f} ms over {len(search_times)} queries "
                                        f"({len(qs)} distinct, {hits / len(search_times):.0f} hits each on average)"),
            ("slowest queries", ", ".join(f"{q!r} {t * 1e3:.0f} ms" for q, t in slowest)
                                + " (terms matching a large share of all certificates: every match is ranked)"),
            ("open one (target ≤ 100 ms)", f"median {statistics.median(open_times) * 1e3:.1f} ms, "
                                           f"p95 {_percentile(open_times, 0.95) * 1e3:.1f} ms "
                                           "(row + verified file + parse into the model)"),
            ("repo verify", f"{report.seconds:.1f} s: {report.entries / report.seconds:,.0f} entries/s, "
                            f"{report.bytes / 1e6 / report.seconds:.0f} MB/s ({report.entries:,} entries, "
                            f"{report.records:,} records, {report.files:,} files)"),
            (f"import {args.imports:,} DCCs", f"{import_seconds:.1f} s, {import_seconds / args.imports * 1e3:.1f} ms "
                                              "per file (parse, XSD + rules, store, index, audit)"),
        ]
        width = max(len(name) for name, _ in rows)
        for name, value in rows:
            print(f"{name:<{width}}  {value}")
    finally:
        if args.keep:
            print(f"kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
