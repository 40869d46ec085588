"""A minimal Language Server Protocol client for the real ``yaml-language-server`` over stdio.

It starts the server as VS Code does for the repository: workspace folder = the repository
root, and the settings of ``.vscode/settings.json`` sent with
``workspace/didChangeConfiguration``. Only what the tests need: open a document, wait for its
diagnostics, ask for a hover.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import IO, Any

REPO = Path(__file__).resolve().parents[2]
SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
TIMEOUT = 20.0


def nested_settings(flat: dict[str, Any]) -> dict[str, Any]:
    """``{"yaml.schemas": …}`` (VS Code's settings.json) as ``{"yaml": {"schemas": …}}``."""
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        if key.startswith("["):
            continue  # language-specific editor settings, not the server's
        *parents, last = key.split(".")
        target = nested
        for part in parents:
            target = target.setdefault(part, {})
        target[last] = value
    return nested


def _read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    length = 0
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
    message: dict[str, Any] = json.loads(stream.read(length).decode("utf-8"))
    return message


class YamlServer:
    """One running server; messages from it are sorted into responses and diagnostics."""

    def __init__(self, root: Path = REPO) -> None:
        if not SERVER.is_file():
            raise FileNotFoundError(f"{SERVER} is missing: run ./bootstrap.sh (npm ci)")
        self.root = root
        self._process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._diagnostics: dict[str, queue.Queue[list[dict[str, Any]]]] = {}
        self._lock = threading.Lock()
        self._versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()
        self._start()

    # -- protocol --------------------------------------------------------------------------

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def _queue_for(self, table: dict[Any, Any], key: Any) -> queue.Queue[Any]:
        with self._lock:
            found: queue.Queue[Any] = table.setdefault(key, queue.Queue())
            return found

    def _read(self) -> None:
        assert self._process.stdout is not None
        while (message := _read_message(self._process.stdout)) is not None:
            if "id" in message and "method" in message:  # a request from the server
                self._send({"id": message["id"], "result": self._answer(message)})
            elif "id" in message:
                self._queue_for(self._responses, message["id"]).put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self._queue_for(self._diagnostics, params["uri"]).put(params["diagnostics"])

    def _answer(self, request: dict[str, Any]) -> Any:
        if request["method"] == "workspace/configuration":
            return [
                self.settings.get(item.get("section", ""), None)
                for item in request["params"]["items"]
            ]
        return None

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self._next_id += 1
        answers = self._queue_for(self._responses, self._next_id)
        self._send({"id": self._next_id, "method": method, "params": params})
        message = answers.get(timeout=TIMEOUT)
        if "error" in message:
            raise RuntimeError(message["error"])
        return message.get("result")

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def _start(self) -> None:
        flat = json.loads((self.root / ".vscode" / "settings.json").read_text(encoding="utf-8"))
        self.settings = nested_settings(flat)
        uri = self.root.as_uri()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": self.root.name}],
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "completion": {"completionItem": {"snippetSupport": True}},
                    },
                    "workspace": {"configuration": False, "workspaceFolders": True},
                },
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def close(self) -> None:
        try:
            self.request("shutdown", {})
            self.notify("exit", {})
            self._process.wait(timeout=5)
        except (RuntimeError, queue.Empty, subprocess.TimeoutExpired, OSError):
            self._process.kill()
            self._process.wait()

    # -- documents -------------------------------------------------------------------------

    def diagnostics(self, path: Path, text: str | None = None) -> list[dict[str, Any]]:
        """Open (or change) ``path`` with ``text`` (default: its content); its diagnostics."""
        uri = path.as_uri()
        content = path.read_text(encoding="utf-8") if text is None else text
        published = self._queue_for(self._diagnostics, uri)
        while not published.empty():
            published.get_nowait()
        version = self._versions.get(uri, 0) + 1
        self._versions[uri] = version
        if version == 1:
            document = {"uri": uri, "languageId": "yaml", "version": version, "text": content}
            self.notify("textDocument/didOpen", {"textDocument": document})
        else:
            self.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": content}],
                },
            )
        result: list[dict[str, Any]] = published.get(timeout=TIMEOUT)
        return result

    def hover(self, path: Path, line: int, character: int) -> str:
        """The hover text (markdown) at a position of an opened document ('' if none)."""
        result = self.request(
            "textDocument/hover",
            {
                "textDocument": {"uri": path.as_uri()},
                "position": {"line": line, "character": character},
            },
        )
        if not result:
            return ""
        contents = result["contents"]
        if isinstance(contents, dict):
            return str(contents.get("value", ""))
        if isinstance(contents, list):
            return "\n".join(
                str(c.get("value", c)) if isinstance(c, dict) else str(c) for c in contents
            )
        return str(contents)
