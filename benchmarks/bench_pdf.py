"""PDF twin benchmark: render + PDF/A-3b + PAdES (and verification) for a 10-page and a 100-page certificate.

Documents: the thermometer example (Russian/English) whose calibration table is grown to ROWS rows (reference,
indication, deviation with its expanded uncertainty: four printed columns, values with three to five decimals),
signed (XAdES) with an ECDSA P-256 key from a throw-away lab PKI. Key opened once, outside the timing; each step
in-process, medians of --runs runs after one warm-up (fonts registered, modules imported).

* make twin: ``make_twin(signed_xml, signer=...)`` — validate (XSD + rules), verify the XAdES signature, render from
  the verified content, PDF/A-3b with dcc.xml embedded, PAdES B-B, check of the new signature;
* of which render / PDF/A / PAdES are timed separately with the same functions;
* verify: ``verify_pdf`` — PAdES (pyHanko + trust store), embedded DCC (XAdES), hash on every page.

    python benchmarks/bench_pdf.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SIZES = {"10 pages": 360, "100 pages": 5250}  # table rows giving these page counts (checked when run)


def make_dcc(rows: int) -> bytes:
    import random

    from coomet_lab.dcc.writer import to_bytes
    from coomet_lab.document import load_document

    rng = random.Random(11)
    certificate = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
    columns = certificate.measurement_results.results[0].results[0].data.items[0].items
    reference = [f"{-50 + 200 * i / rows:.3f}" for i in range(rows)]
    columns[0].real_list_xml_list.value_xml_list = " ".join(reference)
    errors = [f"{rng.uniform(-0.08, 0.08):.4f}" for _ in range(rows)]
    columns[1].real_list_xml_list.value_xml_list = " ".join(
        f"{float(r) + float(e):.5f}" for r, e in zip(reference, errors))
    columns[2].real_list_xml_list.value_xml_list = " ".join(errors)
    expanded = columns[2].real_list_xml_list.measurement_uncertainty_univariate_xml_list.expanded_mu_xml_list
    expanded.value_expanded_mu_xml_list = " ".join(f"{rng.uniform(0.015, 0.035):.3f}" for _ in range(rows))
    return to_bytes(certificate)


def median_ms(fn, runs: int):  # noqa: ANN001, ANN201
    fn()  # warm-up
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    home = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    os.environ["COOMET_LAB_HOME"] = str(home)
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "dcc"))

    from coomet_lab.pdf import make_twin, verify_pdf
    from coomet_lab.pdf import pdfa
    from coomet_lab.pdf.fonts import resolve_fonts
    from coomet_lab.pdf.pades import sign_pdf, vendor
    from coomet_lab.pdf.render import render_pages
    from coomet_lab.pdf.twin import prepare
    from coomet_lab.signing import KeyFile, TrustStore, open_signer, sign_xml
    from coomet_lab.signing.pki import init_lab

    lab = init_lab(lab="Bench Lab", person="Bench Signer", out=home / "keys", passphrase="bench passphrase")
    signer = open_signer(KeyFile(lab.signer_path), "bench passphrase")
    trust = TrustStore.with_files([lab.ca_certificate_path])
    fonts = resolve_fonts()
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}")
    print(f"medians of {args.runs} runs (after one warm-up), ECDSA P-256 key already opened\n")
    header = ("certificate", "rows", "pages", "DCC", "render", "PDF/A", "PAdES", "make twin (total)", "verify", "PDF")
    print(" | ".join(header))
    for label, rows in SIZES.items():
        signed = sign_xml(make_dcc(rows), signer, trust=trust)
        prepared = prepare(signed, trust=trust)
        import hashlib

        sha = hashlib.sha256(signed).hexdigest()
        render_ms, rendered = median_ms(lambda: render_pages(prepared.certificate, sha256=sha, draft=False,
                                                             fonts=fonts), args.runs)
        pdfa_ms, pdf = median_ms(lambda: pdfa.finish(rendered.pdf, xml=signed, producer=vendor()), args.runs)
        pades_ms, _ = median_ms(lambda: sign_pdf(pdf, signer, trust=trust), args.runs)
        total_ms, twin = median_ms(lambda: make_twin(signed, signer=signer, trust=trust), args.runs)
        verify_ms, report = median_ms(lambda: verify_pdf(twin.pdf, trust=trust), args.runs)
        assert report.valid, report.summary()
        print(f"{label} | {rows} | {twin.pages} | {len(signed) / 1024:.0f} KiB | {render_ms:.0f} ms | {pdfa_ms:.0f} ms "
              f"| {pades_ms:.0f} ms | **{total_ms:.0f} ms** | {verify_ms:.0f} ms | {len(twin.pdf) / 1024:.0f} KiB")
    signer.close()


if __name__ == "__main__":
    main()
