"""The desktop application driven offscreen, end to end, as a technician would use it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from coomet_lab.dcc.editing.tables import EMPTY
from coomet_lab.kernel.paths import shipped_dir

from tests.helpers import REPO
from tests.ui.conftest import PASSPHRASE, wait_idle

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
    from coomet_lab.dcc.editing.fields import FIELDS_BY_KEY

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
    assert window.settings.next_number == 8, "the number is taken: the next draft gets another"
    assert field(editor, "lab.code").text() == "RA.RU.311234"
    assert field(editor, "lab.name", "ru").text() == "Метрологический центр «УралТест»"
    stored = window.session.repository().drafts.get(editor.document.draft_id).certificate()
    assert stored == certificate, "the new draft is in the repository from the first moment"
    assert not editor.document.dirty


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


def test_quantities_as_rows_shows_the_same_table_turned(window, qtbot):
    editor = new_editor(window)
    editor.show_results()
    table_editor = editor.results.editors[0]
    columns, rows = table_editor.model.columnCount(), table_editor.model.rowCount()
    table_editor.as_rows.setChecked(True)
    view = table_editor.view
    assert (view.model().rowCount(), view.model().columnCount()) == (columns, rows)
    assert "°C" in view.model().headerData(1, Qt.Orientation.Vertical)
    view.setFocus()
    view.setCurrentIndex(view.model().index(1, 0))  # quantity 2 (the thermometer reading), point 1
    QGuiApplication.clipboard().setText("-39.95\t0.03\t50.05\n0.032\t0.026\t0.039\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    table = editor.document.table(0)
    assert table.columns[1].values[:3] == ["-39.95", "0.03", "50.05"]
    assert table.columns[2].values[:3] == ["0.032", "0.026", "0.039"]
    assert view.model().index(1, 2).data() == "50.05"
    table_editor.as_rows.setChecked(False)
    assert table_editor.current().column() == 1, "the selected cell stays selected when the view turns"


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


def register_standards(window, due="2099-12-31"):
    """The two standards the thermometer template lists, in the lab's register (matched by serial number)."""
    repository = window.session.repository()
    for code, name, serial, number in (("ETS-1021", "ETS-100", "1021", "С-ВЯ/12-03-2026/412345678"),
                                       ("MIT-2288", "MIT 8.10", "2288", "С-ВЯ/04-04-2026/412399001")):
        standard = repository.standards.add(code=code, name=name, serial=serial, who="test")
        repository.standards.add_calibration(standard_id=standard.id, certificate_number=number, issuer="VNIIM",
                                             calibration_date="2026-01-15", due_date=due, who="test")


def issue_and_wait(window, qtbot, editor, secret=PASSPHRASE, role="approver", override=None):
    before = window.last_issue
    window.issue(editor, secret, role, override)
    wait_idle(qtbot)
    return window.last_issue if window.last_issue is not before else None


def test_issue_signs_stores_and_previews_the_pdf_twin(window, qtbot, app_home):
    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    report = wait_validated(qtbot, editor)
    assert report.valid, report.errors()
    result = issue_and_wait(window, qtbot, editor)
    assert result is not None, window.statusBar().currentMessage()
    from coomet_lab.trust import TrustStore, verify_xml

    verdict = verify_xml(result.signed_xml, trust=TrustStore.with_files([window.settings.trust_anchor]))
    assert verdict.valid and verdict.signatures[0].role == "approver"
    stored_xml, stored_pdf = window.session.repository().certificates.bytes(result.record.id)
    assert stored_xml == result.signed_xml and stored_pdf == result.pdf, "the repository keeps the exact bytes"
    assert editor not in window.editors(), "the issued draft's tab closes"
    assert window.settings.next_number == 8
    preview = window.preview_dialog
    assert preview.isVisible() and preview.page_count >= 2
    saved = preview.save_xml(str(app_home / "out.xml"))
    assert saved.read_bytes() == result.signed_xml
    rows = window.home.repository.model.rows
    assert any(r.kind == "issued" and r.number == result.identifier for r in rows)


