"""The Arshin outbox: recorded → file written → uploaded → confirmed by Arshin's reply, never twice, never lost."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from lxml import etree

from coomet_lab.registers.arshin import ArshinReplyError
from coomet_lab.repository import Repository
from coomet_lab.repository.outbox import Outbox, OutboxError
from coomet_lab.repository.verifications import VerificationRecordError

from tests.conftest import ARSHIN
from tests.core.test_verification_records import DATA, TODAY, fit_record
from tests.helpers import REPO

XSD = etree.XMLSchema(etree.parse(str(ARSHIN / "arshin-import-2020-06-19.RECONSTRUCTED.xsd")))
PROTOCOL = "urn://fgis-arshin.gost.ru/module-verifications/protocol/2020-06-19"


def reply(*records: tuple[int, str | None, str]) -> bytes:
    """A reply protocol: (corrId, globalID or None for a refusal, certNum or the reason)."""
    body = []
    for corr, global_id, text in records:
        inner = (f"<success><globalID>{global_id}</globalID><certNum>{text}</certNum></success>" if global_id
                 else f"<error><message>{text}</message></error>")
        body.append(f'<record corrId="{corr}">{inner}</record>')
    return (f'<protocol xmlns="{PROTOCOL}"><startProcessing>2026-11-21+03:00</startProcessing>'
            f'<appProcessed>{"".join(body)}</appProcessed></protocol>').encode()


def recorded(repo, count: int = 3) -> list[int]:
    records = [fit_record(manufacture_num=f"SN{n}") for n in range(1, count + 1)]
    return repo.verifications.record(records, who="Иванов И.И.", today=TODAY)


def test_export_writes_valid_files_and_a_manifest_and_never_exports_twice(app_home, tmp_path):
    with Repository.open() as repo:
        keys = recorded(repo)
        (job,) = repo.outbox.export_arshin(tmp_path, who="Иванов И.И.")
        assert job.status == "written" and job.records == 3
        (item,) = job.files
        data = (tmp_path / item.name).read_bytes()
        XSD.assertValid(etree.fromstring(data))
        manifest = json.loads((tmp_path / f"arshin-{job.id:05d}-manifest.json").read_text(encoding="utf-8"))
        assert manifest["files"][0]["sha256"] == item.sha256
        assert [r["record"] for r in manifest["files"][0]["records"]] == keys
        assert [r["corrId"] for r in manifest["files"][0]["records"]] == [1, 2, 3]
        assert {repo.verifications.get(k).status for k in keys} == {"exported"}
        assert repo.outbox.export_arshin(tmp_path / "again", who="test") == []
        assert not (tmp_path / "again").exists(), "nothing new: no second file"
        assert repo.verify().ok


def test_a_bad_record_stops_the_export_and_reserves_nothing(app_home, tmp_path):
    with Repository.open() as repo:
        keys = recorded(repo, 2)
        # A record that was fine when recorded but the export's batch rules refuse: the same instrument twice
        # is caught at recording, so make one unfit without reasons behind the checks' back.
        from coomet_lab.repository import schema
        from coomet_lab.repository.verifications import record_text

        broken = fit_record(manufacture_num="SN2", applicable=False, valid_date="")
        with repo.store.write("test") as tx:
            tx.conn.execute(schema.verifications.update().where(schema.verifications.c.id == keys[1])
                            .values(record=record_text(broken)))
        with pytest.raises(VerificationRecordError) as refused:
            repo.outbox.export_arshin(tmp_path, who="test")
        assert "nothing exported" in str(refused.value)
        assert [(p.line, p.field) for p in refused.value.problems] == [(keys[1], "reasons")]
        assert repo.outbox.jobs() == [] and list(tmp_path.iterdir()) == []
        assert {repo.verifications.get(k).status for k in keys} == {"recorded"}


def test_an_export_cut_off_before_its_files_were_written_is_finished_next_time(app_home, tmp_path, monkeypatch):
    with Repository.open() as repo:
        recorded(repo)

        def power_cut(*args, **kwargs):
            raise KeyboardInterrupt("the machine went down")

        with monkeypatch.context() as patch, pytest.raises(KeyboardInterrupt):
            patch.setattr(Outbox, "write_job", power_cut)
            repo.outbox.export_arshin(tmp_path, who="test")
        (pending,) = repo.outbox.jobs()
        assert pending.status == "pending" and list(tmp_path.iterdir()) == []
    with Repository.open() as repo:
        (job,) = repo.outbox.export_arshin(tmp_path / "elsewhere", who="test")
        assert job.id == pending.id and job.status == "written"
        assert (tmp_path / job.files[0].name).read_bytes(), "written where the job was meant to go"
        assert len(repo.outbox.jobs()) == 1, "the records were exported once, not twice"


def test_a_written_file_is_never_overwritten_with_other_content(app_home, tmp_path):
    with Repository.open() as repo:
        recorded(repo)
        (job,) = repo.outbox.export_arshin(tmp_path, who="test")
        target = tmp_path / job.files[0].name
        target.write_bytes(b"edited by hand")
        with pytest.raises(OutboxError, match="exists with other content"):
            repo.outbox.write_job(job.id, who="test")
        assert target.read_bytes() == b"edited by hand"
        again = repo.outbox.write_job(job.id, who="test", directory=tmp_path / "copy")
        assert (tmp_path / "copy" / again.files[0].name).read_bytes() == repo.store.files.read(job.files[0].sha256)


def test_upload_then_reply_gives_each_record_its_arshin_number(app_home, tmp_path):
    with Repository.open() as repo:
        keys = recorded(repo)
        (job,) = repo.outbox.export_arshin(tmp_path, who="test")
        name = job.files[0].name
        with pytest.raises(OutboxError, match="say which uploaded file"):
            repo.outbox.confirm(reply((1, "402123271", "С-ДГХ/20-11-2026/402123271")), who="test")
        assert repo.outbox.mark_submitted(who="test", job_id=job.id) == [name]
        with pytest.raises(OutboxError, match="marked once"):
            repo.outbox.mark_submitted(who="test", job_id=job.id)
        assert {repo.verifications.get(k).status for k in keys} == {"submitted"}
        answer = reply((1, "402123271", "С-ДГХ/20-11-2026/402123271"), (2, "402123272", "С-ДГХ/20-11-2026/402123272"),
                       (3, None, "Неверный номер типа СИ"))
        report = repo.outbox.confirm(answer, who="test")
        assert report.file == name and report.warnings == []
        assert [c[0] for c in report.confirmed] == keys[:2] and report.rejected == [(keys[2], "Неверный номер типа СИ")]
        first = repo.verifications.get(keys[0])
        assert (first.status, first.global_id, first.cert_num) == ("confirmed", "402123271",
                                                                  "С-ДГХ/20-11-2026/402123271")
        assert repo.verifications.get(keys[2]).reply_message == "Неверный номер типа СИ"
        assert repo.outbox.confirm(answer, who="test").already_imported, "the same reply twice changes nothing"
        with pytest.raises(OutboxError, match="different reply"):
            repo.outbox.confirm(reply((1, "1", "x"), (2, "2", "y"), (3, "3", "z")), who="test", file_name=name)
        assert repo.verify().ok


def test_a_rejected_record_is_corrected_and_goes_out_again_alone(app_home, tmp_path):
    with Repository.open() as repo:
        keys = recorded(repo, 2)
        (job,) = repo.outbox.export_arshin(tmp_path, who="test")
        repo.outbox.mark_submitted(who="test", job_id=job.id)
        repo.outbox.confirm(reply((1, "402123271", "С-ДГХ/20-11-2026/402123271"), (2, None, "нет такого типа")),
                            who="test")
        with pytest.raises(VerificationRecordError, match="is confirmed"):
            repo.verifications.correct(keys[0], fit_record(manufacture_num="SN1"), who="test", today=TODAY)
        repo.verifications.correct(keys[1], fit_record(manufacture_num="SN2", mitype_number="22129-09"),
                                   who="test", today=TODAY)
        (second,) = repo.outbox.export_arshin(tmp_path, who="test")
        assert second.id != job.id and second.records == 1
        manifest = json.loads(repo.outbox.manifest(second.id))
        assert [r["record"] for r in manifest["files"][0]["records"]] == [keys[1]]


def test_a_reply_for_another_file_is_refused_and_changes_nothing(app_home, tmp_path):
    with Repository.open() as repo:
        keys = recorded(repo, 2)
        (job,) = repo.outbox.export_arshin(tmp_path, who="test")
        repo.outbox.mark_submitted(who="test", job_id=job.id)
        with pytest.raises(OutboxError, match="does not have"):
            repo.outbox.confirm(reply((1, "1", "x"), (7, "2", "y")), who="test", file_name=job.files[0].name)
        with pytest.raises(ArshinReplyError):
            repo.outbox.confirm(b"<html>login page</html>", who="test", file_name=job.files[0].name)
        assert {repo.verifications.get(k).status for k in keys} == {"submitted"}


def test_a_surprising_arshin_number_is_accepted_with_a_warning(app_home, tmp_path):
    with Repository.open() as repo:
        (key,) = recorded(repo, 1)
        (job,) = repo.outbox.export_arshin(tmp_path, who="test")
        repo.outbox.mark_submitted(who="test", job_id=job.id)
        report = repo.outbox.confirm(reply((1, "402123271", "С-ДВУ/20-11-2026/402123271")), who="test")
        assert report.confirmed and "cipher ДВУ" in report.warnings[0]
        assert repo.verifications.get(key).cert_num == "С-ДВУ/20-11-2026/402123271", "Arshin's number is the legal one"


def run(*args, home):
    env = {"COOMET_LAB_HOME": str(home), "PATH": "/usr/bin:/bin", "COOMET_LAB_USER": "Иванов И.И.",
           "COOMET_LAB_ARSHIN_SCHEMAS": str(ARSHIN)}
    return subprocess.run([sys.executable, "-m", "coomet_lab.cli.main", *map(str, args)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)


def test_from_a_csv_to_a_confirmed_outbox_on_the_command_line(app_home, tmp_path):
    assert run("verification", "types", "import", DATA / "types.csv", home=app_home).returncode == 0
    assert run("verification", "import-csv", DATA / "batch-good.csv", home=app_home).returncode == 0
    exported = run("export", "arshin", "-o", tmp_path / "out", home=app_home)
    assert exported.returncode == 0, exported.stderr
    (line,) = exported.stdout.splitlines()
    assert "3 record(s)" in line and "arshin-00001-part-001.xml" in line
    XSD.assertValid(etree.parse(str(tmp_path / "out" / "arshin-00001-part-001.xml")))
    assert "nothing to export" in run("export", "arshin", "-o", tmp_path / "out", home=app_home).stdout
    assert run("outbox", "submit", "1", home=app_home).returncode == 0
    answer = tmp_path / "reply.xml"
    answer.write_bytes(reply((1, "402123271", "С-ДГХ/20-11-2026/402123271"),
                             (2, "402123272", "И-ДГХ/20-11-2026/402123272"),
                             (3, "402123273", "С-ДГХ/20-11-2026/402123273")))
    confirmed = run("outbox", "confirm", answer, home=app_home)
    assert confirmed.returncode == 0, confirmed.stderr
    assert "3 confirmed, 0 rejected" in confirmed.stdout
    listing = json.loads(run("outbox", "list", "--json", home=app_home).stdout)
    assert listing["records"] == {"confirmed": 3} and listing["jobs"][0]["status"] == "confirmed"
    assert "already imported" in run("outbox", "confirm", answer, home=app_home).stdout


def test_the_command_line_names_every_record_an_export_refuses(app_home, tmp_path):
    with Repository.open() as repo:
        (key,) = recorded(repo, 1)
        from coomet_lab.repository import schema
        from coomet_lab.repository.verifications import record_text

        with repo.store.write("test") as tx:
            tx.conn.execute(schema.verifications.update().where(schema.verifications.c.id == key)
                            .values(record=record_text(fit_record(manufacture_num="SN1", sign_cipher="DGH"))))
    refused = run("export", "arshin", "-o", tmp_path, home=app_home)
    assert refused.returncode == 1
    assert f"record #{key}: sign_cipher:" in refused.stderr and "nothing exported" in refused.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_arshin_benchmark_leaves_nothing_in_the_temporary_directory(tmp_path):
    """Issue 12: every run of bench_arshin.py left its repositories (about 690 MB at full size) behind."""
    import os

    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**os.environ, "TMPDIR": str(temporary), "PYTHONPATH": str(REPO), "COOMET_LAB_ARSHIN_SCHEMAS": str(ARSHIN)}
    done = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_arshin.py"), "--records", "30",
                           "--csv-rows", "10", "--runs", "1"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "export arshin" in done.stdout
    assert list(temporary.iterdir()) == []
