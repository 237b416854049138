"""``lederskap serve``: serves the course and follows edits to its pages and questionnaires."""

from __future__ import annotations

import socket
import subprocess
import sys
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


def test_serve_follows_an_edited_questionnaire(make_course: CourseFactory) -> None:
    config = make_course()
    address = f"127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "-m", "lederskap_build", "serve", "-f", str(config), "--dev-addr", address],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert wait_for(lambda: "I plan my week" in fetch(f"http://{address}/"))
        form = config.parent / "forms" / "check.yml"
        form.write_text(VALID_FORM.replace("I plan my week", "I plan my month"), encoding="utf-8")
        assert wait_for(lambda: "I plan my month" in fetch(f"http://{address}/"))
        # A broken edit is reported and the last good version stays up.
        form.write_text(VALID_FORM.replace("version: 1", "version: one"), encoding="utf-8")
        time.sleep(2)
        assert "I plan my month" in fetch(f"http://{address}/")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert "forms/check.yml:2: version: expected a whole number, but a text ('one') was given" in output
    assert "The site keeps showing the last version without problems." in output
