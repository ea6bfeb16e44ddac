"""The generic signed export package, through the outbox: made once, verifiable anywhere, tampering caught."""

from __future__ import annotations

import io
import zipfile

import pytest

from coomet_lab.registers.package import verify_package
from coomet_lab.repository import Repository
from coomet_lab.repository.outbox import OutboxError

from tests.helpers import REPO
from tests.pki import PASSPHRASE
from tests.repo_support import issue_new, register_standards


def issue_two(repo):
    register_standards(repo)
    return [issue_new(repo, number, pdf=True) for number in ("UT-2026-00417", "UT-2026-00418")]


def test_a_package_carries_the_exact_files_and_verifies(app_home, tmp_path, test_pki, lab_trust):
    with Repository.open() as repo:
        first, second = issue_two(repo)
        job = repo.outbox.export_package(tmp_path / "out", who="Иванов", signer=test_pki.signer("ec"),
                                         lab="УралТест")
        assert job.status == "written" and job.records == 2
        (package,) = job.files
        data = (tmp_path / "out" / package.name).read_bytes()
        archive = zipfile.ZipFile(io.BytesIO(data))
        assert archive.read("certificates/UT-2026-00417.xml") == repo.certificates.bytes(first.id)[0]
        assert archive.read("certificates/UT-2026-00418.pdf") == repo.certificates.bytes(second.id)[1]
        sums = archive.read("SHA256SUMS").decode()
        assert f"{first.xml_sha256}  certificates/UT-2026-00417.xml" in sums
        report = verify_package(data, trust=lab_trust)
        assert report.valid, report.problems
        assert len(report.files) == 4 and "Signer ec" in report.signer
        assert repo.outbox.export_package(tmp_path / "out", who="x", signer=test_pki.signer("ec")) is None, \
            "nothing is packaged twice by accident"
        assert repo.verify().ok


def test_the_same_content_gives_the_same_zip_layout(app_home, tmp_path, test_pki):
    import datetime as dt

    from coomet_lab.registers.package import PackageEntry, build_package

    when = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)
    entries = [PackageEntry("certificates/a.xml", b"<a/>", "dcc", "A")]
    one = zipfile.ZipFile(io.BytesIO(build_package(entries, signer=test_pki.signer("ec"), created=when,
                                                   made_by="x")))
    assert one.namelist() == ["manifest.xml", "SHA256SUMS", "certificates/a.xml"]
    assert {i.date_time for i in one.infolist()} == {(2020, 1, 1, 0, 0, 0)}


@pytest.mark.parametrize("attack", ["changed file", "extra file", "missing file", "changed manifest"])
def test_a_tampered_package_is_refused(app_home, tmp_path, test_pki, lab_trust, attack):
    with Repository.open() as repo:
        issue_two(repo)
        job = repo.outbox.export_package(tmp_path, who="x", signer=test_pki.signer("ec"))
    data = (tmp_path / job.files[0].name).read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if attack == "missing file" and info.filename.endswith("00418.pdf"):
                continue
            if attack == "changed file" and info.filename.endswith("00417.xml"):
                content = content.replace(b"Uralkhim JSC", b"Uralkhim LLC")
            if attack == "changed manifest" and info.filename == "manifest.xml":
                content = content.replace(b'kind="pdf"', b'kind="dcc"', 1)
            target.writestr(info, content)
        if attack == "extra file":
            target.writestr("certificates/UT-2026-99999.xml", b"<x/>")
    report = verify_package(out.getvalue(), trust=lab_trust)
    assert report.verdict == "invalid" and report.problems


def test_packages_follow_the_outbox_states_and_need_a_note_to_be_confirmed(app_home, tmp_path, test_pki):
    with Repository.open() as repo:
        issue_two(repo)
        job = repo.outbox.export_package(tmp_path, who="x", signer=test_pki.signer("ec"))
        with pytest.raises(OutboxError, match="delivered"):
            repo.outbox.mark_confirmed(job.id, who="x", note="ack 17")
        repo.outbox.mark_submitted(who="x", job_id=job.id)
        with pytest.raises(OutboxError, match="how the receipt"):
            repo.outbox.mark_confirmed(job.id, who="x", note=" ")
        assert repo.outbox.mark_confirmed(job.id, who="x", note="ack 17").status == "confirmed"
        assert repo.verify().ok


def test_the_command_line_makes_and_verifies_a_package(app_home, tmp_path, test_pki):
    import os
    import subprocess
    import sys

    with Repository.open() as repo:
        issue_two(repo)
    env = {**os.environ, "KEY_PASS": PASSPHRASE, "COOMET_LAB_USER": "Иванов"}
    made = subprocess.run([sys.executable, "-m", "coomet_lab.cli.main", "export", "package", "-o", str(tmp_path),
                           "--key", str(test_pki.signers["ec"]), "--passphrase-env", "KEY_PASS"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert made.returncode == 0, made.stderr
    package = next(tmp_path.glob("package-*.zip"))
    checked = subprocess.run([sys.executable, "-m", "coomet_lab.cli.main", "verify", str(package), "--trust",
                              str(test_pki.ca_pem)], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert checked.returncode == 0 and "VALID" in checked.stdout, checked.stdout + checked.stderr
