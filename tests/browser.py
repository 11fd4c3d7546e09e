"""A headless Chromium for page tests, driven over the DevTools protocol.

The system's Chromium (Debian package ``chromium``; the CI script installs it when missing) is
started with a fresh profile and no network services; the page is opened from a file, and
the browser reports every console error, uncaught exception and failed load (including a
blocked external request) through ``Runtime`` and ``Log`` events. Queries run on the live
DOM; screenshots cover the whole page.
"""

from __future__ import annotations

import base64
import contextlib
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
)
TIMEOUT = 30.0


def find_chromium() -> str | None:
    """The path of a Chromium (or Chrome) executable, or None."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path is not None:
            return path
    return None


class Page:
    """One browser tab: load a file, collect its errors, query it, take screenshots."""

    def __init__(self, ws: ClientConnection, session: str) -> None:
        self._ws = ws
        self._session = session
        self._next = 0
        self._events: list[dict[str, Any]] = []

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a DevTools command and wait for its result."""
        self._next += 1
        ident = self._next
        message = {"id": ident, "method": method, "params": params, "sessionId": self._session}
        self._ws.send(json.dumps(message))
        while True:
            reply = json.loads(self._ws.recv(timeout=TIMEOUT))
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self._events.append(reply)

    def _wait(self, method: str) -> None:
        for i, event in enumerate(self._events):
            if event.get("method") == method:
                del self._events[i]
                return
        deadline = time.monotonic() + TIMEOUT
        while True:
            event = json.loads(self._ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if event.get("method") == method:
                return
            self._events.append(event)

    def open(self, path: Path, width: int = 1024) -> None:
        """Load ``path`` in a window ``width`` pixels wide and wait for it to finish."""
        self._events.clear()
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=800,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.call("Page.navigate", url=path.resolve().as_uri())
        self._wait("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression evaluated in the page.

        Raises:
            RuntimeError: when the expression throws.
        """
        reply = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in reply:
            raise RuntimeError(str(reply["exceptionDetails"]))
        return reply["result"].get("value")

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and failed loads since the page was opened."""
        self.evaluate("0")  # lets pending events arrive
        found = []
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append("console: " + " ".join(str(a.get("value")) for a in params["args"]))
            elif method == "Runtime.exceptionThrown":
                found.append("exception: " + str(params["exceptionDetails"].get("text")))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                entry = params["entry"]
                found.append(f"log: {entry.get('text')} {entry.get('url', '')}".strip())
        return found

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page."""
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
        path.write_bytes(base64.b64decode(shot["data"]))


@contextlib.contextmanager
def chromium(executable: str) -> Iterator[Page]:
    """A headless Chromium with one tab, closed afterwards."""
    with tempfile.TemporaryDirectory(prefix="par-index-chromium-") as profile:
        proc = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stderr is not None
        drain = threading.Thread(target=proc.stderr.read, daemon=True)
        try:
            url = None
            for line in proc.stderr:
                found = re.search(r"DevTools listening on (ws://\S+)", line)
                if found:
                    url = found.group(1)
                    break
            if url is None:
                raise RuntimeError("Chromium did not start its DevTools endpoint")
            # keep reading its messages so that a full pipe never blocks it
            drain.start()
            with connect(url, max_size=None, open_timeout=TIMEOUT) as ws:
                ws.send(
                    json.dumps(
                        {"id": 1, "method": "Target.createTarget", "params": {"url": "about:blank"}}
                    )
                )
                target = _reply(ws, 1)["targetId"]
                ws.send(
                    json.dumps(
                        {
                            "id": 2,
                            "method": "Target.attachToTarget",
                            "params": {"targetId": target, "flatten": True},
                        }
                    )
                )
                page = Page(ws, _reply(ws, 2)["sessionId"])
                for domain in ("Page", "Runtime", "Log"):
                    page.call(f"{domain}.enable")
                yield page
                with contextlib.suppress(Exception):
                    ws.send(json.dumps({"id": 3, "method": "Browser.close"}))
        finally:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            if drain.is_alive() or drain.ident is not None:
                drain.join(timeout=5)
            if not drain.is_alive():
                proc.stderr.close()


def _reply(ws: ClientConnection, ident: int) -> dict[str, Any]:
    while True:
        message = json.loads(ws.recv(timeout=TIMEOUT))
        if message.get("id") == ident:
            result: dict[str, Any] = message["result"]
            return result


CHART_CHECK = """(() => {
  const charts = [...document.querySelectorAll('svg.chart')].map(s => ({
    id: s.id,
    title: (s.querySelector(':scope > title') || {}).textContent || '',
    heading: (s.querySelector('.chart-title') || {}).textContent || '',
    axes: [...s.querySelectorAll('.axis-label')].map(t => t.textContent.trim()),
    width: s.getBoundingClientRect().width,
  }));
  const outside = [...document.querySelectorAll('[src], [href]')]
    .map(e => e.getAttribute('src') || e.getAttribute('href'))
    .filter(u => !u.startsWith('data:') && !u.startsWith('#'));
  return {charts, outside, lang: document.documentElement.lang, title: document.title,
          height: document.documentElement.scrollHeight};
})()"""
