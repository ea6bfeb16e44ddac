"""The desktop application driven offscreen, end to end, as a technician would use it."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from coomet_lab.paths import shipped_dir
from coomet_lab.tables import EMPTY
from tests.helpers import REPO
from tests.ui.conftest import PASSPHRASE

TEMPLATE = shipped_dir("resources") / "templates" / "thermometer-pt100.json"


def wait_validated(qtbot, editor, timeout=10_000):
    with qtbot.waitSignal(editor.document.validated, timeout=timeout) as blocker:
        editor.document.validate_now()
    return blocker.args[0]


def new_editor(window):
    editor = window.new_from(TEMPLATE)
    assert editor is not None
    return editor


def field(editor, key, lang=""):
    """The line edit of a form field, brought in front (a technician can only type into a visible form)."""
    from coomet_lab.editing import FIELDS_BY_KEY

    editor.tabs.setCurrentWidget(editor.forms[FIELDS_BY_KEY[key].section])
    return editor.findChild(QLineEdit, f"field:{key}:{lang}")


def type_into(qtbot, widget, text):
    """Type into a line edit and press Enter (QTest cannot key-click Cyrillic, so the text goes in like a paste
    from the keyboard's input method; Enter is a real key press)."""
    widget.setFocus()
    widget.selectAll()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def fill_required(qtbot, editor):
    """What a technician types into the thermometer template before issuing."""
    for key, lang, text in [("customer.name", "ru", "АО «Уралхим»"), ("customer.name", "en", "Uralkhim JSC"),
                            ("customer.city", "", "Пермь"), ("item.serial", "", "20417"),
                            ("person.performer", "ru", "Смирнова А. В."), ("person.performer", "en", "A. V. Smirnova"),
                            ("person.approver", "ru", "Волков И. П."), ("person.approver", "en", "I. P. Volkov")]:
        type_into(qtbot, field(editor, key, lang), text)
    table = editor.document.table(0)
    rows = [["-39.95", "0.032", "0.025"], ["0.03", "0.026", "0.020"], ["50.05", "0.039", "0.020"],
            ["100.06", "0.065", "0.025"], ["150.09", "0.067", "0.030"]]
    editor.document.edit_table(0, "fill", lambda: table.paste_cells(rows, 0, [(1, "value"), (2, "value"),
                                                                           (2, "uncertainty")]))


def test_new_certificate_from_a_template_takes_the_lab_and_the_next_number(window):
    editor = new_editor(window)
    certificate = editor.document.certificate
    assert certificate.unique_identifier.startswith("UT-") and certificate.unique_identifier.endswith("00007")
    assert field(editor, "lab.code").text() == "RA.RU.311234"
    assert field(editor, "lab.name", "ru").text() == "Метрологический центр «УралТест»"
    assert editor.document.dirty and window.tabs.tabText(window.tabs.currentIndex()).endswith("*")


def test_typing_values_keeps_the_digits_and_undo_restores_them(window, qtbot):
    editor = new_editor(window)
    view = editor.findChild(type(editor.results.editors[0].view), "results:0")
    model = view.model()
    index = model.index(0, 1)
    assert model.data(index) == ""
    assert model.setData(index, "-39.9500")
    assert editor.document.table(0).columns[1].values[0] == "-39.9500"
    window.actions_by_key["undo"].trigger()
    assert editor.document.table(0).columns[1].values[0] == EMPTY
    window.actions_by_key["redo"].trigger()
    assert model.data(index) == "-39.9500"


def test_decimal_comma_where_the_lab_uses_one(window, qtbot, settings):
    window.settings.decimal_separator = ","
    editor = new_editor(window)
    model = editor.results.editors[0].model
    assert model.setData(model.index(1, 1), "0,030")
    assert editor.document.table(0).columns[1].values[1] == "0.030", "the XML always gets a dot"
    assert model.data(model.index(1, 1)) == "0,030", "the table shows the lab's separator"


def test_paste_a_block_from_a_spreadsheet(window, qtbot):
    editor = new_editor(window)
    editor.show_results()
    view = editor.results.editors[0].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    QGuiApplication.clipboard().setText("-39.95\t0.032\t0.025\n0.03\t0.026\t0.020\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    table = editor.document.table(0)
    assert table.columns[1].values[:2] == ["-39.95", "0.03"]
    assert table.columns[2].uncertainties[:2] == ["0.025", "0.020"]
    assert editor.document.undo_stack.count() == 1, "one paste, one undo step"


def test_bad_number_is_refused_and_changes_nothing(window, qtbot):
    editor = new_editor(window)
    model = editor.results.editors[0].model
    with qtbot.waitSignal(model.edit_refused) as refused:
        assert not model.setData(model.index(0, 1), "1,5e")
    assert "not a number" in refused.args[0]
    assert editor.document.table(0).columns[1].values[0] == EMPTY
    assert editor.document.undo_stack.count() == 0


def test_unit_of_the_wrong_dimension_is_refused(window, qtbot):
    editor = new_editor(window)
    table_editor = editor.results.editors[0]
    unit = table_editor.unit_edits[1]
    with qtbot.waitSignal(table_editor.message) as message:
        type_into(qtbot, unit, "kPa")
    assert "measures" in message.args[0]
    assert unit.text() == "°C" and editor.document.table(0).columns[1].unit == "\\degreecelsius"
    type_into(qtbot, unit, "K")
    assert editor.document.table(0).columns[1].unit == "\\kelvin"


def test_a_finding_leads_to_the_field_and_fixing_it_clears_it(window, qtbot):
    editor = new_editor(window)
    report = wait_validated(qtbot, editor)
    finding = next(f for f in report.findings if f.path and "customer" in f.path)
    assert editor.navigate(finding)
    assert editor.tabs.currentWidget() is editor.forms["customer"]
    type_into(qtbot, field(editor, "customer.name", "ru"), "АО «Уралхим»")
    type_into(qtbot, field(editor, "customer.name", "en"), "Uralkhim JSC")
    report = wait_validated(qtbot, editor)
    assert not any(f.path and f.path.endswith("dcc:customer") for f in report.errors())


def test_an_empty_cell_finding_leads_to_its_row(window, qtbot):
    editor = new_editor(window)
    report = wait_validated(qtbot, editor)
    finding = next(f for f in report.findings if f.code == "rule.table.empty_cell")
    assert editor.navigate(finding)
    assert editor.tabs.currentWidget() is editor.results
    assert editor.results.editors[0].view.currentIndex().column() >= 1


def test_a_bad_date_in_a_form_is_refused(window, qtbot):
    editor = new_editor(window)
    edit = field(editor, "core.end")
    before = editor.document.certificate.administrative_data.core_data.end_performance_date
    type_into(qtbot, edit, "31.12.2026")
    assert editor.document.certificate.administrative_data.core_data.end_performance_date == before
    assert "YYYY-MM-DD" in edit.toolTip()


def test_issue_with_keys_made_by_keys_init(window, qtbot, app_home):
    editor = new_editor(window)
    fill_required(qtbot, editor)
    report = wait_validated(qtbot, editor)
    assert report.valid, report.errors()
    window.issue(editor, PASSPHRASE, "approver")
    qtbot.waitUntil(lambda: getattr(window, "last_issued", None) is not None, timeout=20_000)
    from coomet_lab.signing import TrustStore, verify_xml

    signed = window.last_issued.read_bytes()
    verdict = verify_xml(signed, trust=TrustStore.with_files([window.settings.trust_anchor]))
    assert verdict.valid and verdict.signatures[0].role == "approver"
    assert not editor.document.dirty
    assert window.settings.next_number == 8


def test_issuing_is_refused_while_the_certificate_has_problems(window, qtbot):
    editor = new_editor(window)
    wait_validated(qtbot, editor)
    window.issue_current()
    assert "Not ready to issue" in window.statusBar().currentMessage()


def test_wrong_passphrase_issues_nothing(window, qtbot, app_home):
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    window.issue(editor, "not the passphrase", None)
    qtbot.waitUntil(lambda: "wrong passphrase" in window.statusBar().currentMessage(), timeout=20_000)
    assert not (app_home / "issued").exists() or not any((app_home / "issued").iterdir())
    assert editor.document.dirty


def test_close_with_unsaved_changes_asks_first(window, qtbot, monkeypatch):
    editor = new_editor(window)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close(), "cancel keeps the window and the work"
    assert editor in window.editors()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_autosave_and_restore_after_a_crash(window, qtbot, monkeypatch, settings):
    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    editor.document.autosave()
    autosaved = editor.document.autosave_path()
    assert autosaved.is_file()
    # A new session finds the leftover (the first one "crashed" without cleaning up).
    from PySide6.QtWidgets import QApplication

    from ui.i18n import InterfaceLanguage
    from ui.main_window import MainWindow

    second = MainWindow(settings, InterfaceLanguage(QApplication.instance()))
    qtbot.addWidget(second)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert second.offer_restore() == 1
    restored = second.editors()[0]
    assert restored.document.certificate.administrative_data.customer.location.get("city") == "Пермь"
    restored.document.undo_stack.setClean()


def test_interface_switches_language_without_restart(window, qtbot):
    editor = new_editor(window)
    window.switch_language("ru")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&Файл")
    assert editor.tabs.tabText(0) == "Сертификат"
    assert field(editor, "customer.city").parent().findChild(QLabel, "") is not None
    window.switch_language("en")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")


def test_save_and_reopen_a_draft(window, qtbot, tmp_path):
    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    assert window._save(editor.document, tmp_path / "draft.json")
    assert not editor.document.dirty and not editor.document.autosave_path().exists()
    again = window.open_path(tmp_path / "draft.json")
    assert again.document.certificate == editor.document.certificate


def test_screenshot_command_renders_the_window(tmp_path, app_home):
    target = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "ui.entry", "--screenshot", str(target), "--view", "results",
                             "--lang", "ru"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 20_000
