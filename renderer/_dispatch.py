"""One ``_dash-update-component`` request answered: the wire body in, a :class:`DispatchResult` out.

:meth:`wasmdash.app.Dash.dispatch` is the entry point (the server and the page's in-page
transport call it); this module holds its steps, plain code on the request body and the
registered :class:`~wasmdash._callbacks.CallbackSpec` it names:

1. :func:`find_callback`: the body is well formed, names a registered output, and sends what that
   callback declares (inputs, states, outputs, wildcards as arrays); else a 400/404 naming the field.
2. :func:`make_state`: what ``ctx`` answers during the call (triggers, values, groupings, request).
3. :func:`run_callback`: ``hooks.custom_data``, the call itself (sync, async or off the event loop,
   ``on_error``), and the answer: 200 with ``multi``/``sideUpdate``, 204, or a 500 naming the
   callback.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from . import _callbacks
from ._callbacks import CallbackSpec, NoUpdate, check_return_shape, describe_dep
from ._grouping import AttributeDict, make_grouping_by_index, map_grouping
from ._validate import RequestError, short_repr, validate_request
from .component import Component, to_json
from .ctx import CallbackState, context_value
from .dependencies import ALL, ALLSMALLER, DashDependency, Output
from .exceptions import CallbackException, InvalidCallbackReturnValue, PreventUpdate
from .ids import stringify_id, strip_duplicate_suffix

__all__ = ["DispatchResult", "RunSync", "find_callback", "make_state", "run_callback", "plotly_compatible"]

#: Failing callbacks are logged under the app module's name, where users look (and filter) for them.
logger = logging.getLogger("wasmdash.app")

#: Runs a sync function off the event loop (the server passes Starlette's ``run_in_threadpool``).
RunSync = Callable[[Callable[[], Any]], Awaitable[Any]]


@dataclass
class DispatchResult:
    """The answer to one ``_dash-update-component`` request.

    ``body`` is None for 204. ``headers`` is a list of ``(name, value)`` pairs (several
    ``set-cookie`` lines may appear).
    """

    status: int
    body: dict[str, Any] | None
    headers: list[tuple[str, str]] = field(default_factory=list)

    def unwrap(self) -> dict[str, Any] | None:
        """What a ``Transport`` returns: the body for 200, None for 204.

        Raises:
            CallbackError: for any other status, with the ``error`` text, the ``traceback`` (debug)
                and the ``callback`` output string from the body.
        """
        if self.status == 204:
            return None
        if self.status == 200:
            return self.body
        from .exceptions import CallbackError

        body = self.body or {}
        raise CallbackError(
            str(body.get("error") or f"callback request failed with HTTP {self.status}"),
            traceback=body.get("traceback"),
            callback=body.get("callback") or body.get("field"),
        )


class _CallbackFailed(Exception):
    """Internal: the user's callback raised (or returned something unusable)."""

    def __init__(self, spec: CallbackSpec, error: BaseException, tb: str) -> None:
        super().__init__(str(error))
        self.spec = spec
        self.error = error
        self.tb = tb


def find_callback(body: Any, callback_map: dict[str, CallbackSpec]) -> CallbackSpec | RequestError:
    """The callback a request body is for, or the error naming the request field at fault."""
    error = validate_request(body)
    if error is not None:
        return error
    spec = callback_map.get(body["output"])
    if spec is None:
        return _unknown_output(body["output"], list(callback_map))
    error = _check_against_spec(body, spec)
    return spec if error is None else error


async def run_callback(
    spec: CallbackSpec,
    body: dict[str, Any],
    state: CallbackState,
    *,
    on_error: Callable[[Exception], Any] | None = None,
    debug: bool = False,
    run_sync: RunSync | None = None,
) -> DispatchResult:
    """Call the user's function for one checked request and answer as Dash does.

    Args:
        spec: the callback (from :func:`find_callback`).
        body: the request body.
        state: from :func:`make_state`; ``ctx`` reads it during the call.
        on_error: the app's ``on_error`` (a callback's own one wins).
        debug: put the traceback in a 500's body.
        run_sync: runs a sync callback off the event loop; by default it is called directly.

    Returns:
        200 ``{"multi": true, "response": ..., "sideUpdate"?}``; 204 when nothing changes; 500
        ``{"error", "callback", "traceback"?}`` when the callback failed. Never raises for a failing
        callback.
    """
    try:
        await _run_custom_data_hooks(spec, state)
        value = await _call(spec, body, state, on_error, run_sync)
        response = _build_response(spec, body, state, value)
    except PreventUpdate:
        return DispatchResult(204, None, _headers(state))
    except _CallbackFailed as failed:
        return _failure(failed, state, debug)
    if response is None:
        return DispatchResult(204, None, _headers(state))
    return DispatchResult(200, response, _headers(state))


