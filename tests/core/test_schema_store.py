from __future__ import annotations

import shutil

import pytest
from lxml import etree

from coomet_lab.dcc.validation.schema_store import SchemaStore, load_pins, supported_versions
from coomet_lab.kernel.errors import SchemaStoreError, UnsupportedVersionError

from tests.helpers import EX01, EX05, SCHEMAS, run_cli


def test_pins_match_the_official_checksums_shipped_with_the_schemas():
    sums = dict(reversed(line.split()) for line in (SCHEMAS / "SHA256SUMS").read_text().splitlines())
    for path, pin in load_pins().files.items():
        assert sums[path] == pin.sha256, path


def test_all_six_versions_compile_offline_from_the_store(app_home):
    store = SchemaStore([app_home / "store"])
    store.install_from(SCHEMAS)
    assert store.installed_versions() == ["3.3.0", "3.2.1", "3.2.0", "3.1.2", "3.1.1", "3.0.0"]
    for version in supported_versions():
        assert isinstance(store.schema(version), etree.XMLSchema)


def test_examples_validate_against_their_own_versions_only():
    store = SchemaStore([SCHEMAS])
    assert store.schema("3.3.0").validate(etree.parse(str(EX01)))
    assert store.schema("3.1.1").validate(etree.parse(str(EX05)))
    assert not store.schema("3.3.0").validate(etree.parse(str(EX05)))


def test_install_refuses_a_set_with_a_changed_file_and_installs_nothing(app_home, tmp_path):
    tampered = tmp_path / "tampered"
    shutil.copytree(SCHEMAS, tampered)
    with open(tampered / "3.3.0" / "SI_Format.xsd", "ab") as handle:
        handle.write(b"\n<!-- changed -->")
    store = SchemaStore([app_home / "store"])
    with pytest.raises(SchemaStoreError, match="does not match the pinned"):
        store.install_from(tampered)
    assert not (app_home / "store").exists() or not any((app_home / "store").rglob("*.xsd"))


def test_a_schema_changed_inside_the_store_is_not_used(app_home):
    store = SchemaStore([app_home / "store"])
    store.install_from(SCHEMAS)
    target = app_home / "store" / "3.2.0" / "dcc.xsd"
    target.write_bytes(target.read_bytes().replace(b"minOccurs=\"0\"", b"minOccurs=\"1\"", 1))
    with pytest.raises(SchemaStoreError, match="changed since it was installed"):
        store.schema("3.2.0")


def test_missing_schemas_name_the_command_that_installs_them(app_home):
    store = SchemaStore([app_home / "empty"])
    with pytest.raises(SchemaStoreError, match="coomet-lab schemas install"):
        store.schema("3.3.0")


def test_unknown_version_is_a_clear_error():
    with pytest.raises(UnsupportedVersionError, match="3.4.0"):
        SchemaStore([SCHEMAS]).schema("3.4.0")


def test_a_folder_without_any_complete_version_is_refused(tmp_path, app_home):
    (tmp_path / "3.3.0").mkdir()
    shutil.copy(SCHEMAS / "3.3.0" / "dcc.xsd", tmp_path / "3.3.0" / "dcc.xsd")
    with pytest.raises(SchemaStoreError, match="no complete schema set"):
        SchemaStore([app_home / "store"]).install_from(tmp_path)


def test_fetch_checks_every_download_against_its_pin(app_home):
    by_url = {pin.fetch: SCHEMAS / path for path, pin in load_pins().files.items() if pin.fetch}
    store = SchemaStore([app_home / "store"])
    result = store.fetch(download=lambda url: by_url[url].read_bytes())
    assert "3.3.0" in result.installed_versions
    with pytest.raises(SchemaStoreError, match="does not match"):
        SchemaStore([app_home / "other"]).fetch(download=lambda url: b"<xs:schema/>")


def test_schemas_commands(monkeypatch, app_home):
    monkeypatch.delenv("COOMET_LAB_SCHEMAS")
    code, out, _ = run_cli("schemas", "list")
    assert code == 0 and "not installed" in out and "schemas install" in out
    code, out, _ = run_cli("schemas", "install", SCHEMAS)
    assert code == 0 and "3.3.0" in out and "SOURCES.md" in out
    code, out, _ = run_cli("schemas", "list")
    assert "DCC 3.3.0 (D-SI 2.2.1): installed" in out
    code, _, err = run_cli("schemas", "install", app_home / "nowhere")
    assert code == 2 and "not a folder" in err
