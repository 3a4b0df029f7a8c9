"""``FetchTransport``: runs server callbacks with ``POST _dash-update-component``."""

from __future__ import annotations

import json
from typing import Any

from .._wire import CallbackRequest, CallbackResponse

__all__ = ["FetchTransport", "callback_error"]


def callback_error(message: str) -> Exception:
    """``wasmdash.exceptions.CallbackError(message)``, or a RuntimeError if that class is absent."""
    try:
        from ..exceptions import CallbackError  # type: ignore[attr-defined]
    except ImportError:
        return RuntimeError(message)
    return CallbackError(message)


def error_text(status: int, body: str) -> str:
    """The user-facing text of a failed callback response (the server's ``error`` field if JSON)."""
    try:
        data: Any = json.loads(body)
    except ValueError:
        data = None
    if isinstance(data, dict) and isinstance(data.get("error"), str):
        text = data["error"]
        if isinstance(data.get("traceback"), str) and data["traceback"]:
            text += "\n\n" + data["traceback"]
        return text
    return f"Callback failed: HTTP {status}: {body[:2000]}".rstrip()


class FetchTransport:
    """``_seams.Transport`` over ``fetch`` (``pyodide.http.pyfetch``).

    Args:
        base_url: absolute URL ending in ``/`` (the app's ``requests_pathname_prefix``).
    """

    def __init__(self, base_url: str) -> None:
        self.url = base_url + "_dash-update-component"

    async def request(self, body: CallbackRequest) -> CallbackResponse | None:
        from pyodide.http import pyfetch

        response = await pyfetch(
            self.url,
            method="POST",
            headers={"Content-Type": "application/json"},
            body=json.dumps(body),
        )
        if response.status == 204:
            return None
        text = await response.text()
        if not response.ok:
            raise callback_error(error_text(response.status, text))
        return json.loads(text)