def _unknown_output(output: str, known: list[str]) -> RequestError:
    import difflib

    message = f"output: no callback has the output {output!r:.200}."
    close = difflib.get_close_matches(output, known, n=1)
    if close:
        message += f" Did you mean {close[0]!r}?"
    if known:
        message += " Known outputs: " + ", ".join(repr(k) for k in known[:20])
    return RequestError(message, "output", 404)


def _check_against_spec(body: dict[str, Any], spec: CallbackSpec) -> RequestError | None:
    """The first way ``body`` differs from what ``spec`` declares (counts, wildcard arrays, outputs)."""
    for name, deps in (("inputs", spec.inputs), ("state", spec.states)):
        items = body.get(name) or []
        if len(items) != len(deps):
            return RequestError(
                f"{name}: {spec.describe()} has {len(deps)} "
                f"{'Inputs' if name == 'inputs' else 'States'}, the request sent {len(items)}",
                name,
            )
        for i, (item, dep) in enumerate(zip(items, deps)):
            if _is_multi_dep(dep) and not isinstance(item, list):
                return RequestError(
                    f"{name}[{i}]: {describe_dep(dep)} has an ALL/ALLSMALLER wildcard, so it must be an array of "
                    f"matched components, got {short_repr(item)}",
                    f"{name}[{i}]",
                )
            if not _is_multi_dep(dep) and isinstance(item, list):
                return RequestError(
                    f"{name}[{i}]: {describe_dep(dep)} matches one component, so it must be an object, got an array",
                    f"{name}[{i}]",
                )
    outputs = body["outputs"]
    if spec.is_multi or not spec.has_output:
        expected = len(spec.outputs)
        if not spec.has_output:
            return None
        if not isinstance(outputs, list) or len(outputs) != expected:
            return RequestError(
                f"outputs: {spec.describe()} has {expected} outputs; expected an array of {expected}, got "
                f"{short_repr(outputs)}",
                "outputs",
            )
        pairs = list(enumerate(zip(outputs, spec.outputs)))
    else:
        pairs = [(None, (outputs, spec.outputs[0]))]
    for i, (item, dep) in pairs:
        path = "outputs" if i is None else f"outputs[{i}]"
        if _is_multi_dep(dep) != isinstance(item, list):
            kind = "an array of matched components" if _is_multi_dep(dep) else "an object"
            return RequestError(f"{path}: {describe_dep(dep)} expects {kind}, got {short_repr(item)}", path)
        for j, sub in enumerate(item if isinstance(item, list) else [item]):
            sub_path = f"{path}[{j}]" if isinstance(item, list) else path
            requested = Output(sub["id"], strip_duplicate_suffix(sub["property"]))
            if requested != dep:
                return RequestError(
                    f"{sub_path}: {short_repr(sub)} is not an output of {spec.describe()}",
                    sub_path,
                )
    return None


def make_state(body: dict[str, Any], spec: CallbackSpec, request: dict[str, Any]) -> CallbackState:
    """The ``CallbackState`` ``ctx`` answers from during the call (inputs, triggers, request info)."""
    inputs = body.get("inputs") or []
    states = body.get("state") or []
    input_values = _values_by_prop_id(inputs)
    changed = body.get("changedPropIds") or []
    triggered = [{"prop_id": p, "value": input_values.get(p)} for p in changed]
    state = CallbackState(
        inputs_list=inputs,
        states_list=states,
        outputs_list=body.get("outputs"),
        input_values=input_values,
        state_values=_values_by_prop_id(states),
        triggered_inputs=triggered,
        using_args_grouping=spec.using_args_grouping,
        using_outputs_grouping=spec.using_outputs_grouping,
        cookies=dict(request.get("cookies") or {}),
        headers=dict(request.get("headers") or {}),
        path=request.get("path", ""),
        args=dict(request.get("args") or {}),
        remote=request.get("remote", ""),
        origin=request.get("origin", ""),
    )
    if spec.is_multi and isinstance(body.get("outputs"), list):
        outputs = body["outputs"]
        state.outputs_grouping = map_grouping(
            lambda index: outputs[index], make_grouping_by_index(spec.output, list(range(len(outputs))))
        )
    else:
        state.outputs_grouping = body.get("outputs")
    changed_set = set(changed)
    flat_items = list(inputs) + list(states)
    state.args_grouping = map_grouping(
        lambda index: _args_group_item(flat_items[index], changed_set), spec.args_indices
    )
    return state


