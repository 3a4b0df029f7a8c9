"""Dash's exception classes, with Dash's names and hierarchy, so ``except dash.exceptions.X`` works.

Plus :class:`CallbackError`, which the page's transports raise when a callback failed (HTTP 500,
an exception in an in-page Python callback, or a JS clientside error).
"""

from __future__ import annotations

from textwrap import dedent
from typing import Any

__all__ = [
    "DashException",
    "ObsoleteKwargException",
    "ObsoleteAttributeException",
    "NoLayoutException",
    "CallbackException",
    "NonExistentEventException",
    "NonExistentIdException",
    "NonExistentPropException",
    "IncorrectTypeException",
    "IDsCantContainPeriods",
    "WildcardInLongCallback",
    "InvalidComponentIdError",
    "PreventUpdate",
    "DuplicateIdError",
    "InvalidCallbackReturnValue",
    "InvalidConfig",
    "InvalidResourceError",
    "InvalidIndexException",
    "DependencyException",
    "ResourceException",
    "MissingCallbackContextException",
    "UnsupportedRelativePath",
    "ProxyError",
    "DuplicateCallback",
    "DuplicateCallbackOutput",
    "BackgroundCallbackError",
    "LongCallbackError",
    "MissingLongCallbackManagerError",
    "PageError",
    "ImportedInsideCallbackError",
    "HookError",
    "AppNotFoundError",
    "WebSocketCallbackError",
    "WebsocketDisconnected",
    "CallbackError",
]


class DashException(Exception):
    """Base of every wasmdash (and Dash) error; the message is dedented and stripped."""

    def __init__(self, msg: str = "") -> None:
        super().__init__(dedent(str(msg)).strip())


class ObsoleteKwargException(DashException):
    pass


class ObsoleteAttributeException(DashException):
    pass


class NoLayoutException(DashException):
    pass


class CallbackException(DashException):
    pass


class NonExistentEventException(CallbackException):
    pass


class NonExistentIdException(CallbackException):
    """A callback names a component id that is not in the layout."""


class NonExistentPropException(CallbackException):
    """A callback names a prop the component does not have."""


class IncorrectTypeException(CallbackException):
    pass


class IDsCantContainPeriods(CallbackException):
    pass


class WildcardInLongCallback(CallbackException):
    pass


class InvalidComponentIdError(IDsCantContainPeriods):
    pass


class PreventUpdate(CallbackException):
    """Raise inside a callback to leave every output unchanged (HTTP 204)."""


class DuplicateIdError(DashException):
    pass


class InvalidCallbackReturnValue(CallbackException):
    pass


class InvalidConfig(DashException):
    pass


class InvalidResourceError(DashException):
    pass


class InvalidIndexException(DashException):
    pass


class DependencyException(DashException):
    pass


class ResourceException(DashException):
    pass


class MissingCallbackContextException(CallbackException):
    pass


class UnsupportedRelativePath(CallbackException):
    pass


class ProxyError(DashException):
    pass


class DuplicateCallback(DashException):
    pass


#: Older Dash name for :class:`DuplicateCallback`.
DuplicateCallbackOutput = DuplicateCallback


class BackgroundCallbackError(DashException):
    pass


#: Older Dash name for :class:`BackgroundCallbackError`.
LongCallbackError = BackgroundCallbackError


class MissingLongCallbackManagerError(DashException):
    pass


class PageError(DashException):
    pass


class ImportedInsideCallbackError(DashException):
    pass


class HookError(DashException):
    pass


class AppNotFoundError(DashException):
    pass


class WebSocketCallbackError(CallbackException):
    pass


class WebsocketDisconnected(CallbackException):
    pass


class CallbackError(CallbackException):
    """A callback failed where it ran (server, in-page Python, or JS clientside).

    Raised by the page's transports; ``str(error)`` is the user-facing message.

    Args:
        message: what went wrong, naming the callback.
        traceback: the formatted traceback, when the app runs with ``debug=True``.
        callback: the callback's ``output`` string (or function name), when known.
    """

    def __init__(self, message: str, traceback: str | None = None, callback: Any = None) -> None:
        super().__init__(message)
        self.message = str(self)
        self.traceback = traceback
        self.callback = callback
