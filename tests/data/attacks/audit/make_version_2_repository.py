"""Writes version-2-repository.zip: a repository as the application wrote it before migration 3 (schema version 2,
its audit trail without the units migration 3 added). Run it with the code of commit ddd16b5 (or any commit before
migration 3) first on the path, from the repository root:

    git worktree add /tmp/v2 ddd16b5 && PYTHONPATH=/tmp/v2 python /tmp/v2/../<this checkout>/tests/data/attacks/audit/\
make_version_2_repository.py

(any way that imports the old ``coomet_lab`` and this checkout's ``tests`` helpers works; the script checks that
the repository it made has schema version 2).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    home = Path(tempfile.mkdtemp(prefix="coomet-v2-"))
    os.environ["COOMET_LAB_HOME"] = str(home)
    from tests.conftest import ARSHIN, SCHEMAS

    os.environ["COOMET_LAB_SCHEMAS"] = str(SCHEMAS)
    os.environ["COOMET_LAB_ARSHIN_SCHEMAS"] = str(ARSHIN)
    from coomet_lab.repository import Repository

    from tests.core.test_verification_records import DATA, TODAY, fit_record
    from tests.repo_support import issue_new, register_standards

    with Repository.open() as repo:
        register_standards(repo)
        issue_new(repo, "UT-A1", pdf=True)
        issue_new(repo, "UT-A2")
        repo.verifications.import_types(DATA / "types.csv", who="test")
        repo.verifications.record([fit_record(manufacture_num=f"SN{n}") for n in (1, 2, 3)], who="Иванов И.И.",
                                  today=TODAY)
        repo.outbox.export_arshin(home / "out", who="Иванов И.И.")
        repo.certificates.set_amendment_pattern(pattern="{base}-A{n}", who="test")
        assert repo.verify().ok
    root = home / "repository"
    db = sqlite3.connect(root / "repository.sqlite")
    assert db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == 2, "run with the old code"
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    target = HERE / "version-2-repository.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        names = ["repository.sqlite", "audit-head.json"] + sorted(
            str(p.relative_to(root)) for p in (root / "files").rglob("*") if p.is_file() and ".tmp" not in p.parts)
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (root / name).read_bytes())
    print(f"wrote {target} ({target.stat().st_size} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