async def _run_custom_data_hooks(spec: CallbackSpec, state: CallbackState) -> None:
    """Fill ``ctx.custom_data`` from the ``hooks.custom_data`` functions, before the call."""
    from .ctx import hooks

    for namespace, hook in hooks.custom_data_hooks():
        try:
            value = hook(state)
            if inspect.isawaitable(value):
                value = await value
        except Exception as error:  # noqa: BLE001 - a user's hook may raise anything
            name = getattr(hook, "__name__", repr(hook))
            raise _CallbackFailed(
                spec,
                CallbackException(
                    f"the custom_data hook `{name}` for namespace {namespace!r} raised "
                    f"{type(error).__name__}: {error} (before {spec.describe()})"
                ),
                traceback.format_exc(),
            ) from error
        state.custom_data[namespace] = value


async def _call(
    spec: CallbackSpec,
    body: dict[str, Any],
    state: CallbackState,
    on_error: Callable[[Exception], Any] | None,
    run_sync: RunSync | None,
) -> Any:
    """The user's function called with the request's values, ``ctx`` answering from ``state``."""
    if spec.func is None:
        raise _CallbackFailed(
            spec,
            CallbackException(f"{spec.describe()} is a clientside callback; it runs in the page, not here."),
            "",
        )
    flat_values = [_item_value(item) for item in (body.get("inputs") or []) + (body.get("state") or [])]
    grouped = map_grouping(lambda index: flat_values[index], spec.args_indices)
    if spec.uses_kwargs:
        args: list[Any] = []
        kwargs: dict[str, Any] = dict(grouped)
    elif isinstance(spec.args_indices, list):
        args, kwargs = list(grouped), {}
    else:
        args, kwargs = [grouped], {}
    func = spec.func
    progress = spec.extra.get("progress") if spec.extra.get("background") else None
    if progress is not None:
        # Background callbacks (Dash) take set_progress first. Here they run like any other
        # callback, so progress values arrive with the result, as set_props updates.
        args.insert(0, _set_progress_for(progress))

    def call_sync() -> Any:
        token = context_value.set(state)
        try:
            return func(*args, **kwargs)
        finally:
            context_value.reset(token)

    try:
        if inspect.iscoroutinefunction(func):
            token = context_value.set(state)
            try:
                return await func(*args, **kwargs)
            finally:
                context_value.reset(token)
        if run_sync is not None:
            result = await run_sync(call_sync)
        else:
            result = call_sync()
        if inspect.isawaitable(result):  # a sync wrapper around a coroutine function
            token = context_value.set(state)
            try:
                return await result
            finally:
                context_value.reset(token)
        return result
    except PreventUpdate:
        raise
    except Exception as error:  # noqa: BLE001 - the user's callback may raise anything
        handler = spec.extra.get("on_error") or on_error
        if handler is None:
            raise _CallbackFailed(spec, error, traceback.format_exc()) from error
        return _handle_error(spec, state, handler, error)


def _handle_error(spec: CallbackSpec, state: CallbackState, handler: Callable[..., Any], error: Exception) -> Any:
    """Dash's ``on_error``: its return value replaces the outputs (None: leave them as they are)."""
    token = context_value.set(state)
    try:
        value = handler(error)
    except PreventUpdate:
        raise
    except Exception as handler_error:  # noqa: BLE001
        raise _CallbackFailed(spec, handler_error, traceback.format_exc()) from handler_error
    finally:
        context_value.reset(token)
    if value is None and spec.has_output:
        return _callbacks.no_update
    return value


