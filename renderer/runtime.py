"""The page's runtime: the store (layout + paths), the callback queue, and the seams around them.

``Runtime`` is built once at the edge with one implementation of each seam (``_seams.py``)::

    runtime = Runtime(layout, dependencies, transport=FetchTransport(base), view=DomView(),
                      applier=WorkerApplier(), clock=BrowserClock(), report_error=report_error,
                      on_ready=ready)
    await runtime.start()            # first render, initial callbacks, then on_ready()
    await runtime.handle_event(msg)  # a DOM event -> prop changes -> callbacks

Decisions come from :mod:`wasmdash.scheduler` (pure); this module only keeps the state and awaits the
transport. Callbacks run concurrently, one asyncio task per call, like dash-renderer's parallel
requests. A call re-triggered while its previous request is in flight makes that request stale: its
response is discarded when it arrives, so the newest input wins.
"""

from __future__ import annotations

import asyncio
import logging
import traceback as _traceback
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ._seams import Applier, Clock, EventMessage, Op, Transport, View
from ._wire import CallbackResponse, ComponentJSON, DependencyJSON, Path
from .graph import Graph, GraphError, build
from .ids import parse_id, split_prop_id, stringify_id
from .layout import get_component, walk
from .paths import PathIndex
from .patterns import is_pattern
from .scheduler import (
    DIRECT,
    CallbackReferenceError,
    GroupRecord,
    PendingCallback,
    ReachCache,
    build_request,
    drop_circular,
    drop_missing_outputs,
    initial_callbacks,
    layout_callbacks,
    merge_requested,
    outputs_of,
    prune_group,
    ready_callbacks,
    removed_array_callbacks,
    running_updates,
    triggered_by,
)

__all__ = ["Runtime"]

logger = logging.getLogger(__name__)

#: ``report_error(message, traceback_or_None)``: the overlay and the console in the page.
ReportError = Callable[[str, "str | None"], None]


@dataclass(eq=False)
class _Call:
    """One call in flight. The runtime forgets it when it goes stale; its task still finishes."""

    pending: PendingCallback
    body: dict[str, Any]
    #: (path, prop) of each output, for dcc.Loading
    outputs: list[tuple[Path, str]]


