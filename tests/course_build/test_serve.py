"""``lederskap serve``: serves the course and follows edits to its pages and questionnaires."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable

from .conftest import VALID_FORM, CourseFactory


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError):
        return ""


class ServerOutput:
    """What a server process writes, read line by line as it comes, so that a test can wait for a line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._reader.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, seconds: float = 60) -> bool:
        """Whether a line containing ``text`` was written within ``seconds``."""
        with self._changed:
            return self._changed.wait_for(lambda: any(text in line for line in self.lines), timeout=seconds)

    def text(self) -> str:
        self._reader.join(timeout=30)
        return "".join(self.lines)


def test_serve_follows_an_edited_questionnaire(make_course: CourseFactory) -> None:
    config = make_course()
    address = f"127.0.0.1:{free_port()}"
    with subprocess.Popen(
        [sys.executable, "-m", "lederskap_build", "serve", "-f", str(config), "--dev-addr", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    ) as server:
        output = ServerOutput(server)
        try:
            assert wait_for(lambda: "I plan my week" in fetch(f"http://{address}/"))
            form = config.parent / "forms" / "check.yml"
            form.write_text(VALID_FORM.replace("I plan my week", "I plan my month"), encoding="utf-8")
            assert wait_for(lambda: "I plan my month" in fetch(f"http://{address}/"))
            # A broken edit is reported and the last good version stays up.
            form.write_text(VALID_FORM.replace("version: 1", "version: one"), encoding="utf-8")
            assert output.wait_for("The site keeps showing the last version without problems.")
            assert "I plan my month" in fetch(f"http://{address}/")
        finally:
            server.terminate()
            text = output.text()
    assert "forms/check.yml:2: version: expected a whole number, but a text ('one') was given" in text
