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
