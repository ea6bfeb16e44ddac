"""When things go wrong: a locked database, a second instance, a full disk, a read-only folder.
Each gives a clear message, changes nothing and loses nothing."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.kernel.errors import RepositoryBusyError, RepositoryInUseError, RepositoryStorageError
from coomet_lab.repository import Repository

from tests.helpers import EX01, EX05, REPO, run_cli
from tests.repo_support import issue_new, make_twin, raw_db, register_standards, thermometer


def _prepared(repo, number):
    """A draft and its XML: issuing it is then the only write left."""
    certificate = thermometer(number)
    return repo.drafts.create(certificate=certificate, who="ann"), to_bytes(certificate)


def _snapshot(repo):
    db = raw_db(repo.root)
    try:
        counts = tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                       for t in ("certificates", "files", "audit_log", "drafts"))
    finally:
        db.close()
    files = repo.store.files
    return counts, sorted(files.iter_hashes()), sorted(p.name for p in files.leftover_temporaries())


def test_a_locked_database_gives_a_clear_error_after_the_busy_timeout(app_home):
    with Repository.open(busy_timeout=0.3) as repo:
        register_standards(repo)
        draft, xml = _prepared(repo, "UT-BUSY")
        before = _snapshot(repo)
        holder = raw_db(repo.root)
        holder.execute("BEGIN EXCLUSIVE")
        started = time.monotonic()
        with pytest.raises(RepositoryBusyError, match="the repository is busy: another program") as caught:
            repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann")
        assert caught.value.code == "repository.busy" and time.monotonic() - started < 5
        holder.execute("ROLLBACK")
        holder.close()
        assert _snapshot(repo) == before
        assert repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann").unique_identifier == "UT-BUSY"
        assert repo.verify().ok


def test_writers_in_two_processes_queue_instead_of_failing(app_home):
    code = ("import sys; from coomet_lab.repository import Repository; from tests.repo_support import issue_new\n"
            "with Repository.open() as repo:\n"
            "    for n in range(5): issue_new(repo, f'UT-P{sys.argv[1]}-{n}', override_reason='test')\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(i)], cwd=REPO, env=env, stderr=subprocess.PIPE)
             for i in range(2)]
    for proc in procs:
        assert proc.wait(timeout=60) == 0, proc.stderr.read().decode()
    with Repository.open() as repo:
        assert repo.certificates.count(kind="issued") == 10
        assert repo.verify().ok


def test_a_new_repository_waits_for_another_program_creating_it_at_the_same_moment(app_home, tmp_path):
    # Switching a fresh database to WAL while another connection holds its write lock fails at once in SQLite,
    # without waiting (CI saw it when two programs created the repository together). Opening must queue instead.
    root = tmp_path / "fresh"
    root.mkdir()
    holder = sqlite3.connect(root / "repository.sqlite", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE other_program (x)")
    holder.execute("DROP TABLE other_program")  # still holding the lock; leaves no table verify would report
    release = threading.Timer(0.4, lambda: holder.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    try:
        with Repository.open(root, busy_timeout=5) as repo:
            assert time.monotonic() - started >= 0.3  # it waited for the other program rather than failing
            issue_new(repo, "UT-FRESH", override_reason="test")
            assert repo.verify().ok
    finally:
        release.join()
        holder.close()
    check = sqlite3.connect(root / "repository.sqlite")
    assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    check.close()


def test_a_new_repository_still_busy_after_the_timeout_is_refused_clearly(app_home, tmp_path):
    root = tmp_path / "fresh"
    root.mkdir()
    holder = sqlite3.connect(root / "repository.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("CREATE TABLE other_program (x)")
    try:
        started = time.monotonic()
        with pytest.raises(RepositoryBusyError, match="waited 0.3 s"):
            Repository.open(root, busy_timeout=0.3)
        assert 0.3 <= time.monotonic() - started < 5  # the whole timeout, as the message says
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_second_instance_is_refused_clearly(app_home):
    with Repository.open(instance_lock=True) as first:
        with pytest.raises(RepositoryInUseError, match="already open in another COOMET Lab \\(pid") as caught:
            Repository.open(instance_lock=True)
        assert caught.value.code == "repository.in_use"
        other = subprocess.run(
            [sys.executable, "-c", "from coomet_lab.repository import Repository\n"
             "try:\n    Repository.open(instance_lock=True)\nexcept Exception as e: print(type(e).__name__, e)"],
            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, timeout=60)
        assert other.stdout.startswith("RepositoryInUseError") and f"pid {os.getpid()}" in other.stdout
        assert run_cli("repo", "list")[0] == 0  # command-line tools share the repository with the app
        first.certificates.import_files([EX01], who="ann")
    with Repository.open(instance_lock=True) as again:  # released on close (and by the OS on a crash)
        assert again.certificates.count() == 1


@pytest.mark.skipif(sys.platform != "linux", reason="finds the file being written through /proc")
@pytest.mark.parametrize("failing", ["write", "fsync"])
def test_a_full_disk_while_storing_a_file_changes_nothing(app_home, monkeypatch, failing):
    with Repository.open() as repo:
        register_standards(repo)
        issue_new(repo, "UT-OK")
        draft, xml = _prepared(repo, "UT-FULL")
        before = _snapshot(repo)
        real = getattr(os, failing)

        def full(fd, *args):
            if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).endswith(".part"):
                raise OSError(errno.ENOSPC, "No space left on device")
            return real(fd, *args)

        monkeypatch.setattr(os, failing, full)
        with pytest.raises(RepositoryStorageError, match="the disk is full; nothing was changed"):
            repo.certificates.issue(draft_id=draft.id, signed_xml=xml, pdf=make_twin(xml), who="ann")
        with pytest.raises(RepositoryStorageError, match="the disk is full; nothing was changed"):
            repo.certificates.import_files([EX05], who="ann")
        monkeypatch.setattr(os, failing, real)
        assert _snapshot(repo) == before
        assert repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann").unique_identifier == "UT-FULL"
        assert repo.verify().ok


def _mount(path, *options):
    path.mkdir(exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); the monkeypatched tests cover this")
    return path


def _umount(path):
    subprocess.run(["umount", "-l", str(path)], check=False)


@pytest.mark.skipif(sys.platform != "linux", reason="tmpfs is Linux")
def test_a_really_full_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    mount = _mount(tmp_path / "small", "size=3m")
    try:
        with Repository.open(mount / "repository") as repo:
            register_standards(repo)
            issued = []
            with pytest.raises(RepositoryStorageError, match="the disk is full; nothing was changed"):
                for n in range(1000):
                    issued.append(issue_new(repo, f"UT-DISK-{n}", pdf=True))
            assert len(issued) >= 3
            with pytest.raises(RepositoryStorageError):
                for n in range(1000, 2000):  # the last few bytes go too, through whichever write hits them
                    issued.append(issue_new(repo, f"UT-DISK-{n}"))
        subprocess.run(["mount", "-o", "remount,size=8m", str(mount)], check=True)
        with Repository.open(mount / "repository") as repo:
            report = repo.verify()
            assert report.ok, report.problems
            for record in issued:
                assert repo.certificates.bytes(record.id)[0]
            assert repo.certificates.count() == len(issued)
    finally:
        _umount(mount)


@pytest.mark.skipif(sys.platform != "linux", reason="bind mounts and /proc are Linux")
def test_a_read_only_folder_opens_for_reading_and_refuses_changes(tmp_path):
    source = tmp_path / "repository"
    with Repository.open(source) as repo:
        register_standards(repo)
        first = issue_new(repo, "UT-RO-1", pdf=True)
        before = _snapshot(repo)
    if os.geteuid() == 0:  # root ignores permissions: make the folder really read-only, as a mount
        view = tmp_path / "view"
        view.mkdir()
        if subprocess.run(["mount", "--bind", str(source), str(view)], capture_output=True).returncode:
            pytest.skip("cannot bind-mount here; the monkeypatched EROFS test covers the write path")
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        undo = lambda: subprocess.run(["umount", "-l", str(view)], check=False)  # noqa: E731
    else:
        view = source
        os.chmod(view, 0o555)
        undo = lambda: os.chmod(view, 0o755)  # noqa: E731
    try:
        with Repository.open(view) as repo:
            assert repo.read_only
            assert [h.unique_identifier for h in repo.certificates.search("UT-RO*")] == ["UT-RO-1"]
            assert repo.certificates.bytes(first.id)[0] and repo.verify().ok
            with pytest.raises(RepositoryStorageError, match="cannot create the draft: the repository folder "
                                                             ".* is read-only; nothing was changed"):
                issue_new(repo, "UT-RO-2")
            with pytest.raises(RepositoryStorageError, match="read-only"):
                repo.certificates.import_files([EX01], who="ann")
        code, _, err = run_cli("repo", "--repository", view, "import", EX01)
        assert code == 2 and "read-only" in err and "Traceback" not in err
    finally:
        undo()
    with Repository.open(source) as repo:
        assert _snapshot(repo) == before
        assert issue_new(repo, "UT-RO-2") and repo.verify().ok


def test_a_folder_turning_read_only_during_a_write_changes_nothing(app_home, monkeypatch):
    with Repository.open() as repo:
        register_standards(repo)
        draft, xml = _prepared(repo, "UT-EROFS")
        before = _snapshot(repo)
        real = os.open

        def refuse(path, flags, *args, **kwargs):
            if str(path).endswith(".part"):
                raise OSError(errno.EROFS, "Read-only file system", str(path))
            return real(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
        with pytest.raises(RepositoryStorageError, match="the repository folder is read-only"):
            repo.certificates.issue(draft_id=draft.id, signed_xml=xml, who="ann")
        monkeypatch.setattr(os, "open", real)
        assert _snapshot(repo) == before
