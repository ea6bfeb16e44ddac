"""Validation never touches the network: proven with a listening trap and, where possible, with no network."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading

import pytest

from coomet_lab.dcc.validation.validate import validate_bytes
from coomet_lab.kernel.errors import UnusableInputError

from tests.helpers import EX01, REPO, SCHEMAS


class Trap:
    """A local TCP server that records every connection attempt."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.server.close()


def test_documents_pointing_at_remote_resources_cause_no_connection(monkeypatch):
    trap = Trap()
    url = f"http://127.0.0.1:{trap.port}"
    monkeypatch.setenv("http_proxy", url)  # libxml2's own HTTP client would go through the trap too
    try:
        text = EX01.read_text(encoding="utf-8").replace(
            "https://ptb.de/dcc/v3.3.0/dcc.xsd", f"{url}/dcc.xsd"
        )
        report = validate_bytes(text.encode())
        assert report.valid
        with pytest.raises(UnusableInputError):
            validate_bytes(text.replace("?>", f'?><!DOCTYPE d SYSTEM "{url}/x.dtd">', 1).encode())
        include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{url}/x"/>'
        xinclude = text.replace("<dcc:comment>", f"<dcc:comment>{include}", 1)
        validate_bytes(xinclude.encode())
    finally:
        trap.close()
    assert trap.connections == 0


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare")
def test_validation_works_in_a_process_without_any_network():
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("this machine does not allow network namespaces")
    env = {"PATH": "/usr/bin:/bin", "COOMET_LAB_HOME": "/tmp/coomet-lab-offline-test",
           "COOMET_LAB_SCHEMAS": str(SCHEMAS)}
    result = subprocess.run(
        ["unshare", "-rn", sys.executable, "-m", "coomet_lab", "dcc", "validate", str(EX01)],
        cwd=REPO, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "valid (DCC 3.3.0)" in result.stdout
