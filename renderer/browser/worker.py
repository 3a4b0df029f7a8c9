"""Talking to the main thread from the worker: op batches, the ready mark, errors; and the clock."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any, Callable

from .._seams import Op

__all__ = ["post", "WorkerApplier", "BrowserClock", "report_error", "report_warning", "ready"]


def post(message: dict[str, Any]) -> None:
    """Send one JSON message to ``static/loader.js``."""
    import js

    js.postMessage(json.dumps(message, separators=(",", ":")))


class WorkerApplier:
    """``_seams.Applier``: one message per batch; ``patch.js`` applies it in one go."""

    def __init__(self, send: Callable[[dict[str, Any]], None] = post) -> None:
        self._send = send

    def apply(self, ops: list[Op]) -> None:
        if ops:
            self._send({"type": "ops", "ops": ops})


class BrowserClock:
    """``_seams.Clock`` on the worker's event loop (Pyodide's WebLoop schedules with setTimeout)."""

    def now(self) -> float:
        return time.monotonic()

    def call_later(self, delay: float, callback: Callable[[], None]) -> asyncio.TimerHandle:
        return asyncio.get_event_loop().call_later(max(0.0, delay), callback)


def report_error(message: str, traceback: str = "") -> None:
    """Show ``message`` in the page's error overlay and in the console (loader.js does both)."""
    post({"type": "error", "message": message, "traceback": traceback or ""})


def report_warning(message: str) -> None:
    """Show ``message`` as a warning: ``console.warn`` and a warning entry in the overlay."""
    post({"type": "warning", "message": message})


def ready() -> None:
    """Ask the main thread to set ``data-wasmdash-ready="true"`` on ``<html>``."""
    post({"type": "ready"})