def test_an_unknown_standard_blocks_issuing_until_a_reason_is_given(window, qtbot):
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    assert issue_and_wait(window, qtbot, editor) is None
    message = window.statusBar().currentMessage()
    assert "Not issued" in message and "register" in message
    assert window.session.repository().certificates.count(kind="issued") == 0
    assert editor.isEnabled(), "a refused issue gives the editor back"
    result = issue_and_wait(window, qtbot, editor, override="ETS-100 calibrated yesterday, register pending")
    assert result is not None
    overrides = [e for e in window.session.repository().audit.entries() if "override" in e.action]
    assert overrides and "register pending" in str(overrides[-1].details)


def test_issue_dialog_asks_for_a_reason_only_when_traceability_blocks(window, qtbot):
    from ui.dialogs import IssueDialog

    editor = new_editor(window)
    repository = window.session.repository()
    blocked = IssueDialog(window.settings, "UT-1",
                          repository.standards.check_traceability(editor.document.certificate), window)
    qtbot.addWidget(blocked)
    assert not blocked.ok.isEnabled()
    assert "not in the laboratory's register" in blocked.traceability.text()
    blocked.override.setText("  ")
    assert not blocked.ok.isEnabled(), "blank is not a reason"
    blocked.override.setText("standard's certificate on file, register entry pending")
    assert blocked.ok.isEnabled() and blocked.override_reason.startswith("standard's")
    register_standards(window)
    clear = IssueDialog(window.settings, "UT-1",
                        repository.standards.check_traceability(editor.document.certificate), window)
    qtbot.addWidget(clear)
    assert clear.ok.isEnabled() and clear.override_reason is None
    assert "✗" not in clear.traceability.text()


def test_issuing_is_refused_while_the_certificate_has_problems(window, qtbot):
    editor = new_editor(window)
    wait_validated(qtbot, editor)
    window.issue_current()
    assert "Not ready to issue" in window.statusBar().currentMessage()


def test_wrong_passphrase_issues_nothing(window, qtbot, app_home):
    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    assert issue_and_wait(window, qtbot, editor, secret="not the passphrase", role=None) is None
    assert "wrong passphrase" in window.statusBar().currentMessage()
    assert window.session.repository().certificates.count() == 0
    assert editor in window.editors() and editor.isEnabled()


def test_close_with_unsaved_changes_asks_first(window, qtbot, monkeypatch):
    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    assert not window.close(), "cancel keeps the window and the work"
    assert editor in window.editors() and editor.document.dirty
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    draft_id = editor.document.draft_id
    assert window.close(), "save, then close"
    from coomet_lab.repository import Repository

    with Repository.open() as repository:
        stored = repository.drafts.get(draft_id).certificate()
    assert stored.administrative_data.customer.location.get("city") == "Пермь"


def test_drafts_are_autosaved_and_offered_back_after_a_crash(window, qtbot, monkeypatch, settings):
    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    with qtbot.waitSignal(editor.document.saved, timeout=10_000):
        pass  # the autosave timer fires after a pause in typing, with no word from the user
    assert not editor.document.dirty
    # The process "crashes": nothing is closed, the session file stays behind.
    from ui.session import Session

    assert Session.drafts_left_open() == [editor.document.draft_id]
    from PySide6.QtWidgets import QApplication

    from ui.i18n import InterfaceLanguage
    from ui.main_window import MainWindow

    second = MainWindow(Session(settings, single_instance=False), InterfaceLanguage(QApplication.instance()))
    qtbot.addWidget(second)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert second.offer_restore() == 1
    restored = second.editors()[0]
    assert restored.document.certificate.administrative_data.customer.location.get("city") == "Пермь"
    second.session.close()


def test_a_second_window_on_the_same_repository_is_refused(window, qtbot, settings):
    from coomet_lab.kernel.errors import RepositoryInUseError

    from ui.session import Session

    window.session.repository()
    with pytest.raises(RepositoryInUseError):
        Session(settings).repository()


