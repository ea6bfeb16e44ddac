"""Backup while the application works, and a restore that checks everything before it replaces anything."""

from __future__ import annotations

import json
import threading
import zipfile

import pytest

from coomet_lab.kernel.errors import BackupError, RepositoryInUseError
from coomet_lab.repository import Repository

from tests.helpers import EX05, run_cli
from tests.repo_support import issue_new, register_standards


@pytest.fixture
def repo(app_home):
    with Repository.open() as repository:
        register_standards(repository)
        issue_new(repository, "UT-B1", pdf=True)
        repository.certificates.import_files([EX05], who="ann")
        yield repository


def test_backup_while_another_thread_keeps_issuing_is_consistent(repo, tmp_path):
    stop = threading.Event()
    issued: list[str] = []

    def keep_issuing() -> None:
        n = 0
        while not stop.is_set():
            issued.append(issue_new(repo, f"UT-BG-{n}").unique_identifier)
            n += 1

    worker = threading.Thread(target=keep_issuing)
    worker.start()
    try:
        infos = [repo.backup(tmp_path / f"backup-{i}.zip", who="ann") for i in range(3)]
    finally:
        stop.set()
        worker.join()
    assert issued, "the writer ran during the backups"
    for i, info in enumerate(infos):
        target = tmp_path / f"restored-{i}"
        restored = Repository.restore(info["archive"], who="ann", root=target)
        assert restored["previous"] is None
        with Repository.open(target) as copy:
            assert copy.verify().ok
            assert copy.certificates.count() == info["certificates"]
            for record in copy.certificates.list(limit=1000):
                assert copy.certificates.bytes(record.id)[0] == repo.certificates.bytes(record.id)[0]
    assert repo.audit.entries()[-1].action in ("backup made", "issued")


def test_backup_archive_has_a_manifest_of_every_file(repo, tmp_path):
    info = repo.backup(tmp_path / "b.zip", who="ann")
    with zipfile.ZipFile(info["archive"]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert manifest["format"] == "coomet-lab-repository-backup" and manifest["certificates"] == 2
        assert set(archive.namelist()) == set(manifest["members"]) | {"manifest.json"}
        assert len([m for m in manifest["members"] if m.startswith("files/")]) == 3
    entry = repo.audit.entries()[-1]
    assert entry.action == "backup made" and entry.details["sha256"] == info["sha256"]


def test_restore_refuses_a_non_empty_repository_unless_forced_and_keeps_it(repo, tmp_path, app_home):
    info = repo.backup(tmp_path / "b.zip", who="ann")
    issue_new(repo, "UT-AFTER-BACKUP")
    repo.close()
    code, _, err = run_cli("repo", "restore", info["archive"])
    assert code == 2 and "is not empty" in err and "--force" in err
    code, out, _ = run_cli("repo", "restore", "--force", info["archive"])
    assert code == 0 and "kept in" in out
    with Repository.open() as restored:
        assert restored.certificates.count() == 2 and restored.verify().ok
        assert restored.audit.entries()[-1].action == "restored"
    previous = next(app_home.glob("repository.before-restore-*"))
    with Repository.open(previous) as old:
        assert old.certificates.find("UT-AFTER-BACKUP")


def test_restore_refuses_while_the_application_holds_the_repository(repo, tmp_path, app_home):
    info = repo.backup(tmp_path / "b.zip", who="ann")
    repo.close()
    with Repository.open(instance_lock=True):
        with pytest.raises(RepositoryInUseError):
            Repository.restore(info["archive"], who="ann", force=True)
    assert not list(app_home.glob(".repository.restore-*"))


@pytest.mark.parametrize("damage", ["file", "database", "manifest", "extra", "truncated"])
def test_a_damaged_archive_is_refused_before_anything_is_replaced(repo, tmp_path, damage):
    info = repo.backup(tmp_path / "b.zip", who="ann")
    source = zipfile.ZipFile(info["archive"])
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(damaged, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if damage == "file" and item.filename.startswith("files/"):
                data = data.replace(b"UT-B1", b"UT-B2")
            if damage == "database" and item.filename == "repository.sqlite":
                data = data[:4096] + b"\0" * 4096 + data[8192:]
            if damage == "manifest" and item.filename == "manifest.json":
                continue
            out.writestr(item, data)
        if damage == "extra":
            out.writestr("files/zz/evil", b"x")
    if damage == "truncated":
        damaged.write_bytes(damaged.read_bytes()[:2000])
    target = tmp_path / "target"
    with pytest.raises(BackupError):
        Repository.restore(damaged, who="ann", root=target)
    assert not target.exists() and not list(tmp_path.glob(".target.restore-*"))
    code, _, err = run_cli("repo", "restore", damaged)
    assert code == 2 and "Traceback" not in err
