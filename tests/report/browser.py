"""A small headless-Chromium driver over the DevTools protocol, for the report browser tests.

Chromium (Debian package ``chromium``) is started with ``--remote-debugging-port=0`` and a
private profile; the port it picked is read from its ``DevToolsActivePort`` file, and one page
target is driven over a websocket (``websocket-client``). For every page it records each
network request, console message, JavaScript exception and log entry, so a test can assert
that a report page requests nothing outside its folder and logs no error. Playwright is not
used: it downloads a browser build of its own, which cannot be done here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["find_chromium", "Browser", "PageLog"]

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The Chromium executable: ``$CHROMIUM`` or the first of :data:`CANDIDATES` on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit if shutil.which(explicit) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


@dataclass
class PageLog:
    """What one page did while it loaded and while the test used it."""

    url: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    log_errors: list[str] = field(default_factory=list)


class Browser:
    """One headless Chromium with one page, used as a context manager."""

    def __init__(self, executable: str, *, width: int = 1400, height: int = 1000,
                 timeout: float = 30.0) -> None:
        self.executable = executable
        self.width, self.height, self.timeout = width, height, timeout
        self._profile = tempfile.mkdtemp(prefix="toolkit-chromium-")
        self._process: subprocess.Popen | None = None
        self._socket = None
        self._next_id = 0
        self._session: str | None = None
        self._events: list[dict[str, Any]] = []

    # -- start and stop -------------------------------------------------------------------------

    def __enter__(self) -> Browser:
        import websocket

        self._process = subprocess.Popen(
            [self.executable, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             "--mute-audio", f"--user-data-dir={self._profile}",
             "--remote-debugging-port=0", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not port_file.is_file() or len(port_file.read_text().splitlines()) < 2:
            if time.monotonic() > deadline or self._process.poll() is not None:
                self.__exit__(None, None, None)
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self._socket = websocket.create_connection(f"ws://127.0.0.1:{port}{path}",
                                                   timeout=self.timeout,
                                                   suppress_origin=True)
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget",
                                   {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": self.width, "height": self.height, "deviceScaleFactor": 1,
                   "mobile": False})
        return self

    def __exit__(self, *exc: object) -> None:
        if self._socket is not None:
            try:
                self._socket.close()
            except OSError:
                pass
            self._socket = None
        if self._process is not None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
            self._process = None
        shutil.rmtree(self._profile, ignore_errors=True)

    # -- the protocol ---------------------------------------------------------------------------

    def _call(self, method: str, params: dict | None = None, *,
              session: str | None = None) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._socket.send(json.dumps(message))
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            reply = json.loads(self._socket.recv())
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)
        raise TimeoutError(method)

    def send(self, method: str, params: dict | None = None) -> dict[str, Any]:
        """Call a DevTools method on the page."""
        return self._call(method, params, session=self._session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _drain(self, seconds: float) -> None:
        """Read events for ``seconds``."""
        end = time.monotonic() + seconds
        self._socket.settimeout(0.1)
        try:
            while time.monotonic() < end:
                try:
                    self._events.append(json.loads(self._socket.recv()))
                except Exception as exc:  # websocket timeout: nothing more right now
                    if type(exc).__name__ != "WebSocketTimeoutException":
                        raise
        finally:
            self._socket.settimeout(self.timeout)

    # -- pages ----------------------------------------------------------------------------------

    def open(self, url: str, *, ready: str = "true", settle: float = 0.3) -> PageLog:
        """Load ``url``, wait for the load event and then for the JavaScript expression ``ready``
        to be true, and return what the page did."""
        self._events.clear()
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self._events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load")
            self._drain(0.1)
        while not self.evaluate(f"Boolean({ready})"):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url}: {ready} never became true")
            self._drain(0.1)
        self._drain(settle)
        return self.page_log(url)

    def page_log(self, url: str) -> PageLog:
        """The requests, console errors, exceptions and error log entries seen since
        :meth:`open` was called."""
        log = PageLog(url)
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                log.requests.append(params["request"]["url"])
            elif method == "Network.loadingFailed":
                log.failed.append(f"{params.get('errorText')} ({params.get('requestId')})")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error",
                                                                                 "assert"):
                log.console_errors.append(" ".join(str(a.get("value", a.get("description")))
                                                   for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                log.exceptions.append(str(details.get("exception", {}).get("description")
                                          or details.get("text")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                log.log_errors.append(f"{entry.get('text')} {entry.get('url', '')}".strip())
        return log

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole page (beyond the window's height)."""
        import base64

        size = self.send("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": self.width,
                     "height": max(1, int(size["height"])), "scale": 1}})
        path.write_bytes(base64.b64decode(shot["data"]))
