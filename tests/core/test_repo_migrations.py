"""Versioned migrations: the first version's shape is pinned, a newer repository is refused, not guessed at."""

from __future__ import annotations

import hashlib
import json

import pytest
from sqlalchemy import inspect

from coomet_lab.kernel.errors import RepositoryError
from coomet_lab.repository import Repository, schema
from coomet_lab.repository.migrations import LATEST, MIGRATIONS

from tests.repo_support import raw_db

# SHA-256 of the tables, columns and indexes that migration 1 creates. If this test fails you changed a table in
# schema.py: keep migration 1 creating the old shape (freeze its tables there) and add migration 2 that alters it.
MIGRATION_1_SHAPE = "a3dd979642572634f640fa353011c6d181bee3900027a9f1697be5068a62701a"


def shape_of(repo: Repository, tables: set[str] | None = None) -> str:
    inspector = inspect(repo.store.engine)
    shape = {}
    for table in sorted(inspector.get_table_names()):
        if table.startswith("certificate_fts") or (tables is not None and table not in tables):
            continue
        columns = [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)]
        indexes = sorted((i["name"], tuple(i["column_names"]), bool(i["unique"])) for i in inspector.get_indexes(table))
        shape[table] = {"columns": columns, "indexes": indexes}
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode()).hexdigest()


def test_migration_1_creates_the_pinned_shape(app_home):
    assert LATEST == len(MIGRATIONS) == 3
    with Repository.open() as repo:
        assert shape_of(repo, set(schema.metadata.tables) | {"schema_migrations"}) == MIGRATION_1_SHAPE
        tables = set(inspect(repo.store.engine).get_table_names())
    assert set(schema.metadata.tables) <= tables and "certificate_fts" in tables
    assert set(schema.metadata_v2.tables) <= tables and "mi_type_fts" in tables


def test_a_version_1_repository_is_migrated_and_stays_verifiable(app_home, monkeypatch):
    from coomet_lab.repository import migrations

    # A context of its own: monkeypatch.undo() would also undo app_home's COOMET_LAB_HOME, and the second open
    # would then migrate the user's real repository instead of this test's.
    with monkeypatch.context() as only_version_1:
        only_version_1.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
        only_version_1.setattr(migrations, "LATEST", 1)
        with Repository.open() as repo:
            repo.customers.add(name="АО «Уралхим»", who="test")
            assert "verifications" not in inspect(repo.store.engine).get_table_names()
    with Repository.open() as repo:
        assert repo.root == app_home / "repository"
        assert "verifications" in inspect(repo.store.engine).get_table_names()
        versions = raw_db(repo.root).execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
        assert versions == [(1,), (2,), (3,)]
        report = repo.verify()
    assert report.ok, report.problems


def test_a_repository_from_a_newer_application_is_refused(app_home):
    with Repository.open() as repo:
        root = repo.root
    db = raw_db(root)
    db.execute("INSERT INTO schema_migrations VALUES (99, 'from the future', '2030-01-01')")
    db.close()
    with pytest.raises(RepositoryError, match="schema version 99, newer than this application understands"):
        Repository.open()


def test_migrations_are_recorded_once(app_home):
    for _ in range(3):
        Repository.open().close()
    with Repository.open() as repo:
        rows = raw_db(repo.root).execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]
