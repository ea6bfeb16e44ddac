"""The crash harness: a child process saves drafts, issues, amends and imports in a loop and is killed with SIGKILL
at random moments, over and over (COOMET_LAB_CRASH_KILLS, default 120). Afterwards the database passes
``PRAGMA integrity_check``, ``verify`` finds nothing, every certificate whose ``issue`` (or import) had returned
is there byte for byte, and the orphan files a kill may leave are never counted as records.

The child is forked from this (already warmed-up) process so that a hundred rounds fit in well under a minute on
two cores; it opens its own repository, exactly as a new application process would after a crash.
"""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import sqlite3
import time

import pytest

from coomet_lab.dcc.io.writer import to_bytes
from coomet_lab.kernel.errors import AmendmentError
from coomet_lab.repository import Repository

from tests.repo_support import make_twin, register_standards, thermometer

KILLS = int(os.environ.get("COOMET_LAB_CRASH_KILLS", "120"))
MAX_DELAY = 0.25

pytestmark = [pytest.mark.crash, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")]


def _child(root, out: int, seed: int) -> None:
    """The work that gets killed; one acknowledgement line per committed issue or import."""
    rng = random.Random(seed)
    tag = f"{os.getpid()}"

    def say(line: str) -> None:
        os.write(out, (line + "\n").encode())

    repo = Repository.open(root)
    say("READY")
    for n in range(10_000):
        operation = rng.choice(("save", "issue", "issue", "amend", "import"))
        if operation == "save":
            draft = repo.drafts.create(certificate=thermometer(f"CR-{tag}-D{n}"), who="crash")
            for revision in range(1, 4):
                repo.drafts.save(draft_id=draft.id, certificate=draft.certificate(), expected_revision=revision)
        elif operation == "issue":
            certificate = thermometer(f"CR-{tag}-{n}")
            draft = repo.drafts.create(certificate=certificate, who="crash")
            xml = to_bytes(certificate)
            pdf = make_twin(xml) if rng.random() < 0.3 else None
            record = repo.certificates.issue(draft_id=draft.id, signed_xml=xml, pdf=pdf, who="crash",
                                             key_id="crash-key")
            say(f"ISSUED {record.id} {record.unique_identifier} {record.xml_sha256} {record.pdf_sha256}")
        elif operation == "amend":
            current = repo.certificates.list(kind="issued", status="current", limit=30)
            if not current:
                continue
            try:
                draft = repo.certificates.amend(certificate_id=rng.choice(current).id, who="crash")
            except AmendmentError:  # a killed child left an amendment draft open: that is allowed
                continue
            record = repo.certificates.issue(draft_id=draft.id, signed_xml=to_bytes(draft.certificate()), who="crash")
            say(f"ISSUED {record.id} {record.unique_identifier} {record.xml_sha256} {record.pdf_sha256}")
        else:
            xml = to_bytes(thermometer(f"EXT-{tag}-{n}"))
            data = make_twin(xml) if rng.random() < 0.5 else xml
            outcome = repo.certificates.import_bytes(data, source=f"ext-{n}", who="crash")
            assert outcome.status == "imported", outcome
            say(f"IMPORTED {outcome.certificate_id} {outcome.unique_identifier} {hashlib.sha256(xml).hexdigest()}")
    say("DONE")


def _read_until(read_end: int, buffer: bytes, done, deadline: float) -> bytes:
    """Read the child's pipe until ``done(buffer)`` holds, the pipe closes or the deadline passes."""
    while not done(buffer) and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        chunk = os.read(read_end, 65536)
        if not chunk:
            break
        buffer += chunk
    return buffer


def _acknowledged_something(buffer: bytes) -> bool:
    return b"\nISSUED " in buffer or b"\nIMPORTED " in buffer


def _round(root, seed: int, delay: float, after_first_ack: bool) -> tuple[list[str], bool]:
    """Fork a child, let it work ``delay`` seconds, SIGKILL it; (its lines, killed while alive).

    The delay counts from the child's READY, or, with ``after_first_ack``, from its first acknowledged write: how
    much a child gets done in a fixed time depends on the machine's disk, so without that some rounds would prove
    nothing on a slow one."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover (the child)
        os.close(read_end)
        try:
            _child(root, write_end, seed)
        except BaseException as exc:  # noqa: BLE001
            os.write(write_end, f"ERROR {type(exc).__name__}: {exc}\n".encode())
        os._exit(0)
    os.close(write_end)
    deadline = time.monotonic() + 60
    buffer = _read_until(read_end, b"", lambda data: b"READY\n" in data, deadline)
    if after_first_ack:
        buffer = _read_until(read_end, buffer, _acknowledged_something, deadline)
    time.sleep(delay)
    alive = os.waitpid(pid, os.WNOHANG) == (0, 0)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while chunk := os.read(read_end, 65536):
        buffer += chunk
    os.close(read_end)
    return buffer.decode().splitlines(), alive


def test_sigkill_at_random_points_loses_nothing_acknowledged(app_home):
    root = app_home / "repository"
    with Repository.open(root) as repo:
        register_standards(repo)
    rng = random.Random(20261126)
    acknowledged: dict[int, tuple[str, ...]] = {}
    imported: dict[int, tuple[str, ...]] = {}
    kills = 0
    rounds_after_ack = 0
    started = time.monotonic()
    for round_number in range(KILLS):
        after_first_ack = round_number % 3 != 0  # a third of the kills may also land before the first write
        rounds_after_ack += after_first_ack
        lines, alive = _round(root, rng.randrange(1 << 30), rng.uniform(0.0, MAX_DELAY), after_first_ack)
        errors = [line for line in lines if line.startswith(("ERROR", "DONE"))]
        assert not errors, errors
        assert lines and lines[0] == "READY", lines
        kills += alive
        for line in lines[1:]:
            kind, cid, *rest = line.split()
            (acknowledged if kind == "ISSUED" else imported)[int(cid)] = tuple(rest)
        if round_number % 25 == 24:  # the database is sound after every few crashes, not only at the end
            db = sqlite3.connect(root / "repository.sqlite")
            assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            db.close()
    elapsed = time.monotonic() - started
    assert kills >= KILLS * 0.95, f"only {kills} of {KILLS} kills hit a working child"
    # every round that waited for a write contributed at least one, whatever the machine's speed
    assert len(acknowledged) + len(imported) >= rounds_after_ack, (len(acknowledged), len(imported))
    assert acknowledged and imported, (len(acknowledged), len(imported))

    db = sqlite3.connect(root / "repository.sqlite")
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    db.close()
    with Repository.open(root) as repo:
        report = repo.verify()
        assert report.ok, report.problems[:5]
        for cid, (number, xml_sha, pdf_sha) in acknowledged.items():
            record = repo.certificates.get(cid)
            assert (record.unique_identifier, record.xml_sha256) == (number, xml_sha)
            assert record.pdf_sha256 == (None if pdf_sha == "None" else pdf_sha)
            xml, pdf = repo.certificates.bytes(cid)  # both files present and matching their rows
            assert hashlib.sha256(xml).hexdigest() == xml_sha
        for cid, (number, xml_sha) in imported.items():
            record = repo.certificates.get(cid)
            assert (record.kind, record.unique_identifier, record.xml_sha256) == ("received", number, xml_sha)
        replaced = repo.certificates.list(status="replaced", limit=100_000)
        for record in replaced:
            successor = repo.certificates.get(record.replaced_by_id)
            assert successor.amends_id == record.id and successor.status in ("current", "replaced")
        rows = repo.certificates.count()
        orphans = repo.audit.orphan_files()
        assert rows >= len(acknowledged) + len(imported)
        repo.audit.remove_orphans(who="test", older_than=0)
        after = repo.verify()
        assert after.ok and not [n for n in after.notes if n.code.startswith("file.")]
        assert repo.certificates.count() == rows  # orphans were never records
    print(f"\ncrash harness: {kills} kills in {elapsed:.1f} s; {len(acknowledged)} acknowledged issues, "
          f"{len(imported)} imports, {len(replaced)} replaced, {len(orphans)} orphan files cleaned")
