"""Hand-written fakes for the runtime's seams (``wasmdash._seams``), and wire-data builders.

* :class:`FakeTransport` answers callback requests in-process: through ``await app.dispatch(body)``
  when given a ``wasmdash.Dash`` app, else through scripted functions keyed by output string. It
  records every request. With ``gated=True`` each request waits until the test releases it, in
  the order the test chooses.
* :class:`RecordingApplier` records each op batch; :class:`ManualClock` runs timers when the test
  calls :meth:`ManualClock.advance`; :class:`FakeView` records which paths were rendered.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Callable

from wasmdash.ids import join_outputs, split_outputs, split_prop_id, stringify_id, strip_duplicate_suffix

NO_UPDATE = object()


class Prevent(Exception):
    """Raise in a scripted callback for PreventUpdate (the fake answers 204)."""


class ScriptedError(Exception):
    """What the fake raises when a scripted callback fails (stands in for ``CallbackError``)."""

    def __init__(self, message: str, traceback: str | None = None) -> None:
        super().__init__(message)
        self.traceback = traceback


def _error_class() -> type[Exception]:
    try:
        from wasmdash.exceptions import CallbackError
    except ImportError:  # pragma: no cover
        return ScriptedError
    return CallbackError


@dataclass
class _Gate:
    body: dict[str, Any]
    future: asyncio.Future[Any]


class FakeTransport:
    """``Transport`` for tests.

    Args:
        app: a ``wasmdash.Dash`` whose ``dispatch`` answers requests in-process.
        handlers: output string -> ``fn(*input_values, *state_values)`` returning the output value
            (a list for multi-output callbacks), :data:`NO_UPDATE` items, or raising
            :class:`Prevent`.
        gated: hold every request until :meth:`release` is called for it.
    """

    def __init__(
        self,
        app: Any = None,
        handlers: dict[str, Callable[..., Any]] | None = None,
        *,
        gated: bool = False,
    ) -> None:
        self.app = app
        self.handlers = dict(handlers or {})
        self.gated = gated
        self.requests: list[dict[str, Any]] = []
        self.gates: list[_Gate] = []
        #: the task that sent each request (the runtime's task for that call)
        self.tasks: list[asyncio.Task[Any] | None] = []
        self._arrived: asyncio.Event | None = None

    @property
    def calls(self) -> list[str]:
        """The output string of every request, in order."""
        return [body["output"] for body in self.requests]

    async def request(self, body: dict[str, Any]) -> dict[str, Any] | None:
        self.requests.append(body)
        self.tasks.append(asyncio.current_task())
        if self.gated:
            gate = _Gate(body, asyncio.get_running_loop().create_future())
            self.gates.append(gate)
            if self._arrived is not None:
                self._arrived.set()
            await gate.future
        return await self._answer(body)

    async def _answer(self, body: dict[str, Any]) -> dict[str, Any] | None:
        if self.app is not None:
            result = await self.app.dispatch(body)
            if result.status == 204:
                return None
            if result.status != 200:
                error = result.body or {}
                raise _error_class()(error.get("error", f"HTTP {result.status}"), error.get("traceback"))
            return result.body
        return _scripted(self.handlers, body)

    async def wait_for_requests(self, count: int) -> None:
        """Wait until at least ``count`` requests have arrived (gated mode)."""
        while len(self.requests) < count:
            self._arrived = asyncio.Event()
            await self._arrived.wait()

    def release(self, number: int) -> None:
        """Let the ``number``-th gated request (0-based) get its answer."""
        self.gates[number].future.set_result(None)

    async def finished(self, number: int) -> None:
        """Wait until the runtime has fully handled the ``number``-th request's answer."""
        task = self.tasks[number]
        if task is not None:
            await asyncio.wait([task])


async def yield_once() -> None:
    """Let every ready task run one step. No time passes (this is not a timed wait)."""
    await asyncio.sleep(0)


def _values(items: list[Any]) -> list[Any]:
    out = []
    for item in items:
        if isinstance(item, list):
            out.append([i.get("value") for i in item])
        else:
            out.append(item.get("value"))
    return out


def _scripted(handlers: dict[str, Callable[..., Any]], body: dict[str, Any]) -> dict[str, Any] | None:
    output = body["output"]
    if output not in handlers:
        raise ScriptedError(f"no scripted handler for {output!r}; known: {sorted(handlers)}")
    args = _values(body["inputs"]) + _values(body.get("state") or [])
    try:
        value = handlers[output](*args)
    except Prevent:
        return None
    multi = output.startswith("..")
    outputs = body["outputs"] if multi else [body["outputs"]]
    values = value if multi else [value]
    response: dict[str, dict[str, Any]] = {}
    for out, val in zip(outputs, values):
        if val is NO_UPDATE:
            continue
        if isinstance(out, list):  # ALL outputs: one value per matched component
            for o, v in zip(out, val):
                if v is not NO_UPDATE:
                    response.setdefault(stringify_id(o["id"]), {})[strip_duplicate_suffix(o["property"])] = v
            continue
        response.setdefault(stringify_id(out["id"]), {})[strip_duplicate_suffix(out["property"])] = val
    if not response:
        return None
    return {"multi": True, "response": response}


