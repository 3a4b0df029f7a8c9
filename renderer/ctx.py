"""``callback_context`` (alias ``ctx``): what the running callback may ask about its call.

The state of one call lives on a ``ContextVar``, so concurrent callbacks (threads or asyncio tasks)
each see their own. Outside a callback every property raises
:class:`~wasmdash.exceptions.MissingCallbackContextException`, as in Dash.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from ._grouping import AttributeDict
from .exceptions import MissingCallbackContextException
from .ids import stringify_id

__all__ = [
    "CallbackContext",
    "CallbackState",
    "CallbackResponseHeaders",
    "FalsyList",
    "callback_context",
    "ctx",
    "context_value",
    "set_props",
    "Hooks",
    "hooks",
]


class FalsyList(list):  # type: ignore[type-arg]
    """A list that is falsy even with items: ``ctx.triggered`` on the initial call."""

    def __bool__(self) -> bool:
        return False


def _falsy_triggered() -> FalsyList:
    # Dash keeps one placeholder so ``ctx.triggered[0]["prop_id"].split(".")`` still works.
    return FalsyList([{"prop_id": ".", "value": None}])


class CallbackResponseHeaders:
    """``ctx.response``: headers and cookies a callback adds to its HTTP response.

    A small stand-in for Flask's response object with the parts callbacks use: ``set_cookie``,
    ``delete_cookie``, ``headers`` (a dict) and ``status_code``. The server copies them onto the
    real response; in the page they are ignored.
    """

    def __init__(self) -> None:
        self.headers: dict[str, str] = {}
        self.cookies: list[str] = []
        self.status_code: int | None = None

    def set_cookie(
        self,
        key: str,
        value: str = "",
        max_age: int | None = None,
        expires: Any = None,
        path: str | None = "/",
        domain: str | None = None,
        secure: bool = False,
        httponly: bool = False,
        samesite: str | None = None,
    ) -> None:
        """Add a ``Set-Cookie`` header (same arguments as Flask's/Starlette's ``set_cookie``)."""
        from http.cookies import SimpleCookie

        cookie: SimpleCookie = SimpleCookie()
        cookie[key] = value
        morsel = cookie[key]
        if max_age is not None:
            morsel["max-age"] = int(max_age)
        if expires is not None:
            if not isinstance(expires, (str, int)):
                from email.utils import format_datetime

                expires = format_datetime(expires, usegmt=True)
            morsel["expires"] = expires
        if path is not None:
            morsel["path"] = path
        if domain is not None:
            morsel["domain"] = domain
        if secure:
            morsel["secure"] = True
        if httponly:
            morsel["httponly"] = True
        if samesite is not None:
            morsel["samesite"] = samesite
        self.cookies.append(morsel.OutputString())

    def delete_cookie(self, key: str, path: str = "/", domain: str | None = None) -> None:
        """Expire the cookie ``key`` in the browser."""
        self.set_cookie(key, "", max_age=0, expires="Thu, 01 Jan 1970 00:00:00 GMT", path=path, domain=domain)

    def header_items(self) -> list[tuple[str, str]]:
        """Every header to add, ``Set-Cookie`` lines included."""
        return list(self.headers.items()) + [("set-cookie", c) for c in self.cookies]


@dataclass
class CallbackState:
    """Everything ``ctx`` answers during one call (set by ``Dash.dispatch``)."""

    inputs_list: list[Any] = field(default_factory=list)
    states_list: list[Any] = field(default_factory=list)
    outputs_list: Any = field(default_factory=list)
    input_values: dict[str, Any] = field(default_factory=AttributeDict)
    state_values: dict[str, Any] = field(default_factory=AttributeDict)
    triggered_inputs: list[dict[str, Any]] = field(default_factory=list)
    args_grouping: Any = field(default_factory=list)
    outputs_grouping: Any = field(default_factory=list)
    using_args_grouping: bool = False
    using_outputs_grouping: bool = False
    updated_props: dict[str, dict[str, Any]] = field(default_factory=dict)
    response: CallbackResponseHeaders = field(default_factory=CallbackResponseHeaders)
    timing_information: dict[str, dict[str, Any]] = field(default_factory=dict)
    custom_data: dict[str, Any] = field(default_factory=AttributeDict)
    cookies: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    path: str = ""
    args: dict[str, Any] = field(default_factory=dict)
    remote: str = ""
    origin: str = ""


#: The running call's state; None outside a callback.
context_value: ContextVar[CallbackState | None] = ContextVar("wasmdash_callback_context", default=None)


def _state(what: str) -> CallbackState:
    state = context_value.get()
    if state is None:
        raise MissingCallbackContextException(
            f"dash.callback_context.{what} is only available from a callback!"
        )
    return state


class CallbackContext:
    """The type of ``ctx`` / ``callback_context``; every property reads the running call."""

    @property
    def inputs(self) -> dict[str, Any]:
        """``{"id.prop": value}`` for every Input (each matched component for wildcards)."""
        return _state("inputs").input_values

    @property
    def states(self) -> dict[str, Any]:
        """``{"id.prop": value}`` for every State."""
        return _state("states").state_values

    @property
    def triggered(self) -> list[dict[str, Any]]:
        """``[{"prop_id", "value"}]`` of the Inputs that changed; falsy on the initial call."""
        return _state("triggered").triggered_inputs or _falsy_triggered()

    @property
    def triggered_prop_ids(self) -> AttributeDict:
        """``{"id.prop": id}`` of the changed Inputs (dict ids parsed back to dicts)."""
        ids = AttributeDict()
        for item in _state("triggered_prop_ids").triggered_inputs:
            component_id, _, _ = item["prop_id"].rpartition(".")
            ids[item["prop_id"]] = (
                AttributeDict(json.loads(component_id)) if component_id.startswith("{") else component_id
            )
        return ids

    @property
    def triggered_id(self) -> Any:
        """The id (str or dict) of the first changed Input, or None on the initial call."""
        ids = self.triggered_prop_ids
        return next(iter(ids.values()), None)

    @property
    def args_grouping(self) -> Any:
        """The inputs and states shaped like the callback's signature, each leaf a dict with
        ``id``, ``id_str`` (also ``str_id``), ``property``, ``value`` and ``triggered``."""
        return _state("args_grouping").args_grouping

    @property
    def outputs_grouping(self) -> Any:
        return _state("outputs_grouping").outputs_grouping

    @property
    def outputs_list(self) -> Any:
        """The request's ``outputs``: ``{"id", "property"}`` (a list of them for wildcards)."""
        return _state("outputs_list").outputs_list

    @property
    def inputs_list(self) -> list[Any]:
        """The request's ``inputs``, with values."""
        return _state("inputs_list").inputs_list

    @property
    def states_list(self) -> list[Any]:
        """The request's ``state``, with values."""
        return _state("states_list").states_list

    @property
    def using_args_grouping(self) -> bool:
        return _state("using_args_grouping").using_args_grouping

    @property
    def using_outputs_grouping(self) -> bool:
        return _state("using_outputs_grouping").using_outputs_grouping

    @property
    def response(self) -> CallbackResponseHeaders:
        """Headers and cookies to add to this callback's HTTP response (``set_cookie``)."""
        return _state("response").response

    @property
    def timing_information(self) -> dict[str, dict[str, Any]]:
        return _state("timing_information").timing_information

    @property
    def custom_data(self) -> dict[str, Any]:
        """What the ``wasmdash.hooks.custom_data`` hooks returned for this request."""
        return _state("custom_data").custom_data

    @property
    def cookies(self) -> dict[str, str]:
        return _state("cookies").cookies

    @property
    def headers(self) -> dict[str, str]:
        return _state("headers").headers

    @property
    def path(self) -> str:
        return _state("path").path

    @property
    def args(self) -> dict[str, Any]:
        return _state("args").args

    @property
    def remote(self) -> str:
        return _state("remote").remote

    @property
    def origin(self) -> str:
        return _state("origin").origin

    @staticmethod
    def record_timing(name: str, duration: float, description: str | None = None) -> None:
        """Report ``duration`` seconds under ``name`` in the response's ``Server-Timing`` header.

        Raises:
            KeyError: ``name`` was already recorded in this call.
        """
        timing = _state("record_timing").timing_information
        if name in timing:
            raise KeyError(f'Duplicate resource name "{name}" found.')
        timing[name] = {"dur": round(duration * 1000), "desc": description}

    @staticmethod
    def set_props(component_id: Any, props: dict[str, Any]) -> None:
        """Set props on any component from inside a callback (sent as ``sideUpdate``)."""
        updated = _state("set_props").updated_props
        key = stringify_id(component_id)
        updated[key] = {**updated.get(key, {}), **props}


