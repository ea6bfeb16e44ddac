"""The same file gets the same verdict from ``coomet-lab verify``, ``coomet-lab repo import`` and the desktop's
drop (all three go through :func:`coomet_lab.intake.inspection.inspect`)."""

from __future__ import annotations

import datetime as dt

import pytest

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from tests.helpers import run_cli, run_cli_json
from tests.twin_forgery import forge_page_text, resign, swap_pages
from tests.ui.conftest import wait_idle


def _package(signed_dcc: bytes, signed_twin: bytes, signer) -> bytes:  # noqa: ANN001
    from coomet_lab.registers.package import PackageEntry, build_package

    entries = [PackageEntry("certificates/c.xml", signed_dcc, "dcc", "c"),
               PackageEntry("certificates/c.pdf", signed_twin, "pdf", "c")]
    return build_package(entries, signer=signer, created=dt.datetime(2026, 5, 1, tzinfo=dt.timezone.utc),
                         made_by="test")


def _tampered_package(package: bytes) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(b"%%EOF", b"%%EOF ") if info.filename.endswith(".pdf") else data)
    return out.getvalue()


FILES = {
    "valid.xml": ("valid", lambda d, t, p: d),
    "tampered.xml": ("invalid", lambda d, t, p: d.replace(b"Pt100", b"Pt1000", 1)),
    "untrusted.xml": ("intact-untrusted", lambda d, t, p: _resigned_xml(d, p)),
    "valid.pdf": ("valid", lambda d, t, p: t),
    "forged-text.pdf": ("invalid", lambda d, t, p: forge_page_text(t)),
    "swapped-pages.pdf": ("invalid", lambda d, t, p: swap_pages(t)),
    "impostor.pdf": ("intact-untrusted", lambda d, t, p: resign(t, p.signer("impostor"))),
    "package.zip": ("valid", lambda d, t, p: _package(d, t, p.signer("ec"))),
    "tampered-package.zip": ("invalid", lambda d, t, p: _tampered_package(_package(d, t, p.signer("ec")))),
}


def _resigned_xml(signed: bytes, pki) -> bytes:  # noqa: ANN001
    from lxml import etree

    from coomet_lab.trust import sign_xml

    root = etree.fromstring(signed)
    for signature in root.findall("{http://www.w3.org/2000/09/xmldsig#}Signature"):
        root.remove(signature)
    return sign_xml(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), pki.signer("impostor"))


@pytest.mark.parametrize("name", FILES)
def test_verify_repo_import_and_the_desktop_drop_agree(name, window, qtbot, tmp_path, signed_dcc, signed_twin,
                                                       test_pki):
    expected, make = FILES[name]
    assert run_cli("trust", "add", test_pki.ca_pem)[0] == 0
    path = tmp_path / name
    path.write_bytes(make(signed_dcc, signed_twin, test_pki))

    code, report = run_cli_json("verify", "--json", path)
    assert report["verdict"] == expected and code == (0 if expected == "valid" else 1), report

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.NoButton,
                                Qt.KeyboardModifier.NoModifier))
    wait_idle(qtbot)
    assert window.last_verification is not None and window.last_verification.source == str(path)
    assert window.last_verification.verdict == expected

    code, imported = run_cli_json("repo", "--repository", tmp_path / "repository", "import", "--json", path)
    outcome = imported["files"][0]
    if name.endswith(".zip"):  # a package is verified, not stored: the repository keeps certificates
        assert code == 2 and outcome["status"] == "refused"
    else:
        assert outcome["status"] == "imported" and outcome["signature_verdict"] == expected, outcome


def test_the_key_is_opened_once_per_session_and_asked_for_again_after_the_interval(window, qtbot, monkeypatch):
    """The PKCS#12 file is opened for the first issue only (opening it costs more than an issue); the dialog then
    asks for no passphrase; after the interval the passphrase is needed again, and a wrong one issues nothing."""
    import coomet_lab.trust as signing

    from ui.dialogs import IssueDialog

    from tests.ui.conftest import PASSPHRASE
    from tests.ui.test_desktop import fill_required, issue_and_wait, new_editor, register_standards, wait_validated

    opened = []
    real_open = signing.open_signer
    monkeypatch.setattr(signing, "open_signer", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    register_standards(window)
    results = []
    for secret in (PASSPHRASE, "", ""):
        editor = new_editor(window)
        fill_required(qtbot, editor)
        assert wait_validated(qtbot, editor).valid
        results.append(issue_and_wait(window, qtbot, editor, secret=secret, role=None))
    assert all(r is not None for r in results), window.statusBar().currentMessage()
    assert len(opened) == 1 and window.session.signer_open()
    dialog = IssueDialog(window.settings, "UT-1", None, window, secret_needed=not window.session.signer_open())
    qtbot.addWidget(dialog)
    assert not dialog.secret.isVisibleTo(dialog), "the key is open: no passphrase is asked"
    window.session.signer_hold_seconds = 0.0  # the interval has passed
    assert not window.session.signer_open()
    editor = new_editor(window)
    fill_required(qtbot, editor)
    assert wait_validated(qtbot, editor).valid
    assert issue_and_wait(window, qtbot, editor, secret="not the passphrase", role=None) is None
    assert "wrong passphrase" in window.statusBar().currentMessage()
