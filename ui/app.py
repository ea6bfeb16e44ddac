"""Starting the desktop application (and rendering it to a PNG for the README: ``--screenshot``)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="coomet-lab", description="COOMET Lab desktop application")
    parser.add_argument("--screenshot", metavar="FILE.png", help="render the window to a PNG and exit")
    parser.add_argument("--lang", choices=["en", "ru"], help="interface language")
    parser.add_argument("--view", choices=["repository", "editor", "results", "verification"], default="repository",
                        help="what the screenshot shows")
    parser.add_argument("--open", metavar="FILE", help="open a certificate or draft")
    # For the cold-start benchmark: print "ready" once the window shows the repository's entries, then quit.
    parser.add_argument("--quit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def run(argv: Sequence[str]) -> int:
    args = parse(argv)
    if args.screenshot and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from coomet_lab.kernel.config import load_settings

    from ui.first_run import first_run_wanted, run_first_run
    from ui.i18n import InterfaceLanguage
    from ui.main_window import MainWindow
    from ui.session import Session

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("COOMET Lab")
    app.setOrganizationName("COOMET Lab")
    settings = load_settings()
    languages = InterfaceLanguage(app)
    languages.switch(args.lang or settings.interface_language)
    if first_run_wanted(automated=bool(args.screenshot or args.quit_when_ready)):
        # Cancelled, the window opens all the same with empty settings (Settings does everything the wizard does)
        settings = run_first_run(languages) or settings
    window = MainWindow(Session(settings), languages)
    if args.screenshot:
        return screenshot(app, window, Path(args.screenshot), args.view)
    if args.quit_when_ready:
        window.repository_shown.connect(lambda count: _ready(app, count))
    window.show()
    window.refresh_repository()
    window.offer_restore()
    if args.open:
        window.open_path(Path(args.open))
    return app.exec()


def _ready(app, count: int) -> None:  # noqa: ANN001
    app.processEvents()  # the rows are painted before the clock stops
    print(f"ready {count}", flush=True)
    app.quit()


def screenshot(app, window, target: Path, view: str) -> int:  # noqa: ANN001
    """Render the window to a PNG. The editor views show a certificate started from the shipped thermometer
    template that is never stored: a screenshot must not leave a draft in the lab's repository."""
    if view in ("editor", "results"):
        editor = _unsaved_example(window)
        if view == "results":
            _fill_example_values(editor)
            editor.show_results()
        editor.document.validate_now()
    window.refresh_repository()
    if view == "verification":
        window.tabs.setCurrentWidget(window.verification.panel)
        window.verification.refresh()
    window.show()
    for _ in range(20):
        app.processEvents()
    _wait_for_checks(app)
    window.grab().save(str(target))
    print(f"screenshot written to {target}")
    for editor in window.editors():
        editor.document.undo_stack.setClean()
    window.close()
    return 0


def _unsaved_example(window):  # noqa: ANN001,ANN202
    import datetime as dt

    from coomet_lab.app.services import new_from_template
    from coomet_lab.kernel.paths import shipped_dir

    template = shipped_dir("resources") / "templates" / "thermometer-pt100.json"
    certificate = new_from_template(template, window.settings, dt.date.today())
    return window.open_document(window.document_for(certificate, draft_id=None, revision=None))


def _fill_example_values(editor) -> None:  # noqa: ANN001
    """Measured values typed into the template, so the screenshot shows a table being filled in."""
    document = editor.document
    table = document.tables()[0]
    values = [["-39.95", "0.032", "0.025"], ["0.03", "0.026", "0.020"], ["50.05", "0.039", "0.020"]]
    document.edit_table(0, "fill", lambda: table.paste_cells(values, 0, [(1, "value"), (2, "value"),
                                                                          (2, "uncertainty")]))


def _wait_for_checks(app) -> None:  # noqa: ANN001
    import time

    from ui.workers import busy

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        app.processEvents()
        if not busy():
            for _ in range(5):
                app.processEvents()
            return
        time.sleep(0.02)
