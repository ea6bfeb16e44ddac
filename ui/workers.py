"""The one way the desktop application runs long work: off the GUI thread, results back on it.

``run_in_background(fn, on_success=..., on_error=...)`` runs a core call on Qt's thread pool; the callbacks run
on the GUI thread (through a queued signal), so they may touch widgets while ``fn`` never does. Work a person
waits for carries a ``label``: :data:`activity` announces it, and the main window shows it with a busy bar.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

_active: set[_Task] = set()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class Activity(QObject):
    """What the person is waiting for right now ("" when nothing): the newest labelled task still running."""

    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.labels: list[str] = []

    def started(self, label: str) -> None:
        self.labels.append(label)
        self.changed.emit(label)

    def finished(self, label: str) -> None:
        self.labels.remove(label)
        self.changed.emit(self.labels[-1] if self.labels else "")


activity = Activity()


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any]):
        super().__init__()
        self.fn = fn
        self.relay = _Relay()  # created on the GUI thread, so its signals are delivered there
        self.setAutoDelete(False)

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 (every failure goes back to the GUI as a message)
            exc.__coomet_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


def run_in_background(
    fn: Callable[[], Any],
    *,
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    label: str = "",
    owner: QObject | None = None,
) -> _Task:
    """Run ``fn`` on the thread pool; ``on_success(result)`` or ``on_error(exception)`` run on the GUI thread.

    ``owner`` is the widget the callbacks update: if it was closed and deleted meanwhile, they are skipped (the
    work itself is never cut short: a half-written record is worse than a result nobody looks at).
    """
    task = _Task(fn)
    _active.add(task)
    if label:
        activity.started(label)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _active.discard(task)
        if label:
            activity.finished(label)
        if owner is not None and not shiboken6.isValid(owner):
            return
        if callback is not None:
            callback(value)

    task.relay.succeeded.connect(lambda result: finish(on_success, result))
    task.relay.failed.connect(lambda error: finish(on_error, error))
    QThreadPool.globalInstance().start(task)
    return task


def busy() -> bool:
    """Whether background work is still running (tests wait on this; closing the window waits too)."""
    return bool(_active)
