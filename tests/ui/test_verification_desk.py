"""The verification tab driven offscreen: one instrument in a form, a batch table, the type register."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from tests.helpers import REPO
from tests.ui.conftest import wait_idle

DATA = REPO / "tests" / "data" / "verification"


def import_types(window, qtbot):
    window.verification.import_types(DATA / "types.csv")
    wait_idle(qtbot)


def type_into(qtbot, edit, text):
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # Cyrillic cannot be key-clicked offscreen; the text arrives like an input method's
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_one_instrument_typed_into_the_form(window, qtbot):
    import_types(window, qtbot)
    window.settings.sign_cipher = "ДГХ"
    form = window.verification.new_verification()
    qtbot.addWidget(form)
    form.today = dt.date(2026, 11, 26)
    edits = form.edits
    assert edits["sign_cipher"].text() == "ДГХ" and edits["modification"].text() == "-"
    type_into(qtbot, edits["vrf_date"], "2026-11-20")
    type_into(qtbot, edits["mitype_number"], "16078-13")
    assert edits["type_title"].text() == "Счетчики воды крыльчатые", "the register fills the type's name"
    assert edits["doc_title"].text() == "МИ 1592-2015"
    assert edits["valid_date"].text() == "2032-11-19", "valid until from the interval (6 years) − 1 day"
    for name, text in (("manufacture_num", "29839342"), ("owner", "Физическое лицо"),
                       ("etalons", "72850.18.3Р.00703091"), ("temperature", "21,5 °C"), ("pressure", "100,9 кПа"),
                       ("humidity", "45 %"), ("sign_cipher", "ДГX")):
        type_into(qtbot, edits[name], text)
    save = form.buttons.button(form.buttons.StandardButton.Save)
    assert not save.isEnabled() and "Latin" in edits["sign_cipher"].toolTip(), "a Latin X is caught while typing"
    type_into(qtbot, edits["sign_cipher"], "ДГХ")
    assert save.isEnabled(), form.problems.text()
    with qtbot.waitSignal(form.recorded):
        save.click()
    wait_idle(qtbot)
    (stored,) = window.session.repository().verifications.list()
    assert stored.record.valid_date == "2032-11-19" and stored.record.conditions.temperature == "21,5 °C"
    assert window.verification.panel.records.model.rows[0].id == stored.id


def test_an_unfit_result_needs_reasons_and_drops_the_mark(window, qtbot):
    form = window.verification.new_verification()
    qtbot.addWidget(form)
    form.unfit.setChecked(True)
    assert not form.edits["valid_date"].isVisibleTo(form) and form.edits["reasons"].isVisibleTo(form)
    assert "reasons" in form.edits["reasons"].toolTip()
    type_into(qtbot, form.edits["reasons"], "Погрешность превышает допускаемую")
    assert "reasons" not in form.edits["reasons"].toolTip()
    record = form.record()
    assert not record.applicable and record.valid_date == "" and not record.sign_pass


def test_a_batch_with_problems_is_shown_red_and_can_be_fixed_in_place(window, qtbot):
    import_types(window, qtbot)
    dialog = window.verification.batch_dialog_for_file(DATA / "batch-bad.csv")
    qtbot.addWidget(dialog)
    model = dialog.model
    assert not dialog.record_all.isEnabled() and dialog.record_good.isEnabled()
    cipher = model.index(3, model.columnCount() - 1)  # line 5: sign_cipher with a Latin X
    assert model.data(cipher, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Latin" in model.data(cipher, Qt.ItemDataRole.ToolTipRole)
    model.setData(cipher, "ДГХ")
    assert model.data(model.index(3, model.columnCount() - 1), Qt.ItemDataRole.BackgroundRole) is None
    assert "2 ready, 8 with problems" in dialog.summary.text()
    dialog.record_good.click()
    wait_idle(qtbot)
    recorded = window.session.repository().verifications.list()
    assert len(recorded) == 2, "the good first row and the corrected one"
    assert {r.record.manufacture_num for r in recorded} == {"29839342", "29839345"}


def test_an_unreadable_batch_changes_nothing(window, qtbot, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("serial,owner\n1,x\n", encoding="utf-8")
    assert window.verification.batch_dialog_for_file(bad) is None
    assert "unknown column(s) serial" in window.statusBar().currentMessage()
    assert window.session.repository().verifications.list() == []


def test_the_type_register_is_imported_and_searched(window, qtbot):
    import_types(window, qtbot)
    assert "4 instrument type(s) imported" in window.statusBar().currentMessage()
    window.verification.search_types("манометр")
    wait_idle(qtbot)
    tree = window.verification.panel.types.tree
    assert tree.topLevelItemCount() == 1 and tree.topLevelItem(0).text(0) == "22129-09"


def test_the_outbox_from_export_to_arshins_numbers(window, qtbot, tmp_path):
    from tests.core.test_outbox_arshin import reply

    import_types(window, qtbot)
    dialog = window.verification.batch_dialog_for_file(DATA / "batch-good.csv")
    qtbot.addWidget(dialog)
    dialog.record_all.click()
    wait_idle(qtbot)
    window.verification.export(tmp_path / "arshin")
    wait_idle(qtbot)
    assert "1 file(s) written" in window.statusBar().currentMessage()
    (written,) = sorted((tmp_path / "arshin").glob("*.xml"))
    outbox = window.verification.panel.outbox
    job_item = outbox.tree.topLevelItem(0)
    assert job_item.text(1) == "written" and job_item.text(2) == "3"
    outbox.tree.setCurrentItem(job_item)
    outbox.buttons["submit"].click()
    wait_idle(qtbot)
    assert "Marked as uploaded: " + written.name in window.statusBar().currentMessage()
    answer = tmp_path / "reply.xml"
    answer.write_bytes(reply((1, "402123271", "С-ДГХ/20-11-2026/402123271"), (2, None, "Неверный номер типа СИ"),
                             (3, "402123273", "С-ДГХ/20-11-2026/402123273")))
    window.verification.import_reply(answer)
    wait_idle(qtbot)
    text = window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    assert "2 confirmed, 1 rejected" in text and "Неверный номер типа СИ" in text
    rows = {r.record.manufacture_num: r for r in window.verification.panel.records.model.rows}
    assert rows["29839342"].cert_num == "С-ДГХ/20-11-2026/402123271"
    assert rows["0 8109565 09"].status == "rejected"
    window.verification.import_reply(answer)
    wait_idle(qtbot)
    text = window.report_dialog.findChild(QPlainTextEdit, "report:text").toPlainText()
    assert "already imported" in text, "the same reply twice changes nothing and says so"
    window.verification.import_reply(tmp_path / "missing.xml")
    wait_idle(qtbot)
    assert "Reply not imported: cannot read" in window.statusBar().currentMessage()


def confirmed_records(window, qtbot, tmp_path):
    """The good batch recorded, exported, uploaded and confirmed by Arshin (record 2 is the unfit one)."""
    from tests.core.test_outbox_arshin import reply

    import_types(window, qtbot)
    repo = window.session.repository()
    repo.verifications.import_batch(DATA / "batch-good.csv", who="test")
    (job,) = repo.outbox.export_arshin(tmp_path / "arshin", who="test")
    repo.outbox.mark_submitted(who="test", job_id=job.id)
    repo.outbox.confirm(reply((1, "402123271", "С-ДГХ/20-11-2026/402123271"),
                              (2, "402123272", "И-ДГХ/20-11-2026/402123272"),
                              (3, "402123273", "С-ДГХ/20-11-2026/402123273")), who="test")
    for code in ("72850.18.3Р.00703091", "72850.18.3Р.00703092"):
        standard = repo.standards.add(code=code, name="Установка поверочная УПСЖ-15", who="test")
        repo.standards.add_calibration(standard_id=standard.id, certificate_number=f"С-ВЯ/10-01-2026/{code[-4:]}",
                                       issuer="ФБУ «УРАЛТЕСТ»", calibration_date="2026-01-10", due_date="2027-01-09",
                                       who="test")
    return {s.record.manufacture_num: s for s in repo.verifications.list()}


def test_a_confirmed_verification_is_issued_with_arshins_number(window, qtbot, tmp_path):
    from ui.dialogs import VerificationIssueDialog

    from tests.ui.conftest import PASSPHRASE

    records = confirmed_records(window, qtbot, tmp_path)
    notice = records["0 8109565 09"]
    dialog = VerificationIssueDialog(window.settings, notice, window._verification_traceability(notice), window)
    qtbot.addWidget(dialog)
    assert dialog.number.text() == "И-ДГХ/20-11-2026/402123272", "Arshin's number, prefilled"
    assert "notice of unfitness" in dialog.windowTitle()
    assert dialog.ok.isEnabled() and not dialog.blocked, dialog.traceability.text()
    dialog.number.clear()
    assert not dialog.ok.isEnabled(), "no number, no certificate"

    window.issue_verification_with(notice, number="И-ДГХ/20-11-2026/402123272", secret="wrong passphrase")
    wait_idle(qtbot)
    assert "Not issued" in window.statusBar().currentMessage()
    assert window.session.repository().verifications.get(notice.id).certificate_id is None

    window.issue_verification_with(notice, number="И-ДГХ/20-11-2026/402123272", secret=PASSPHRASE,
                                   head="Петров П.П.", head_position="Начальник лаборатории")
    wait_idle(qtbot)
    result = window.last_issue
    assert result.identifier == "И-ДГХ/20-11-2026/402123272" and result.pdf.startswith(b"%PDF")
    assert window.preview_dialog.isVisible()
    stored = window.session.repository().verifications.get(notice.id)
    assert stored.certificate_id == result.record.id
    assert "Issued И-ДГХ/20-11-2026/402123272" in window.statusBar().currentMessage()