def _build_response(
    spec: CallbackSpec, body: dict[str, Any], state: CallbackState, value: Any
) -> dict[str, Any] | None:
    response: dict[str, dict[str, Any]] = {}
    try:
        if spec.has_output:
            values = check_return_shape(spec, value)
            outputs = body["outputs"] if spec.is_multi else [body["outputs"]]
            for dep, out_spec, out_value in zip(spec.outputs, outputs, values):
                if NoUpdate.is_no_update(out_value):
                    continue
                if isinstance(out_spec, list):
                    if not isinstance(out_value, (list, tuple)) or len(out_value) != len(out_spec):
                        raise InvalidCallbackReturnValue(
                            f"{spec.describe()} must return a list of {len(out_spec)} values for "
                            f"{describe_dep(dep)} (one per matched component), got {short_repr(out_value)}"
                        )
                    pairs = list(zip(out_spec, out_value))
                else:
                    pairs = [(out_spec, out_value)]
                for item, item_value in pairs:
                    if NoUpdate.is_no_update(item_value):
                        continue
                    prop = strip_duplicate_suffix(item["property"])
                    response.setdefault(stringify_id(item["id"]), {})[prop] = _serialize(
                        spec, dep, item_value
                    )
        elif value is not None:
            raise InvalidCallbackReturnValue(
                f"{spec.describe()} has no outputs, so it must return None; it returned "
                f"{short_repr(value)}. Use set_props() to update components from it."
            )
        side = {
            key: {prop: _serialize(spec, f"set_props({key!r})", v) for prop, v in props.items()}
            for key, props in state.updated_props.items()
        }
    except InvalidCallbackReturnValue as error:
        raise _CallbackFailed(spec, error, "") from error
    if not response and not side:
        return None
    result: dict[str, Any] = {"multi": True, "response": response}
    if side:
        result["sideUpdate"] = side
    return result


def _serialize(spec: CallbackSpec, dep: Any, value: Any) -> Any:
    try:
        return to_json(value)
    except TypeError:
        pass
    try:
        # Values Dash's JSON encoder (plotly's) also accepts: dates and times, Decimal, UUID.
        return to_json(plotly_compatible(value))
    except TypeError:
        raise InvalidCallbackReturnValue(
            f"{spec.describe()} returned a `{type(value).__name__}` for {describe_dep(dep)}: props must be str, int, "
            f"float, bool, None, list, dict or components.\nValue: {short_repr(value)}"
        ) from None


def _failure(failed: _CallbackFailed, state: CallbackState, debug: bool) -> DispatchResult:
    error = failed.error
    if isinstance(error, InvalidCallbackReturnValue):
        message = f"{type(error).__name__}: {error}"
    else:
        message = f"{failed.spec.describe()} raised {type(error).__name__}: {error}"
    logger.error("%s\n%s", message, failed.tb)
    body: dict[str, Any] = {"error": message, "callback": failed.spec.output_id}
    if debug and failed.tb:
        body["traceback"] = failed.tb
    return DispatchResult(500, body, _headers(state))


def _headers(state: CallbackState) -> list[tuple[str, str]]:
    headers = state.response.header_items()
    for name, info in state.timing_information.items():
        # One header per entry, desc before dur, exactly as Dash writes them.
        value = name
        if info.get("desc") is not None:
            value += f';desc="{info["desc"]}"'
        if info.get("dur") is not None:
            value += f";dur={info['dur']}"
        headers.append(("Server-Timing", value))
    return headers


def plotly_compatible(value: Any) -> Any:
    """``value`` with dates/times as ISO text and Decimal as float, as plotly's encoder does."""
    import datetime
    import decimal
    import uuid

    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: plotly_compatible(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plotly_compatible(v) for v in value]
    if isinstance(value, Component):
        return type(value)(**{k: plotly_compatible(v) for k, v in value._props.items()})
    return value


def _set_progress_for(progress: Any) -> Callable[[Any], None]:
    """The ``set_progress`` a background callback receives: sets its ``progress`` Output(s)."""
    from .ctx import set_props

    outputs = list(progress) if isinstance(progress, (list, tuple)) else [progress]

    def set_progress(value: Any) -> None:
        values = list(value) if len(outputs) > 1 else [value]
        for dep, item in zip(outputs, values):
            set_props(dep.component_id, {dep.component_property: item})

    return set_progress


def _is_multi_dep(dep: DashDependency) -> bool:
    return isinstance(dep.component_id, dict) and any(
        v is ALL or v is ALLSMALLER for v in dep.component_id.values()
    )


def _values_by_prop_id(items: list[Any]) -> AttributeDict:
    values = AttributeDict()
    for item in items:
        for sub in item if isinstance(item, list) else [item]:
            values[f"{stringify_id(sub['id'])}.{sub['property']}"] = sub.get("value")
    return values


def _item_value(item: Any) -> Any:
    if isinstance(item, list):
        return [sub.get("value") for sub in item]
    return item.get("value")


def _args_group_item(item: Any, changed: set[str]) -> Any:
    if isinstance(item, list):
        return [_args_group_item(sub, changed) for sub in item]
    id_str = stringify_id(item["id"])
    component_id = item["id"]
    return AttributeDict(
        id=AttributeDict(component_id) if isinstance(component_id, dict) else component_id,
        id_str=id_str,
        str_id=id_str,
        property=item["property"],
        value=item.get("value"),
        triggered=f"{id_str}.{item['property']}" in changed,
    )