callback_context = CallbackContext()
ctx = callback_context


def set_props(component_id: Any, props: dict[str, Any]) -> None:
    """``dash.set_props``: set props on any component from inside a callback."""
    CallbackContext.set_props(component_id, props)


class Hooks:
    """``dash.hooks``: functions an app or plugin registers to extend every callback call.

    Only ``custom_data`` is implemented: ``@hooks.custom_data("ns")`` registers ``func(state)``,
    called before each server callback with the call's :class:`CallbackState` (its ``headers``,
    ``cookies``, ``path``...); its return value is ``ctx.custom_data["ns"]`` in the callback.
    """

    def __init__(self) -> None:
        self._custom_data: list[tuple[int, int, str, Any]] = []

    def custom_data(self, namespace: str, priority: int | None = None, final: bool = False) -> Any:
        """Register a custom data hook under ``namespace`` (higher ``priority`` runs first)."""

        def wrap(func: Any) -> Any:
            order = 1 if final else 0  # final hooks run after every other one
            self._custom_data.append((order, -(priority or 0), namespace, func))
            self._custom_data.sort(key=lambda item: (item[0], item[1]))
            return func

        return wrap

    def custom_data_hooks(self) -> list[tuple[str, Any]]:
        """``(namespace, func)`` pairs in the order they run."""
        return [(namespace, func) for _, _, namespace, func in self._custom_data]

    def clear(self) -> None:
        """Forget every hook (for tests)."""
        self._custom_data.clear()


hooks = Hooks()
