"""Sign and verify benchmark: COOMET Lab's XAdES path against plain signxml (what PTB's dcclib uses), same run.

Documents: the thermometer example grown to about 1 MB with 450 small result tables (element-heavy, like real
DCCs), and to about 100 MB with one table of 10 million values in five columns (each text node about 20 MB,
over libxml2's default 10 MB limit).
Key: ECDSA P-256 in an encrypted PKCS#12 file (opened once, outside the timing).

* ours, sign: parse → XAdES-BES signature → bytes (``sign_tree``); also the full ``sign_xml`` pipeline that the
  command line runs (validate first, verify the new signature at once);
* ours, verify: ``verify_xml`` — parse, libxmlsec1 over every reference, recompute the signed content, path
  validation against the pinned lab CA;
* signxml 5: ``XAdESSigner().sign`` (C14N 1.1, the canonicalization its XAdES references work with) and
  ``XAdESVerifier().verify`` with the same CA and ``location="./"``, ``expect_references=3``.

    python benchmarks/bench_signing.py [--runs 7] [--no-large]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def make_dcc(results: int, values: int) -> bytes:
    """``results`` small calibration tables (many elements, like a real 1 MB DCC), plus one table of ``values``."""
    import random

    from coomet_lab.dcc.editing.tables import ColumnSpec, make_table
    from coomet_lab.dcc.io.document import load_document
    from coomet_lab.dcc.io.writer import to_bytes

    rng = random.Random(7)
    certificate = load_document(REPO / "examples" / "thermometer-pt100-ru-en.json")
    tables = certificate.measurement_results.results[0].results

    def column(name: str, points: int, with_u: bool = False) -> ColumnSpec:
        numbers = [f"{rng.uniform(-100, 100):.5f}" for _ in range(points)]
        return ColumnSpec({"ru": name, "en": name}, "°C", numbers,
                          uncertainties=[f"{rng.uniform(0.01, 0.05):.3f}" for _ in range(points)] if with_u else None)

    for i in range(results):
        tables.append(make_table({"ru": f"Точка {i}", "en": f"Point {i}"},
                                 [column("Reference", 5), column("Indication", 5), column("Error", 5, True)]))
    if values:
        tables.append(make_table({"ru": "Таблица", "en": "Table"}, [column(f"Q{i}", values // 5) for i in range(5)]))
    return to_bytes(certificate)


def median_ms(fn, runs: int) -> tuple[float, object]:
    result = None
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def ours(data: bytes, signer, trust, runs: int, large: bool) -> dict:
    from lxml import etree

    from coomet_lab.kernel.xmlsafe import parse_bytes
    from coomet_lab.trust import sign_xml, verify_xml
    from coomet_lab.trust.xades import sign_tree

    def sign_core() -> bytes:
        tree = parse_bytes(data, large=large)
        sign_tree(tree, signer)
        return etree.tostring(tree, xml_declaration=True, encoding="UTF-8")

    sign_ms, signed = median_ms(sign_core, runs)
    pipeline_ms, _ = median_ms(lambda: sign_xml(data, signer, trust=trust, large=large), max(1, runs // 2))
    verify_ms, report = median_ms(lambda: verify_xml(signed, trust=trust, large=large), runs)
    assert report.valid, report.summary()
    return {"sign": sign_ms, "pipeline": pipeline_ms, "verify": verify_ms}


def signxml_path(data: bytes, signer, ca_pem: Path, runs: int) -> dict:
    from lxml import etree
    from signxml import SignatureMethod
    from signxml.xades import XAdESSignatureConfiguration, XAdESSigner, XAdESVerifier

    key = signer.private_key()
    chain = [signer.certificate, *signer.chain]

    def sign() -> bytes:
        root = etree.fromstring(data)
        out = XAdESSigner(signature_algorithm=SignatureMethod.ECDSA_SHA256).sign(
            root, key=key, cert=chain, always_add_key_value=False)
        return etree.tostring(out)

    try:
        sign_ms, signed = median_ms(sign, runs)
        config = XAdESSignatureConfiguration(location="./", expect_references=3)
        verify_ms, _ = median_ms(
            lambda: XAdESVerifier().verify(signed, ca_pem_file=str(ca_pem), expect_config=config), runs)
        return {"sign": sign_ms, "verify": verify_ms}
    except Exception as exc:  # noqa: BLE001 (report how the peer fails, e.g. on a 100 MB document)
        return {"error": f"{type(exc).__name__}: {str(exc)[:100]}"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-large", action="store_true", help="skip the 100 MB document")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coomet-bench-") as home:
        os.environ["COOMET_LAB_HOME"] = home
        os.environ.setdefault("COOMET_LAB_SCHEMAS", str((REPO.parent / "shared" / "schemas" / "dcc").resolve()))
        from coomet_lab.trust import TrustStore
        from coomet_lab.trust import keys as pki
        from coomet_lab.trust.signers import FileSigner

        lab = pki.init_lab(lab="Bench Lab", person="Bench Signer", out=Path(home) / "pki", passphrase="benchmark pw")
        signer = FileSigner(lab.signer_path, "benchmark pw")
        trust = TrustStore.with_files([lab.ca_certificate_path])
        print(f"COOMET Lab signing benchmark, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
              f"ECDSA P-256, medians of {args.runs}")
        sizes = [("1 MB", 450, 0, args.runs)] + ([] if args.no_large else [("100 MB", 0, 10_000_000, 3)])
        for label, results, values, runs in sizes:
            data = make_dcc(results, values)
            large = len(data) > 60_000_000
            mine = ours(data, signer, trust, runs, large)
            peer = signxml_path(data, signer, lab.ca_certificate_path, runs)
            line = (f"{label:>6} ({len(data) / 1e6:6.1f} MB): ours sign {mine['sign']:8.1f} ms "
                    f"(validate+sign+check {mine['pipeline']:8.1f} ms), verify {mine['verify']:8.1f} ms")
            if "error" in peer:
                line += f" | signxml fails: {peer['error']}"
            else:
                line += (f" | signxml sign {peer['sign']:8.1f} ms, verify {peer['verify']:8.1f} ms"
                         f" | ratio sign {peer['sign'] / mine['sign']:.1f}x,"
                         f" verify {peer['verify'] / mine['verify']:.1f}x")
            print(line, flush=True)


if __name__ == "__main__":
    main()
