"""What ``coomet-lab verify`` prints for each kind of file: a signed DCC, a PDF twin, an export package."""

from __future__ import annotations


def print_verification(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()}")
    for problem in report.problems:
        print(f"  problem: {problem}")
    for s in report.signatures:
        print(f"  signature {s.index + 1}: {s.status} ({s.profile}{', parallel' if s.parallel else ''})")
        if s.signer:
            print(f"    signer:       {s.signer.subject}")
            print(f"    issued by:    {s.signer.issuer}")
        if s.role:
            print(f"    role:         {s.role}")
        if s.signing_time:
            print(f"    signing time: {s.signing_time} (claimed by the signer)")
        print(f"    intact:       {'yes' if s.intact else 'NO' if s.intact is False else 'cannot be checked'}")
        print(f"    trusted:      {'yes' if s.trusted else 'no'}")
        for cover in s.covers:
            print(f"    covers:       {cover}")
        for reason in s.reasons:
            print(f"    why:          {reason}")
        for note in s.notes:
            print(f"    note:         {note}")
    certificate = report.certificate() if report.verified_xml else None
    if certificate is not None:
        core = certificate.administrative_data.core_data
        print(f"  signed content: certificate {core.unique_identifier}, calibrated {core.begin_performance_date}"
              f" to {core.end_performance_date}, issued {core.issue_date or '-'}")


def print_pdf_verification(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()} (PDF twin, {report.pages} pages)")
    for reason in report.reasons:
        print(f"  problem: {reason}")
    for s in report.signatures:
        print(f"  PDF signature {s.field}: {'valid' if s.sound and s.trusted else 'NOT valid'} (PAdES)")
        if s.signer:
            print(f"    signer:       {s.signer.subject}")
            print(f"    issued by:    {s.signer.issuer}")
        if s.signing_time:
            print(f"    signing time: {s.signing_time} (claimed by the signer)")
        print(f"    intact:       {'yes' if s.intact else 'NO'}")
        print(f"    covers:       {'the whole file' if s.coverage == 'ENTIRE_FILE' else s.coverage or '?'}")
        print(f"    trusted:      {'yes' if s.trusted else 'no'}")
        for note in s.notes:
            print(f"    note:         {note}")
    if report.embedded_sha256:
        print(f"  embedded dcc.xml: SHA-256 {report.embedded_sha256}, printed on {report.pages_showing_hash} of "
              f"{report.pages} pages")
    if report.xml is not None:
        print_verification(report.xml)
    for note in report.notes:
        print(f"  note: {note}")


def print_package(report) -> None:  # noqa: ANN001
    print(f"{report.source}: {report.verdict.upper()} (export package, {len(report.files)} file(s), made "
          f"{report.created} by {report.signer or 'nobody'})")
    for problem in report.problems:
        print(f"  problem: {problem}")
