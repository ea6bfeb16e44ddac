"""Issuing: one typical certificate, and a batch, signed, twinned and stored.

    python benchmarks/bench_issue.py                      # 20 issues x 3 runs, the legacy path, a 1,000 batch
    python benchmarks/bench_issue.py --issues 10 --runs 3 --batch 200 --workers 2

Measured, in a temporary COOMET_LAB_HOME with a fresh lab PKI and repository (reference standards registered):

* **counts per issue**: XML parses (``xmlsafe.parse_bytes``), XSD runs (``dcc.xsd.validate_xsd``) and signature
  verifications (``signing.verify.verify_tree``) of one ``services.issue`` — and of the legacy path (bytes between
  the stages: ``sign_xml`` → ``make_twin(bytes)`` → ``verify_xml`` → ``repository.certificates.issue(signed_xml=...)``);
* **per issue**, median over ``--runs`` runs of ``--issues`` issues each (after a first, warm-up issue; the paths
  take turns; each issue's draft is made before its clock starts, as the desktop has it saved already): the key
  open (as the desktop does now, the signer kept for the session), the key opened inside every issue (as the
  desktop did), and the legacy path; then the XML stages alone and the median of each stage (sign, twin, PAdES
  alone, store);
* **batch**: ``services.issue_batch`` of ``--batch`` certificates (drafts made beforehand, timed apart), signed and
  rendered in a pool of ``--workers`` processes, stored by one writer. Targets (issue): <= 0.1 s per issue after the
  first, <= 60 s for 1,000.
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
PASSPHRASE = "bench passphrase"


def setup(folder: Path):  # noqa: ANN201
    os.environ["COOMET_LAB_HOME"] = str(folder / "home")
    os.environ.setdefault("COOMET_LAB_SCHEMAS", str(REPO.parent / "shared" / "schemas" / "dcc"))
    from coomet_lab.repository import Repository
    from coomet_lab.trust import KeyFile, TrustStore
    from coomet_lab.trust.keys import init_lab

    from tests.repo_support import register_standards

    lab = init_lab(lab="Bench Lab", person="Bench Signer", out=folder / "keys", passphrase=PASSPHRASE)
    trust = TrustStore.with_files([lab.ca_certificate_path], folder=folder / "trust")
    repository = Repository.open(folder / "repository")
    register_standards(repository)
    return repository, KeyFile(lab.signer_path), trust


class Numbers:
    def __init__(self) -> None:
        self.next = 0

    def draft(self, repository):  # noqa: ANN001,ANN201
        from tests.repo_support import thermometer

        self.next += 1
        certificate = thermometer(f"UT-2026-{self.next:05d}")
        return repository.drafts.create(certificate=certificate, who="bench").id, certificate


def issue_typed(repository, signer, trust, draft):  # noqa: ANN001,ANN201
    from coomet_lab.app import services

    draft_id, certificate = draft
    return services.issue(certificate, signer, role=None, trust=trust, repository=repository, draft_id=draft_id,
                          who="bench")


def issue_legacy(repository, signer, trust, draft):  # noqa: ANN001,ANN201
    """The path before the typed results: bytes between stages, each stage proving them again."""
    from coomet_lab.app.services import signature_verifier
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import sign_xml, verify_xml
    from coomet_lab.twin import make_twin

    draft_id, certificate = draft
    repository.standards.fill_equipment(certificate)
    signed = sign_xml(to_bytes(certificate), signer, trust=trust, source="bench")
    pdf = make_twin(signed, signer=signer, trust=trust, source="bench").pdf
    verify_xml(signed, trust=trust)
    return repository.certificates.issue(draft_id=draft_id, signed_xml=signed, pdf=pdf, who="bench",
                                         verify_signature=signature_verifier(trust))


def counted(fn, *args) -> dict:  # noqa: ANN001
    from tests.counting import counting

    with counting() as counts:
        fn(*args)
    return dict(counts)


def interleaved(paths: dict, issues: int, runs: int, make_draft) -> dict[str, tuple[float, list[float]]]:  # noqa: ANN001
    """Median seconds per issue of each path, the paths taking turns issue by issue (so a change of the machine's
    load during the measurement hits them alike); the median of per-run medians. Each issue's draft is made before
    its clock starts: in the desktop the draft exists (autosaved while typing) when the technician issues it."""
    per_run: dict[str, list[float]] = {name: [] for name in paths}
    for _ in range(runs):
        times: dict[str, list[float]] = {name: [] for name in paths}
        for _ in range(issues):
            for name, fn in paths.items():
                draft = make_draft()
                start = time.perf_counter()
                fn(draft)
                times[name].append(time.perf_counter() - start)
        for name in paths:
            per_run[name].append(statistics.median(times[name]))
    return {name: (statistics.median(values), values) for name, values in per_run.items()}


def stage_shares(repository, signer, trust, numbers: Numbers, issues: int) -> dict[str, float]:  # noqa: ANN001
    """Median seconds of each stage of the typed path, measured apart."""
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.trust import sign_document
    from coomet_lab.twin import pades
    from coomet_lab.twin.make import make_signed_twin

    stages: dict[str, list[float]] = {"sign": [], "twin (render + PAdES)": [], "PAdES alone": [], "store": []}
    for _ in range(issues):
        draft_id, certificate = numbers.draft(repository)
        repository.standards.fill_equipment(certificate)
        t0 = time.perf_counter()
        signed = sign_document(to_bytes(certificate), signer, trust=trust)
        t1 = time.perf_counter()
        twin = make_signed_twin(signed, signer=signer, trust=trust)
        t2 = time.perf_counter()
        repository.certificates.issue(draft_id=draft_id, signed=signed, twin=twin, who="bench")
        t3 = time.perf_counter()
        unsigned = make_signed_twin(signed, signer=None).pdf
        t4 = time.perf_counter()
        pades.sign_pdf(unsigned, signer, trust=trust)
        stages["PAdES alone"].append(time.perf_counter() - t4)
        stages["sign"].append(t1 - t0)
        stages["twin (render + PAdES)"].append(t2 - t1)
        stages["store"].append(t3 - t2)
    return {name: statistics.median(values) for name, values in stages.items()}


def xml_stages(signer, trust, runs: int) -> tuple[float, float]:  # noqa: ANN001
    """Median seconds of the XML work alone (everything but rendering, PAdES and the database), typed vs legacy:
    what the typed results save, measured without the twin's noise."""
    from coomet_lab.dcc.io.writer import to_bytes
    from coomet_lab.repository.importing import read_incoming
    from coomet_lab.trust import sign_document, sign_xml, verify_xml
    from coomet_lab.twin.make import prepare

    from tests.repo_support import thermometer

    data = to_bytes(thermometer("UT-2026-99999"))

    def typed() -> None:
        signed = sign_document(data, signer, trust=trust)
        signed.certificate()  # the twin's model
        signed.certificate()  # the repository's

    def legacy() -> None:
        signed = sign_xml(data, signer, trust=trust)
        prepare(signed, trust=trust)  # make_twin: validate, verify, read the model
        verify_xml(signed, trust=trust)  # services.issue's report
        read_incoming(signed, source="draft")  # repository.certificates.issue: parse, validate, read the model
        verify_xml(signed, trust=trust, large=True)  # repository.certificates.issue's verifier

    out = []
    for fn in (typed, legacy):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        out.append(statistics.median(times))
    return out[0], out[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    from coomet_lab.app import services
    from coomet_lab.trust import open_signer

    with tempfile.TemporaryDirectory() as tmp:
        repository, key, trust = setup(Path(tmp))
        numbers = Numbers()
        signer = open_signer(key, PASSPHRASE)
        print(f"python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
        issue_typed(repository, signer, trust, numbers.draft(repository))  # warm-up: imports, fonts, schema
        issue_legacy(repository, signer, trust, numbers.draft(repository))
        typed = counted(issue_typed, repository, signer, trust, numbers.draft(repository))
        legacy = counted(issue_legacy, repository, signer, trust, numbers.draft(repository))
        print(f"counts per issue, typed results: {typed}")
        print(f"counts per issue, legacy path:   {legacy}")

        def typed(draft) -> None:  # noqa: ANN001
            issue_typed(repository, signer, trust, draft)

        def reopened(draft) -> None:  # noqa: ANN001
            opened = open_signer(key, PASSPHRASE)
            try:
                issue_typed(repository, opened, trust, draft)
            finally:
                opened.close()

        def legacy(draft) -> None:  # noqa: ANN001
            issue_legacy(repository, signer, trust, draft)

        paths = {"key open (desktop now)": typed, "key opened every issue": reopened,
                 "legacy path, key open": legacy}
        for name, (median, runs) in interleaved(paths, args.issues, args.runs,
                                                lambda: numbers.draft(repository)).items():
            print(f"per issue, {name + ':':25} median {median:.3f} s  (runs {', '.join(f'{r:.3f}' for r in runs)})")
        typed_xml, legacy_xml = xml_stages(signer, trust, max(5, args.issues))
        print(f"XML stages only (sign, self-check, model, store checks): typed {typed_xml:.3f} s, "
              f"legacy {legacy_xml:.3f} s")
        shares = stage_shares(repository, signer, trust, numbers, max(3, args.issues // 2))
        print("stages (median s): " + ", ".join(f"{k} {v:.3f}" for k, v in shares.items()))
        signer.close()

        if args.batch:
            start = time.perf_counter()
            drafts = [numbers.draft(repository) for _ in range(args.batch)]
            made = time.perf_counter() - start
            start = time.perf_counter()
            outcomes = services.issue_batch(drafts, key, PASSPHRASE, trust=trust, repository=repository,
                                            who="bench", workers=args.workers)
            seconds = time.perf_counter() - start
            failed = [o for o in outcomes if not o.ok]
            print(f"batch of {args.batch}: {seconds:.1f} s issued, twinned and stored with {args.workers} workers "
                  f"({seconds / args.batch:.3f} s each; drafts made beforehand in {made:.1f} s); {len(failed)} failed"
                  + (f": {failed[0].error}" if failed else ""))
            print(f"repository verify: {'OK' if repository.verify().ok else 'FAILED'}")
        repository.close()


if __name__ == "__main__":
    main()