class Runtime:
    """The page's store and callback queue, wired to injected seams.

    Args:
        layout: the ``_dash-layout`` JSON; the runtime owns it and updates it in place.
        dependencies: the ``_dash-dependencies`` JSON.
        transport: runs callback requests (``Transport``).
        view: turns the layout into DOM ops and events into prop changes (``View``). Optional
            extras used when present: ``changes_for_event(event)`` (several components per
            event) and ``set_loading(outputs) -> ops`` (outputs in flight, for dcc.Loading).
        applier: applies one op list per update (``Applier``).
        clock: handed to the view for debounce and intervals (``Clock``).
        report_error: ``(message, traceback_or_None)``; called for callback failures and graph
            errors; the app keeps working.
        config: the page config (``_wasmdash-config`` JSON); an ``on_ready`` callable in it is used
            when the keyword is not given.
        on_ready: called once when the initial callbacks have settled (the ready mark).
    """

    def __init__(
        self,
        layout: ComponentJSON,
        dependencies: list[DependencyJSON],
        *,
        transport: Transport,
        view: View,
        applier: Applier,
        clock: Clock,
        report_error: ReportError,
        config: dict[str, Any] | None = None,
        on_ready: Callable[[], None] | None = None,
        report_warning: Callable[[str], None] | None = None,
    ) -> None:
        self.layout = layout
        self.index = PathIndex.build(layout)
        self.graph: Graph
        self.graph_errors: list[GraphError]
        self.graph, self.graph_errors = build(dependencies)
        self.transport = transport
        self.view = view
        self.applier = applier
        self.clock = clock
        self.report_error = report_error
        #: Where debug-mode warnings go (the console and the overlay in the page); None: logged.
        self.report_warning = report_warning
        self.config = dict(config or {})
        hook = on_ready if on_ready is not None else self.config.get("on_ready")
        self.on_ready: Callable[[], None] | None = hook if callable(hook) else None
        #: calls waiting for their inputs to settle
        self.requested: list[PendingCallback] = []
        #: calls in flight, by key; a stale call is no longer here
        self.executing: dict[str, _Call] = {}
        #: finished calls of each layout group, to stop chains that were prevented
        self.records: dict[int, list[GroupRecord]] = {}
        self._tasks: set[asyncio.Future[Any]] = set()
        #: ops waiting for the one apply() that ends the current event, response or start
        self._ops: list[Op] = []
        self._side_triggered: list[PendingCallback] = []  # by running= values, requested after launch
        #: (path, prop) of outputs in flight -> how many calls compute it (dcc.Loading)
        self._loading: dict[tuple[Path, str], int] = {}
        self._loading_changed = False
        self._reach = ReachCache()
        self._idle: asyncio.Event | None = None
        self.started = False

    # -- public -------------------------------------------------------------------------------
    async def start(self) -> None:
        """First render, then the initial callbacks until settled, then ``on_ready``."""
        for error in self.graph_errors:
            self._report(str(error), None)
        self.view.attach(self.set_props, self.clock)
        self._ops = self.view.render(self.layout) + self._ops
        self.started = True
        self._loading_changed = True  # the first check: dcc.Loading's show_initially ends here
        self._request(initial_callbacks(self.graph, self.index, self.layout))
        self._flush()  # the first paint, with spinners of the initial calls
        await self.settled()
        if self.on_ready is not None:
            self.on_ready()

    async def handle_event(self, event: EventMessage) -> None:
        """A DOM event forwarded by the page: its prop changes are applied as one batch.

        A view offering ``changes_for_event`` (``DomView``) may report several components (a click
        bubbles through every html component with an id, as in Dash); else ``props_for_event``.
        """
        changes_for_event = getattr(self.view, "changes_for_event", None)
        if callable(changes_for_event):
            changes = list(changes_for_event(event))
        else:
            found = self.view.props_for_event(event)
            changes = [] if found is None else [found]
        updates = [
            (tuple(path), dict(props))
            for path, props in changes
            if get_component(self.layout, tuple(path)) is not None
        ]
        if updates:
            self._request(self._apply_updates(updates, predecessors=()))
            self._flush()

    def set_props(self, path: Path, props: dict[str, Any]) -> None:
        """Props changed in the page (an event, a debounce timer, an interval).

        Updates the store, renders once, then triggers the callbacks reading those props.
        """
        path = tuple(path)
        if get_component(self.layout, path) is None:
            logger.debug("set_props: no component at %r", path)
            return
        self._request(self._apply_updates([(path, dict(props))], predecessors=()))
        self._flush()

    async def settled(self) -> None:
        """Wait until no call is requested or in flight."""
        if not self.requested and not self.executing:
            return
        await self._idle_event().wait()

    async def drain(self) -> None:
        """Wait until settled and every request task, stale ones included, has finished."""
        while self._tasks or self.requested or self.executing:
            await self.settled()
            if self._tasks:
                await asyncio.wait(list(self._tasks))

    # -- store ----------------------------------------------------------------------------------
    def _apply_updates(
        self,
        updates: Iterable[tuple[Path, dict[str, Any]]],
        predecessors: tuple[Any, ...],
    ) -> list[PendingCallback]:
        """Write props into the layout (one render for the batch); return the calls they trigger."""
        triggered: list[PendingCallback] = []
        changed_paths: list[Path] = []
        changed_props: list[tuple[Any, str]] = []
        # An update may replace children that hold the target of a later one: take each target's
        # id now and look its path up again just before writing it, as dash-renderer does.
        targets = []
        for path, props in updates:
            component = get_component(self.layout, path)
            if component is not None:
                targets.append((path, component["props"].get("id"), props))
        for path, component_id, props in targets:
            if component_id is not None and changed_paths:
                path = self.index.path_of(component_id)
                if path is None:
                    continue  # removed by an earlier update of this batch
            component = get_component(self.layout, path)
            if component is None:
                continue
            old_props = component["props"]
            new_props = {}
            for prop, value in props.items():
                if _is_patch(value):
                    value = _apply_patch(old_props.get(prop), value)
                new_props[prop] = value
            old_index = None
            chunks = []
            for prop, value in new_props.items():
                old_value = old_props.get(prop)
                if _holds_components(value) or _holds_components(old_value):
                    chunks.append((path + ("props", prop), old_value, value))
            old_props.update(new_props)
            changed_paths.append(path)
            component_id = old_props.get("id")
            if component_id is not None:
                changed_props += [(component_id, prop) for prop in new_props]
            for chunk_path, old_value, value in chunks:
                if old_index is None:
                    old_index = self.index.copy()
                self.index.reindex(value, chunk_path)
                triggered += layout_callbacks(self.graph, self.index, value, chunk_path=chunk_path)
                triggered += removed_array_callbacks(
                    self.graph, old_index, self.index, old_value, chunk_path
                )
        if changed_paths and self.started:  # before start(), the first render will show them
            self._ops += self.view.update(self.layout, changed_paths)
        for component_id, prop in changed_props:
            triggered += triggered_by(self.graph, self.index, component_id, prop, DIRECT)
        for cb in triggered:
            cb.predecessors = predecessors
        return triggered

    def _updates_from_response(self, response: CallbackResponse) -> list[tuple[Path, dict[str, Any]]]:
        """``response`` and ``sideUpdate`` as (path, props) pairs, merged per component."""
        merged: dict[Path, dict[str, Any]] = {}
        for key, props in (response.get("response") or {}).items():
            self._add_update(merged, parse_id(key), props)
        for key, value in (response.get("sideUpdate") or {}).items():
            component_id: Any = parse_id(key)
            if self.index.path_of(component_id) is None and "." in key:
                component_id, prop = split_prop_id(key)
                value = {prop: value}
            if self.index.path_of(component_id) is None:
                # set_props validates nothing (as in Dash), but a typo should not pass in silence.
                self._warn(
                    f"set_props: no component with id {stringify_id(component_id)!r} is in the layout; "
                    f"its props {sorted(value) if isinstance(value, dict) else value!r} were dropped."
                )
                continue
            self._add_update(merged, component_id, value)
        return list(merged.items())

    def _warn(self, message: str) -> None:
        if self.report_warning is not None:
            self.report_warning(message)
        else:
            logger.warning("%s", message)

    def _add_update(self, merged: dict[Path, dict[str, Any]], component_id: Any, props: Any) -> None:
        path = self.index.path_of(component_id)
        if path is None:
            logger.debug("update for %s: not in the layout", stringify_id(component_id))
            return
        if not isinstance(props, dict):
            self._report(
                f"A callback response gave `{stringify_id(component_id)}` {type(props).__name__} "
                f"instead of a dict of props: {props!r:.200}",
                None,
            )
            return
        merged.setdefault(path, {}).update(props)

    # -- queue ----------------------------------------------------------------------------------
    def _idle_event(self) -> asyncio.Event:
        if self._idle is None:
            self._idle = asyncio.Event()
            if not self.requested and not self.executing:
                self._idle.set()
        return self._idle

    def _request(self, callbacks: list[PendingCallback]) -> None:
        """Queue new calls: merge duplicates, make in-flight calls with the same key stale."""
        callbacks = drop_circular(callbacks)
        if callbacks:
            keys = {cb.key for cb in callbacks}
            for key in keys & set(self.executing):
                stale = self.executing.pop(key)  # its response will be discarded
                self._track_loading(stale, started=False)
            self.requested = merge_requested(self.requested + callbacks)
            self._idle_event().clear()
        self._schedule()

    def _schedule(self) -> None:
        """Start every call that may run now; repeat while calls drop out without running."""
        if not self.started:
            return
        while self.requested:
            self.requested = drop_missing_outputs(self.requested, self.index)
            running = [call.pending for call in self.executing.values()]
            ready = ready_callbacks(
                self.graph, self.index, self.requested, self.requested + running, self._reach
            )
            if not ready and self.requested and not self.executing:
                # Nothing can go first: a loop through callbacks. Start it at its first call.
                ready = [self.requested[0]]
            if not ready:
                break
            dropped = prune_group(ready, self.records, self.index)
            ready_keys = {id(cb) for cb in ready}
            self.requested = [cb for cb in self.requested if id(cb) not in ready_keys]
            progressed = bool(dropped)
            dropped_ids = {id(cb) for cb in dropped}
            for cb in ready:
                if id(cb) in dropped_ids:
                    continue
                if not self._launch(cb):
                    progressed = True
            if not progressed:
                break
        if self._side_triggered:  # running= values of the calls just started
            side, self._side_triggered = self._side_triggered, []
            self._request(side)
            return
        self._forget_finished_groups()
        self._report_loading()
        if not self.requested and not self.executing:
            self._idle_event().set()

    def _forget_finished_groups(self) -> None:
        if not self.records:
            return
        live = {cb.group for cb in self.requested}
        live |= {call.pending.group for call in self.executing.values()}
        for group in list(self.records):
            if group not in live:
                del self.records[group]

    def _record(self, pending: PendingCallback, updated: set[str]) -> None:
        if pending.group is None:
            return
        outputs = {r.prop_id for group in outputs_of(pending, self.index) for r in group}
        self.records.setdefault(pending.group, []).append(GroupRecord(outputs, updated))

    def _flush(self) -> None:
        """One apply() for everything the current event, response or start changed."""
        if self._ops:
            ops, self._ops = self._ops, []
            self.applier.apply(ops)

    def _track_loading(self, call: _Call, *, started: bool) -> None:
        for key in call.outputs:
            count = self._loading.get(key, 0) + (1 if started else -1)
            if count > 0:
                self._loading[key] = count
            else:
                self._loading.pop(key, None)
        self._loading_changed = self._loading_changed or bool(call.outputs)

    def _report_loading(self) -> None:
        """Tell a view with ``set_loading`` (``DomView``) which outputs are being computed."""
        if not self._loading_changed:
            return
        self._loading_changed = False
        set_loading = getattr(self.view, "set_loading", None)
        if callable(set_loading) and self.started:
            self._ops += set_loading(list(self._loading))

    def _launch(self, pending: PendingCallback) -> bool:
        """Build the request and start its task; False when the call does not run."""
        try:
            body = build_request(pending, self.layout, self.index)
        except CallbackReferenceError as exc:
            self._report(str(exc), None)
            self._record(pending, set())
            return False
        if body is None:
            return False
        outputs = [(r.path, r.prop) for group in outputs_of(pending, self.index) for r in group]
        call = _Call(pending, dict(body), outputs)
        self.executing[pending.key] = call
        self._track_loading(call, started=True)
        running_on, _ = running_updates(pending.spec)
        if running_on:
            # Shown while the request runs. As in Dash they trigger the callbacks listening to them,
            # but never this callback itself (Dash would loop on a running= prop that is its input).
            pairs = self._side_pairs(running_on, pending)
            self._side_triggered += self._apply_updates(pairs, (*pending.predecessors, pending.spec))
        task = asyncio.ensure_future(self._run(call))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    def _side_pairs(
        self, updates: dict[str, dict[str, Any]], pending: PendingCallback
    ) -> list[tuple[Path, dict[str, Any]]]:
        """``running=`` updates as (path, props) for components present.

        Wildcard ids resolve against the call: MATCH is this call's item, ALL every item.
        """
        pairs = []
        for key, props in updates.items():
            component_id = parse_id(key)
            if is_pattern(component_id):
                paths = [p for _, p in self.index.find(component_id, pending.reference)]
            else:
                path = self.index.path_of(component_id)
                paths = [] if path is None else [path]
            pairs += [(path, dict(props)) for path in paths]
        return pairs

    async def _run(self, call: _Call) -> None:
        pending = call.pending
        response: CallbackResponse | None = None
        error: BaseException | None = None
        try:
            response = await self.transport.request(call.body)  # type: ignore[arg-type]
        except Exception as exc:  # CallbackError from the transports; anything else is a bug there
            error = exc
        if self.executing.get(pending.key) is not call:
            return  # stale: a newer call of this callback owns its outputs now
        del self.executing[pending.key]
        self._track_loading(call, started=False)
        triggered: list[PendingCallback] = []
        try:
            _, running_off = running_updates(pending.spec)
            updates = self._side_pairs(running_off, pending) if running_off else []
            if error is not None:
                self._report_callback_error(call, error)
                self._record(pending, set())
            elif response is None:
                self._record(pending, set())  # PreventUpdate, or every output was no_update
            else:
                updates += self._updates_from_response(response)
                updated = {
                    f"{stringify_id(k)}.{p}"
                    for k, props in (response.get("response") or {}).items()
                    if isinstance(props, dict)
                    for p in props
                }
                self._record(pending, {_normal_prop_id(u) for u in updated})
            # One batch: running= values restored, outputs and set_props, then one render.
            predecessors = (*pending.predecessors, pending.spec)
            triggered = self._apply_updates(updates, predecessors)
        except Exception as exc:  # a bug of ours must not stop the page
            self._report(
                f"wasmdash failed to apply the response of {pending.spec.describe()}: "
                f"{type(exc).__name__}: {exc}",
                "".join(_traceback.format_exception(exc)),
            )
        try:
            self._request(triggered)
        except Exception as exc:  # never leave the queue waiting on a task that died
            self._report(
                f"wasmdash failed to schedule callbacks after {pending.spec.describe()}: "
                f"{type(exc).__name__}: {exc}",
                "".join(_traceback.format_exception(exc)),
            )
            if not self.requested and not self.executing:
                self._idle_event().set()
        self._flush()

    def _report_callback_error(self, call: _Call, error: BaseException) -> None:
        spec = call.pending.spec
        if spec.no_output:
            where = "Callback error with no output from input " + ", ".join(call.pending.changed)
        else:
            outputs = call.body.get("outputs")
            flat = outputs if isinstance(outputs, list) else [outputs]
            names = []
            for item in flat:
                for out in item if isinstance(item, list) else [item]:
                    if isinstance(out, dict):
                        names.append(f"{stringify_id(out.get('id'))}.{out.get('property')}")
            where = "Callback error updating " + ", ".join(names or [spec.output])
        if spec.clientside_function:
            fn = spec.clientside_function
            where += f" via clientside function {fn.get('namespace')}.{fn.get('function_name')}"
        tb = getattr(error, "traceback", None)
        if tb is None and not _is_callback_error(error):
            tb = "".join(_traceback.format_exception(error))
        self._report(f"{where}\n{error}", tb)

    def _report(self, message: str, tb: str | None) -> None:
        try:
            self.report_error(message, tb)
        except Exception:  # the reporter itself failed: keep going, say it in the log
            logger.exception("report_error failed for: %s", message)


def _normal_prop_id(prop_id: str) -> str:
    component_id, prop = split_prop_id(prop_id)
    return f"{stringify_id(component_id)}.{prop}"


def _is_callback_error(error: BaseException) -> bool:
    try:
        from .exceptions import CallbackError
    except ImportError:  # pragma: no cover - the api helper's module is missing
        return False
    return isinstance(error, CallbackError)


def _holds_components(value: Any) -> bool:
    """Does a prop value contain a component (so paths below it must be re-indexed)?"""
    if not isinstance(value, (dict, list)):
        return False
    for _ in walk(value):
        return True
    return False


def _is_patch(value: Any) -> bool:
    return isinstance(value, dict) and "__dash_patch_update" in value


def _apply_patch(old: Any, patch_json: dict[str, Any]) -> Any:
    from .patch import apply_patch  # lazily: most apps never send a Patch

    return apply_patch(old, patch_json)