def test_interface_switches_language_without_restart(window, qtbot):
    editor = new_editor(window)
    window.switch_language("ru")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&Файл")
    assert editor.tabs.tabText(0) == "Сертификат"
    assert field(editor, "customer.city").parent().findChild(QLabel, "") is not None
    window.switch_language("en")
    qtbot.waitUntil(lambda: window.menus["file"].title() == "&File")


def test_export_a_draft_to_a_file_and_open_it_as_a_new_draft(window, qtbot, tmp_path):
    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    editor.document.export(tmp_path / "draft.json")
    again = window.open_path(tmp_path / "draft.json")
    assert again is not editor and again.document.draft_id != editor.document.draft_id
    assert again.document.certificate == editor.document.certificate


def test_opening_a_broken_file_changes_nothing(window, qtbot, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<dcc:digitalCalibrationCertificate", encoding="utf-8")
    drafts_before = len(window.session.repository().drafts.list())
    assert window.open_path(broken) is None
    assert "Cannot open broken.xml" in window.statusBar().currentMessage()
    assert len(window.session.repository().drafts.list()) == drafts_before and not window.editors()


def test_the_repository_lists_searches_and_sorts(window, qtbot):
    first = new_editor(window)
    type_into(qtbot, field(first, "customer.city"), "Пермь")
    second = new_editor(window)
    wait_idle(qtbot)
    view = window.home.repository
    assert {r.kind for r in view.model.rows} == {"draft"} and len(view.model.rows) == 2
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    numbers = [view.proxy.index(i, 0).data() for i in range(view.proxy.rowCount())]
    assert numbers == sorted(numbers, reverse=True)
    view.kind.setCurrentIndex(view.kind.findData("issued"))
    wait_idle(qtbot)
    assert view.model.rows == []
    view.kind.setCurrentIndex(view.kind.findData("all"))
    wait_idle(qtbot)
    view.table.selectRow(0)
    row = view.selected()
    window.tabs.setCurrentIndex(0)
    window.open_row(row)
    assert window.current_editor().document.draft_id == row.key, "opening an open draft shows its tab"
    assert second in window.editors()


def test_issued_certificates_are_found_by_search_and_amended(window, qtbot):
    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    result = issue_and_wait(window, qtbot, editor)
    assert result is not None, window.statusBar().currentMessage()
    view = window.home.repository
    view.search.setText("Uralkhim")
    view.refresh_requested.emit()
    wait_idle(qtbot)
    assert [r.number for r in view.model.rows] == [result.identifier]
    window.amend_row(view.model.rows[0])
    wait_idle(qtbot)
    amendment = window.current_editor()
    assert amendment is not None and amendment.document.draft_id is not None
    core = amendment.document.certificate.administrative_data.core_data
    assert core.unique_identifier != result.identifier
    assert core.previous_report is not None and core.previous_report.referral_id == result.identifier
    view.search.clear()
    view.refresh_requested.emit()
    wait_idle(qtbot)
    window.amend_row(next(r for r in view.model.rows if r.kind == "draft"))
    assert "Only certificates issued here can be amended" in window.statusBar().currentMessage()


def test_a_received_certificate_is_imported_and_verified(window, qtbot, tmp_path):
    from coomet_lab.app.services import issue
    from coomet_lab.trust import KeyFile, open_signer

    editor = new_editor(window)
    fill_required(qtbot, editor)
    signer = open_signer(KeyFile(window.settings.key_file), PASSPHRASE)
    signed = issue(editor.document.certificate, signer, role=None, trust=window.session.trust(), with_pdf=False)
    signer.close()
    received = tmp_path / "received.xml"
    received.write_bytes(signed.signed_xml)
    window.verify_path(received)
    wait_idle(qtbot)
    text = window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    assert "Verdict: valid" in text and "Anna Smirnova" in text
    tampered = tmp_path / "tampered.xml"
    tampered.write_bytes(signed.signed_xml.replace(b"Uralkhim JSC", b"Uralkhim LLC"))
    window.verify_path(tampered)
    wait_idle(qtbot)
    assert "Verdict: valid" not in window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    window.import_paths([received])
    wait_idle(qtbot)
    assert window.last_import[0].status == "imported"
    assert any(r.kind == "received" for r in window.home.repository.model.rows)


def test_a_dropped_pdf_twin_is_verified(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    result = issue_and_wait(window, qtbot, editor)
    twin = tmp_path / "twin.pdf"
    twin.write_bytes(result.pdf)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(twin))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_idle(qtbot)
    text = window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    assert "Verdict: valid" in text and result.identifier in text and "approver" in text


def test_save_as_template_then_start_from_it(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    editor = new_editor(window)
    type_into(qtbot, field(editor, "customer.city"), "Пермь")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Pt100 for Uralkhim", True))
    window.save_as_template()
    wait_idle(qtbot)
    from ui.dialogs import TemplateDialog

    dialog = TemplateDialog("en", window.session, window)
    qtbot.addWidget(dialog)
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    saved = [item for item in items if "Pt100 for Uralkhim" in item.text()]
    assert saved
    dialog.list.setCurrentItem(saved[0])
    dialog.accept()
    started = window.new_from(None, instrument_type=dialog.chosen_type)
    certificate = started.document.certificate
    assert certificate.administrative_data.customer.location.get("city") == "Пермь"
    assert certificate.unique_identifier != editor.document.certificate.unique_identifier, "each draft its own number"


def test_standards_from_the_register_are_offered_and_expired_ones_flagged(window, qtbot):
    register_standards(window, due="2026-02-01")
    editor = new_editor(window)
    panel = editor.standards
    panel.refresh()
    wait_idle(qtbot)
    assert panel.register.rowCount() == 2
    assert all("expired" in panel.used.item(r, 2).text() for r in range(panel.used.rowCount()))
    before = len(panel.used.findItems("", Qt.MatchFlag.MatchContains))
    panel.register.selectRow(0)
    panel.use_selected()
    wait_idle(qtbot)
    assert panel.used.rowCount() == 3
    assert len(panel.used.findItems("", Qt.MatchFlag.MatchContains)) > before
    window.actions_by_key["undo"].trigger()
    wait_idle(qtbot)
    assert panel.used.rowCount() == 2, "adding a standard is one undo step"


def test_discarding_a_draft_removes_it_from_the_list(window, qtbot, no_modal_dialogs):
    editor = new_editor(window)
    wait_idle(qtbot)
    row = next(r for r in window.home.repository.model.rows if r.key == editor.document.draft_id)
    window.discard_row(row)
    wait_idle(qtbot)
    assert editor not in window.editors()
    assert all(r.key != row.key for r in window.home.repository.model.rows)


def test_the_repository_check_reports_a_changed_file(window, qtbot, app_home):
    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    assert issue_and_wait(window, qtbot, editor) is not None
    window.check_repository()
    wait_idle(qtbot)
    assert "intact" in window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    stored = next(p for p in (app_home / "repository" / "files").rglob("*") if p.is_file())
    stored.chmod(0o644)
    stored.write_bytes(stored.read_bytes() + b" ")
    window.check_repository()
    wait_idle(qtbot)
    assert "problem(s) found" in window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()


def test_screenshot_command_renders_the_window(tmp_path, app_home):
    target = tmp_path / "shot.png"
    result = subprocess.run([sys.executable, "-m", "ui.entry", "--screenshot", str(target), "--view", "results",
                             "--lang", "ru"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.stat().st_size > 20_000


def test_settings_create_a_lab_key_pair_and_sign_with_it(window, qtbot, app_home):
    from ui.dialogs import SettingsDialog

    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    keys = dialog.create_keys()
    keys.person.setText("Иван Петров")
    keys.passphrase.setText("short")
    keys.repeat.setText("short")
    keys.accept()
    assert "at least" in keys.problem.text() and keys.keys is None
    keys.passphrase.setText("a long enough passphrase")
    keys.repeat.setText("a long enough passphrase, mistyped")
    keys.accept()
    assert "differ" in keys.problem.text()
    assert not (app_home / "keys").exists(), "a refused form creates nothing"
    keys.repeat.setText("a long enough passphrase")
    with qtbot.waitSignal(keys.created, timeout=20_000):
        keys.accept()
    settings = dialog.result_settings()
    assert settings.key_file.endswith("signer.p12") and settings.trust_anchor.endswith("lab-ca.pem")
    assert settings.signer_kind == "file" and "Иван Петров" in settings.signer_name.values()
    from coomet_lab.trust import KeyFile, open_signer

    signer = open_signer(KeyFile(settings.key_file), "a long enough passphrase")
    assert "Иван Петров" in signer.certificate.subject.rfc4514_string()
    signer.close()


def test_without_schemas_the_check_says_so_and_installing_them_from_a_folder_fixes_it(window, qtbot, monkeypatch,
                                                                                       tmp_path):
    from tests.conftest import SCHEMAS

    monkeypatch.delenv("COOMET_LAB_SCHEMAS")
    editor = new_editor(window)
    report = wait_validated(qtbot, editor)
    assert isinstance(report, Exception) and "schemas install" in str(report)
    assert "Cannot check" in editor.findings.summary.text()
    window.install_schemas(tmp_path)  # an empty folder: refused, nothing installed
    wait_idle(qtbot)
    assert "Schemas not installed" in window.statusBar().currentMessage()
    window.install_schemas(SCHEMAS)
    wait_idle(qtbot)
    assert "3.3.0" in window.statusBar().currentMessage()
    report = wait_validated(qtbot, editor)
    assert not isinstance(report, Exception) and report.schema_version == "3.3.0"


def test_a_new_user_goes_from_an_empty_home_to_an_issued_certificate(qtbot, app_home, tmp_path):
    """Nothing configured: settings (with a key pair made there), a shipped template, issue, find XML and PDF."""
    from PySide6.QtWidgets import QApplication

    from coomet_lab.kernel.config import load_settings, save_settings

    from ui.dialogs import SettingsDialog
    from ui.i18n import InterfaceLanguage
    from ui.main_window import MainWindow
    from ui.session import Session

    app = QApplication.instance()
    app.setProperty("quiet_errors", True)
    window = MainWindow(Session(load_settings()), InterfaceLanguage(app))
    qtbot.addWidget(window)
    window.show()
    dialog = SettingsDialog(window.settings, window)
    qtbot.addWidget(dialog)
    for key, text in (("lab_name_en", "Metrology Centre UralTest"), ("lab_name_local", "УралТест"),
                      ("local_language", "ru"), ("accreditation", "RA.RU.311234"), ("street", "ул. Студенческая"),
                      ("street_no", "1"), ("post_code", "620049"), ("city", "Екатеринбург"), ("country", "RU"),
                      ("languages", "ru, en"), ("signer_name", "Anna Smirnova")):
        dialog.edits[key].setText(text)
    keys = dialog.create_keys()
    keys.passphrase.setText(PASSPHRASE)
    keys.repeat.setText(PASSPHRASE)
    with qtbot.waitSignal(keys.created, timeout=20_000):
        keys.accept()
    window.session.settings = dialog.result_settings()
    save_settings(window.settings)
    register_standards(window)
    editor = new_editor(window)
    fill_required(qtbot, editor)
    report = wait_validated(qtbot, editor)
    assert report.valid, report.errors()
    result = issue_and_wait(window, qtbot, editor, role=None)
    assert result is not None, window.statusBar().currentMessage()
    window.refresh_repository()
    wait_idle(qtbot)
    row = next(r for r in window.home.repository.model.rows if r.number == result.identifier)
    folder = tmp_path / "export"
    folder.mkdir()
    window.session.repository().certificates.export(certificate_id=row.key, directory=folder, who="test")
    files = sorted(p.suffix for p in folder.iterdir())
    assert files == [".pdf", ".xml"]
    xml = next(folder.glob("*.xml")).read_bytes()
    assert xml == result.signed_xml and b"Metrology Centre UralTest" in xml
    for editor in window.editors():
        editor.document.undo_stack.setClean()
    window.close()
