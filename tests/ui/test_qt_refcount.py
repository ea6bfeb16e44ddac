"""PySide6 6.12.0 on CPython 3.11 drops one reference to None on every void Qt call made from Python: 10,000
QLabel.setText calls take None's reference count down by 10,000 and a long session dies with "Fatal Python error:
none_dealloc". The pinned release (pyproject.toml) must not. Measured in a child process, which the fault may kill."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
label.setText("warm-up")
before = sys.getrefcount(None)
for _ in range(10_000):
    label.setText("x")
after = sys.getrefcount(None)
print(before - after)
"""


def test_void_qt_calls_keep_none_alive():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert "none_dealloc" not in result.stderr, "PySide6 drops references to None (killed by none_dealloc)"
    assert result.returncode == 0, result.stderr[-3000:]
    lost = int(result.stdout.split()[-1])
    assert abs(lost) < 100, f"10,000 QLabel.setText calls changed None's reference count by {-lost}"