class RecordingApplier:
    """``Applier`` that records each batch of ops."""

    def __init__(self) -> None:
        self.batches: list[list[Any]] = []

    def apply(self, ops: list[Any]) -> None:
        self.batches.append(list(ops))


class _Timer:
    def __init__(self, clock: ManualClock, when: float, callback: Callable[[], None]) -> None:
        self.when, self.callback, self.cancelled = when, callback, False
        self.clock = clock

    def cancel(self) -> None:
        self.cancelled = True


class ManualClock:
    """``Clock`` whose time moves only when a test calls :meth:`advance`."""

    def __init__(self) -> None:
        self.time = 0.0
        self.timers: list[_Timer] = []

    def now(self) -> float:
        return self.time

    def call_later(self, delay: float, callback: Callable[[], None]) -> _Timer:
        timer = _Timer(self, self.time + delay, callback)
        self.timers.append(timer)
        return timer

    def advance(self, seconds: float) -> None:
        """Move time forward, running due timers in time order."""
        target = self.time + seconds
        while True:
            due = [t for t in self.timers if not t.cancelled and t.when <= target]
            if not due:
                break
            timer = min(due, key=lambda t: t.when)
            self.timers.remove(timer)
            self.time = timer.when
            timer.callback()
        self.time = target


@dataclass
class FakeView:
    """``View`` that renders nothing: ops name what was asked for, events carry path and props."""

    set_props: Callable[[Any, dict[str, Any]], None] | None = None
    clock: Any = None
    renders: int = 0
    updates: list[list[tuple[Any, ...]]] = field(default_factory=list)

    def attach(self, set_props: Callable[[Any, dict[str, Any]], None], clock: Any) -> None:
        self.set_props, self.clock = set_props, clock

    def render(self, layout: dict[str, Any]) -> list[Any]:
        self.renders += 1
        return [["render"]]

    def update(self, layout: dict[str, Any], paths: Any) -> list[Any]:
        paths = sorted({tuple(p) for p in paths}, key=lambda p: (len(p), [str(k) for k in p]))
        self.updates.append(paths)
        return [["update", [list(p) for p in paths]]]

    def props_for_event(self, event: dict[str, Any]) -> tuple[tuple[Any, ...], dict[str, Any]] | None:
        if "path" not in event:
            return None
        return tuple(event["path"]), dict(event["props"])


# -- wire builders --------------------------------------------------------------------------------
def comp(type_: str = "Div", id: Any = None, children: Any = None, namespace: str = "dash_html_components",
         **props: Any) -> dict[str, Any]:
    """A component as wire JSON; only given props are present (like Dash)."""
    out: dict[str, Any] = {}
    if id is not None:
        out["id"] = id
    if children is not None:
        out["children"] = children
    out.update(props)
    return {"type": type_, "namespace": namespace, "props": out}


def inp(id: Any = None, **props: Any) -> dict[str, Any]:
    """A ``dcc.Input`` as wire JSON."""
    return comp("Input", id, namespace="dash_core_components", **props)


def _spec(text: str, allow_optional: bool = False) -> dict[str, Any]:
    component_id, prop = split_prop_id(text)
    spec: dict[str, Any] = {"id": stringify_id(component_id), "property": prop}
    if allow_optional:
        spec["allow_optional"] = True
    return spec


def dep(
    outputs: str | list[str],
    inputs: list[str],
    state: list[str] = (),  # type: ignore[assignment]
    *,
    prevent_initial_call: bool = False,
    optional: tuple[str, ...] = (),
    **extra: Any,
) -> dict[str, Any]:
    """One ``_dash-dependencies`` entry from ``"id.prop"`` strings (a list of outputs = multi)."""
    if isinstance(outputs, list):
        output = join_outputs(outputs, multi=True)
    else:
        output = outputs
    split_outputs(output)  # validates the shape
    return {
        "output": output,
        "inputs": [_spec(i, i in optional) for i in inputs],
        "state": [_spec(s, s in optional) for s in state],
        "clientside_function": None,
        "prevent_initial_call": prevent_initial_call,
        **extra,
    }


def pid(component_id: Any, prop: str) -> str:
    """``"id.prop"`` with dict ids stringified (wildcards as ``["ALL"]`` etc.)."""
    return f"{stringify_id(component_id)}.{prop}"
