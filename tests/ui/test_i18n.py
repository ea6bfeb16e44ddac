"""The interface speaks English and Russian, and nothing user-facing is left untranslated."""

from __future__ import annotations

import re
import subprocess

from coomet_lab.dcc.editing.fields import FIELDS

from tests.helpers import REPO

TS = REPO / "resources" / "translations" / "coomet_lab_ru.ts"


def test_every_field_label_is_marked_for_translation():
    from ui.field_labels import FIELD_LABELS

    assert {f.label for f in FIELDS} <= set(FIELD_LABELS)


def test_every_choice_is_marked_for_translation():
    from ui.field_labels import CHOICE_LABELS

    assert {c for f in FIELDS for c in f.choices} <= set(CHOICE_LABELS)


def test_every_message_has_a_russian_translation():
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert len(re.findall(r"<translation>", text)) == len(re.findall(r"<source>", text)) > 100


def test_translation_sources_are_up_to_date_with_the_code(tmp_path):
    """lupdate over the interface code finds no string the committed .ts does not have."""
    lupdate = REPO / ".venv" / "bin" / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = set(re.findall(r"<source>(.*?)</source>", TS.read_text(encoding="utf-8"), re.S))
    found = set(re.findall(r"<source>(.*?)</source>", fresh.read_text(encoding="utf-8"), re.S))
    assert found <= committed, sorted(found - committed)


def test_compiled_translations_load(qapp):
    from ui.i18n import InterfaceLanguage, tr

    languages = InterfaceLanguage(qapp)
    assert languages.switch("ru")
    assert tr("Results") == "Результаты"
    languages.switch("en")
    assert tr("Results") == "Results"


def test_without_a_shipped_qm_the_translation_is_compiled_into_the_home(monkeypatch, tmp_path, app_home):
    """A wheel built without `python -m ui.i18n` carries only the .ts source: Russian still loads."""
    import shutil

    from PySide6.QtCore import QCoreApplication

    import ui.i18n as i18n

    shipped = tmp_path / "translations"
    shipped.mkdir()
    shutil.copy(TS, shipped / TS.name)
    monkeypatch.setattr(i18n, "translations_dir", lambda: shipped)
    compiled = i18n.compiled_translation("ru")
    assert compiled is not None and compiled.is_relative_to(app_home) and compiled.stat().st_size > 0
    assert not (shipped / "coomet_lab_ru.qm").exists()
    app = QCoreApplication.instance() or QCoreApplication([])
    language = i18n.InterfaceLanguage(app)
    try:
        assert language.switch("ru")
    finally:
        language.switch("en")
