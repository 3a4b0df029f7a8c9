"""The callback queue's decisions, made purely from data (no awaiting, no I/O).

What dash-renderer decides in its store observers, we decide here with plain functions over the
:class:`~wasmdash.graph.Graph`, the :class:`~wasmdash.paths.PathIndex` and the layout:

* :func:`triggered_by` -- which callbacks a changed ``(id, prop)`` triggers (``changedPropIds``);
* :func:`layout_callbacks` -- the calls a layout (first load) or an inserted subtree asks for,
  with ``prevent_initial_call`` and the rule that a callback whose input is inserted while its
  output already existed fires as if the input changed;
* :func:`initial_callbacks` -- the first load's calls;
* :func:`merge_requested` -- one request per callback per settled set of inputs;
* :func:`ready_callbacks` -- a call waits while any of its inputs may still be written (directly or
  down a chain) by a call still requested or running;
* :func:`prune_group` -- drops a layout call whose inputs were all to be written by calls that then
  prevented their update (PreventUpdate stops a chain on first load too);
* :func:`build_request` -- the ``_dash-update-component`` body, exactly as dash-renderer builds it.

``runtime.py`` owns the state and does the awaiting.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Iterable

from ._wire import CallbackRequest, ComponentId, ComponentJSON, Path
from .graph import CallbackSpec, Dependency, Graph
from .ids import parse_id, split_prop_id, stringify_id
from .layout import get_component, walk
from .paths import PathIndex
from .patterns import Reference, match_keys

__all__ = [
    "DIRECT",
    "INDIRECT",
    "PendingCallback",
    "Resolved",
    "CallbackReferenceError",
    "GroupRecord",
    "resolve",
    "outputs_of",
    "inputs_of",
    "triggered_by",
    "triggered_by_changes",
    "layout_callbacks",
    "initial_callbacks",
    "removed_array_callbacks",
    "merge_requested",
    "drop_circular",
    "drop_missing_outputs",
    "ready_callbacks",
    "ReachCache",
    "prune_group",
    "build_request",
    "running_updates",
]

#: The prop was changed in the page (or by a callback's response): dependants must run.
DIRECT = 2
#: The prop came with a new subtree: expected, not changed.
INDIRECT = 1

_group_ids = itertools.count(1)


@dataclass
class PendingCallback:
    """One resolved call of a callback in the queue.

    ``reference`` is the concrete id its wildcards resolve against (None for plain callbacks);
    ``changed`` maps each triggering ``"id.prop"`` to :data:`DIRECT` or :data:`INDIRECT`;
    ``group`` ties the calls one layout (or inserted subtree) asked for; ``predecessors`` are the
    callbacks whose responses led here, so a callback never re-triggers itself.
    """

    spec: CallbackSpec
    reference: Reference | None = None
    changed: dict[str, int] = field(default_factory=dict)
    initial_call: bool = False
    group: int | None = None
    predecessors: tuple[CallbackSpec, ...] = ()
    #: resolved Outputs/Inputs per index state (see :func:`outputs_of`)
    resolved: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def key(self) -> str:
        """Identity in the queue: the callback plus the MATCH values it was resolved for."""
        return self.spec.output + (self.reference.key if self.reference else "")


@dataclass(frozen=True)
class Resolved:
    """One concrete component prop a dependency resolved to."""

    id: ComponentId
    prop: str
    wire_prop: str
    path: Path

    @cached_property
    def prop_id(self) -> str:
        return f"{stringify_id(self.id)}.{self.prop}"


class CallbackReferenceError(LookupError):
    """A callback names a component that is not in the layout (or several where one is expected)."""


@dataclass
class GroupRecord:
    """What one finished call of a layout group could have written, and what it did write."""

    all_props: set[str]
    updated_props: set[str]


# -- resolution ---------------------------------------------------------------------------------
def resolve(dep: Dependency, index: PathIndex, reference: Reference | None = None) -> list[Resolved]:
    """The components a dependency names now: one or none for plain ids, any number for patterns."""
    if isinstance(dep.id, dict):
        return [Resolved(i, dep.prop, dep.wire_prop, p) for i, p in index.find(dep.id, reference)]
    path = index.path_of(dep.id)
    return [] if path is None else [Resolved(dep.id, dep.prop, dep.wire_prop, path)]


def _resolve_all(pending: PendingCallback, index: PathIndex, which: str) -> list[list[Resolved]]:
    # Resolution is pure in (call, index state): remember it until the index changes.
    key = (id(index), index.version, which)
    found = pending.resolved.get(key)
    if found is None:
        deps = pending.spec.outputs if which == "outputs" else pending.spec.inputs
        found = [resolve(d, index, pending.reference) for d in deps]
        if len(pending.resolved) > 8:
            pending.resolved.clear()
        pending.resolved[key] = found
    return found


def outputs_of(pending: PendingCallback, index: PathIndex) -> list[list[Resolved]]:
    """What each Output names now (a list per Output)."""
    return _resolve_all(pending, index, "outputs")


def inputs_of(pending: PendingCallback, index: PathIndex) -> list[list[Resolved]]:
    """What each Input names now (a list per Input)."""
    return _resolve_all(pending, index, "inputs")


def _flat(groups: Iterable[list[Resolved]]) -> list[Resolved]:
    return [r for group in groups for r in group]


# -- triggering ---------------------------------------------------------------------------------
def _resolved_from_outputs(
    spec: CallbackSpec, index: PathIndex, reference: Reference | None
) -> list[PendingCallback]:
    """One call per concrete MATCH value set of the outputs (or one call when there is no MATCH)."""
    if not spec.match_keys or not spec.outputs:
        return [PendingCallback(spec, reference)]
    found: dict[str, PendingCallback] = {}
    single = spec.first_single_output
    candidates = [single] if single is not None else list(spec.outputs)
    for out in candidates:
        for resolved in resolve(out, index, reference):
            if not isinstance(resolved.id, dict):
                continue
            pending = PendingCallback(spec, Reference(out.id, resolved.id))
            found.setdefault(pending.key, pending)
    return list(found.values())


def triggered_by(
    graph: Graph, index: PathIndex, component_id: ComponentId, prop: str, change: int = DIRECT
) -> list[PendingCallback]:
    """The calls a change of ``component_id.prop`` triggers, each carrying it in ``changed``."""
    found: list[PendingCallback] = []
    for dep, spec in graph.readers_of(component_id, prop):
        reference = Reference(dep.id, component_id) if isinstance(component_id, dict) else None
        found += _resolved_from_outputs(spec, index, reference)
    changed_id = f"{stringify_id(component_id)}.{prop}"
    for pending in found:
        pending.changed[changed_id] = change
    return _dedupe(found)


def triggered_by_changes(graph: Graph, index: PathIndex, prop_ids: Iterable[str]) -> list[PendingCallback]:
    """The calls a set of changed ``"id.prop"`` strings triggers, one per callback (merged)."""
    found: list[PendingCallback] = []
    for text in prop_ids:
        component_id, prop = split_prop_id(text)
        found += triggered_by(graph, index, component_id, prop, DIRECT)
    return _dedupe(found)


def _by_output(
    graph: Graph, index: PathIndex, component_id: ComponentId, prop: str
) -> list[PendingCallback]:
    found = []
    for dep, spec in graph.writers_of(component_id, prop):
        reference = Reference(dep.id, component_id) if isinstance(component_id, dict) else None
        found.append(PendingCallback(spec, reference, initial_call=True))
    return found


def _dedupe(callbacks: Iterable[PendingCallback]) -> list[PendingCallback]:
    """Merge calls with one key: triggers are merged (strongest wins), initial if any was."""
    out: dict[str, PendingCallback] = {}
    for cb in callbacks:
        seen = out.get(cb.key)
        if seen is None:
            out[cb.key] = cb
            continue
        for prop_id, change in cb.changed.items():
            seen.changed[prop_id] = max(change, seen.changed.get(prop_id, 0))
        seen.initial_call = seen.initial_call or cb.initial_call
    return list(out.values())


def _is_under(path: Path, prefix: Path) -> bool:
    return path[: len(prefix)] == prefix


def layout_callbacks(
    graph: Graph,
    index: PathIndex,
    chunk: Any,
    *,
    chunk_path: Path | None = None,
    outputs_only: bool = False,
) -> list[PendingCallback]:
    """The calls a layout chunk asks for when it appears.

    Args:
        chunk: the whole layout (first load) or the value put at ``chunk_path`` (new children).
        chunk_path: where ``chunk`` was inserted, None for the first load.
        outputs_only: only look at outputs (first load: inputs there are initial values).

    Every callback with an output in the chunk gets its initial call unless
    ``prevent_initial_call``. When the chunk was inserted by a callback, a callback with an input
    in the chunk also fires as if that input changed, unless all its outputs came with the chunk
    (then ``prevent_initial_call`` holds, as in Dash). Calls left with no input in the layout, or
    whose inputs all come from such calls, are dropped.
    """
    start = chunk_path or ()
    found: list[PendingCallback] = []
    for _, component in walk(chunk, start):
        component_id = component["props"].get("id")
        if component_id is None or component_id == "":
            continue
        for prop in graph.output_props_of(component_id):
            for pending in _by_output(graph, index, component_id, prop):
                if not pending.spec.prevent_initial_call:
                    found.append(pending)
        if outputs_only:
            continue
        for prop in graph.input_props_of(component_id):
            for pending in triggered_by(graph, index, component_id, prop, INDIRECT):
                outs = _flat(outputs_of(pending, index))
                if chunk_path is not None and outs and all(_is_under(o.path, chunk_path) for o in outs):
                    continue
                found.append(pending)
    callbacks = _dedupe(found)
    callbacks = _exclude_without_inputs(callbacks, index)
    group = next(_group_ids)
    for cb in callbacks:
        cb.group = group
    return callbacks


def _exclude_without_inputs(callbacks: list[PendingCallback], index: PathIndex) -> list[PendingCallback]:
    """Drop calls whose inputs are all missing, or all outputs of calls dropped before (repeat)."""
    exclusions: set[str] = set()
    while True:
        kept, dropped = [], []
        for cb in callbacks:
            inputs = {r.prop_id for r in _flat(inputs_of(cb, index))}
            all_multi = all(d.is_multi for d in cb.spec.inputs)
            (kept if all_multi or inputs - exclusions else dropped).append(cb)
        if not dropped:
            return kept
        callbacks = kept
        for cb in dropped:
            exclusions |= {r.prop_id for r in _flat(outputs_of(cb, index))}


def initial_callbacks(graph: Graph, index: PathIndex, layout: ComponentJSON) -> list[PendingCallback]:
    """The first load's calls: by output in the layout, plus no-output and no-input callbacks."""
    callbacks = layout_callbacks(graph, index, layout, outputs_only=True)
    group = callbacks[0].group if callbacks else next(_group_ids)
    seen = {cb.key for cb in callbacks}
    for spec in graph.callbacks:
        if spec.prevent_initial_call:
            continue
        pending = PendingCallback(spec, None, initial_call=True, group=group)
        if pending.key in seen:
            continue
        if spec.no_output:
            match_input = next((d for d in spec.inputs if match_keys(d.id)), None)
            if match_input is not None:
                # One call per item, as if each MATCH input had triggered it (Dash would send all
                # items to a single-value input and fail).
                for resolved in resolve(match_input, index):
                    ref = Reference(match_input.id, resolved.id)  # type: ignore[arg-type]
                    callbacks.append(PendingCallback(spec, ref, initial_call=True, group=group))
            elif not spec.inputs or _flat(inputs_of(pending, index)):
                callbacks.append(pending)
        elif not spec.inputs and _flat(outputs_of(pending, index)):
            callbacks.append(pending)
    return callbacks


def removed_array_callbacks(
    graph: Graph,
    old_index: PathIndex,
    new_index: PathIndex,
    old_chunk: Any,
    chunk_path: Path,
) -> list[PendingCallback]:
    """Callbacks with an ALL/ALLSMALLER input that lost items when ``old_chunk`` was replaced.

    They fire with no trigger (the props that changed no longer exist), like Dash's "final call".
    """
    found: list[PendingCallback] = []
    for _, component in walk(old_chunk, chunk_path):
        component_id = component["props"].get("id")
        if not isinstance(component_id, dict):
            continue
        id_str = stringify_id(component_id)
        for prop in graph.input_props_of(component_id):
            for pending in triggered_by(graph, old_index, component_id, prop, INDIRECT):
                hits = any(
                    dep.is_multi and any(stringify_id(r.id) == id_str for r in group)
                    for dep, group in zip(pending.spec.inputs, inputs_of(pending, old_index))
                )
                if hits and _flat(outputs_of(pending, new_index)):
                    pending.initial_call = True
                    pending.changed = {}
                    found.append(pending)
    return _dedupe(found)


# -- the queue ----------------------------------------------------------------------------------
def merge_requested(callbacks: Iterable[PendingCallback]) -> list[PendingCallback]:
    """One call per key; a triggered call replaces an initial one; triggers are merged, newest last."""
    groups: dict[str, list[PendingCallback]] = {}
    for cb in callbacks:
        groups.setdefault(cb.key, []).append(cb)
    out = []
    for group in groups.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        triggered = [cb for cb in group if not cb.initial_call]
        if not triggered:
            out.append(group[-1])
        elif len(triggered) == 1:
            out.append(triggered[0])
        else:
            changed: dict[str, int] = {}
            for cb in triggered:
                for prop_id, change in cb.changed.items():
                    changed[prop_id] = max(change, changed.get(prop_id, 0))
            groups_seen = [cb.group for cb in triggered if cb.group is not None]
            out.append(
                replace(triggered[-1], changed=changed, group=groups_seen[-1] if groups_seen else None)
            )
    return out


def drop_circular(callbacks: Iterable[PendingCallback]) -> list[PendingCallback]:
    """Calls that a callback's own response led back to are dropped (no loops)."""
    return [cb for cb in callbacks if not any(p is cb.spec for p in cb.predecessors)]


def drop_missing_outputs(callbacks: Iterable[PendingCallback], index: PathIndex) -> list[PendingCallback]:
    """Calls with a single-component output that is no longer in the layout are dropped."""
    kept = []
    for cb in callbacks:
        groups = outputs_of(cb, index)
        if any(not dep.is_multi and not group for dep, group in zip(cb.spec.outputs, groups)):
            continue
        kept.append(cb)
    return kept


def _subsequent_outputs(graph: Graph, index: PathIndex, pending: PendingCallback) -> set[str]:
    """Every prop this call may write, directly or through the callbacks its outputs trigger."""
    touched: set[str] = set()
    seen_keys: set[str] = set()
    frontier = [pending]
    while frontier:
        outputs: list[Resolved] = []
        for cb in frontier:
            if cb.key in seen_keys:
                continue
            seen_keys.add(cb.key)
            for out in _flat(outputs_of(cb, index)):
                if out.prop_id not in touched:
                    touched.add(out.prop_id)
                    outputs.append(out)
        frontier = []
        for out in outputs:
            frontier += triggered_by(graph, index, out.id, out.prop, INDIRECT)
    return touched


class ReachCache:
    """Remembers what each call may write (directly or down the chain) for one index version."""

    def __init__(self) -> None:
        self.version = -1
        self.reach: dict[str, frozenset[str]] = {}

    def get(self, graph: Graph, index: PathIndex, pending: PendingCallback) -> frozenset[str]:
        if self.version != index.version:
            self.version = index.version
            self.reach = {}
        found = self.reach.get(pending.key)
        if found is None:
            found = self.reach[pending.key] = frozenset(_subsequent_outputs(graph, index, pending))
        return found


def ready_callbacks(
    graph: Graph,
    index: PathIndex,
    candidates: list[PendingCallback],
    pending: list[PendingCallback],
    cache: ReachCache | None = None,
) -> list[PendingCallback]:
    """The candidates none of whose inputs (other than their own outputs) any pending call may write.

    ``pending`` is every call still requested or running (candidates included). ``cache`` keeps
    each call's reach between calls while the layout's paths do not change.
    """
    if not candidates:
        return []
    cache = cache or ReachCache()
    touched: set[str] = set()
    for cb in pending:
        touched |= cache.get(graph, index, cb)
    return [cb for cb in candidates if touched.isdisjoint(_waits_on(cb, index))]


def _waits_on(pending: PendingCallback, index: PathIndex) -> frozenset[str]:
    """The call's input prop ids that are not also its own outputs."""
    key = (id(index), index.version, "waits")
    found = pending.resolved.get(key)
    if found is None:
        own = {r.prop_id for r in _flat(outputs_of(pending, index))}
        found = frozenset(r.prop_id for r in _flat(inputs_of(pending, index))) - own
        pending.resolved[key] = found  # type: ignore[assignment]
    return found  # type: ignore[return-value]


def prune_group(
    ready: list[PendingCallback], records: dict[int, list[GroupRecord]], index: PathIndex
) -> list[PendingCallback]:
    """The ready calls of a layout group whose inputs its finished calls could, but did not, write.

    Returns the calls to drop: on first load a chain stops where a callback raised PreventUpdate.
    """
    dropped = []
    for cb in ready:
        done = records.get(cb.group) if cb.group is not None else None
        if not done:
            continue
        inputs = {r.prop_id for r in _flat(inputs_of(cb, index))}
        all_props = set().union(*(r.all_props for r in done))
        updated = set().union(*(r.updated_props for r in done))
        if (
            not inputs & updated
            and inputs <= all_props
            and not all(d.is_multi for d in cb.spec.inputs)
        ):
            dropped.append(cb)
    return dropped


# -- the request body ---------------------------------------------------------------------------
def _describe_id(component_id: Any) -> str:
    return f"`{component_id}`" if isinstance(component_id, str) else json.dumps(component_id)


def _missing_message(dep: Dependency, kind: str, spec: CallbackSpec, index: PathIndex) -> str:
    text = (
        f"A nonexistent object was used in an `{kind}` of a Dash callback. "
        f"The id of this object is {_describe_id(dep.id)} and the property is `{dep.prop}`."
    )
    if isinstance(dep.id, str):
        text += " The string ids in the current layout are: [" + ", ".join(index.string_ids()) + "]"
    return text + f"\nThis happened in the callback for {spec.describe()}."


def _values(
    deps: tuple[Dependency, ...],
    groups: list[list[Resolved]],
    layout: ComponentJSON,
    kind: str,
    spec: CallbackSpec,
    index: PathIndex,
) -> tuple[list[Any], list[str], int]:
    """The request entries for Inputs or States, the error texts, and how many lists were empty."""
    entries: list[Any] = []
    errors: list[str] = []
    empty_multi = 0
    for dep, group in zip(deps, groups):
        items = [_with_value(r, layout) for r in group]
        if dep.is_multi:
            empty_multi += not items
            entries.append(items)
        elif len(items) == 1:
            entries.append(items[0])
        elif not items and dep.allow_optional:
            entries.append({"id": dep.id, "property": dep.prop, "value": None})
        elif not items:
            errors.append(_missing_message(dep, kind, spec, index))
            entries.append(None)
        else:
            errors.append(
                f"Multiple objects were found for an `{kind}` of a callback that only takes one "
                f"value. The id spec is {_describe_id(dep.id)} and the property is `{dep.prop}`. "
                "The objects we found are: "
                + json.dumps([{"id": i["id"], "property": i["property"]} for i in items])
            )
            entries.append(items[0])
    return entries, errors, empty_multi


def _with_value(resolved: Resolved, layout: ComponentJSON) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": resolved.id, "property": resolved.prop}
    component = get_component(layout, resolved.path)
    # Dash leaves `value` out for props never set (JSON drops undefined).
    if component is not None and resolved.prop in component["props"]:
        entry["value"] = component["props"][resolved.prop]
    return entry


def build_request(
    pending: PendingCallback, layout: ComponentJSON, index: PathIndex
) -> CallbackRequest | None:
    """The ``_dash-update-component`` body for one call, or None when it must not run.

    None when every input is missing (a callback on components not in the layout yet) or when
    wildcard inputs are all empty and an output is missing.

    Raises:
        CallbackReferenceError: some inputs exist and others do not (without ``allow_optional``),
            or a state or output is missing, or several components match a single dependency.
    """
    spec = pending.spec
    inputs, errors, empty_multi = _values(
        spec.inputs, inputs_of(pending, index), layout, "Input", spec, index
    )
    if errors:
        if len(errors) + empty_multi == len(spec.inputs):
            return None
        raise CallbackReferenceError(errors[0])

    outputs: list[Any] = []
    output_errors = []
    for dep, group in zip(spec.outputs, outputs_of(pending, index)):
        items = [{"id": r.id, "property": r.wire_prop} for r in group]
        if dep.is_multi:
            outputs.append(items)
        elif len(items) == 1:
            outputs.append(items[0])
        else:
            output_errors.append(_missing_message(dep, "Output", spec, index))
            outputs.append(None)
    if output_errors:
        if any(isinstance(i, dict) or i for i in inputs):
            raise CallbackReferenceError(output_errors[0])
        return None

    body: dict[str, Any] = {
        "output": spec.output,
        "outputs": outputs if (spec.is_multi_output or spec.no_output) else outputs[0],
        "inputs": inputs,
        "changedPropIds": list(pending.changed),
    }
    if spec.state:
        state, state_errors, _ = _values(
            spec.state, [resolve(d, index, pending.reference) for d in spec.state], layout, "State", spec, index
        )
        if state_errors:
            raise CallbackReferenceError(state_errors[0])
        body["state"] = state
    return body  # type: ignore[return-value]


# -- running= -----------------------------------------------------------------------------------
def running_updates(spec: CallbackSpec) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """``running=`` as two sideUpdate-shaped dicts: props while running, and after.

    Accepts Dash's ``{"running": {"id.prop": v}, "runningOff": {...}}`` and the list form
    ``[[{"id", "property"}, on, off], ...]``.
    """
    running = spec.running
    on: dict[str, dict[str, Any]] = {}
    off: dict[str, dict[str, Any]] = {}
    if not running:
        return on, off
    if isinstance(running, dict):
        pairs = [(k, v, running.get("runningOff", {}).get(k)) for k, v in running.get("running", {}).items()]
        for key, value_on, value_off in pairs:
            component_id, prop = split_prop_id(key)
            on.setdefault(stringify_id(component_id), {})[prop] = value_on
            off.setdefault(stringify_id(component_id), {})[prop] = value_off
        return on, off
    for item in running:
        target, value_on, value_off = item
        if isinstance(target, dict):
            component_id = target.get("id")
            if isinstance(component_id, str):
                component_id = parse_id(component_id)
            prop = target.get("property")
        else:
            component_id, prop = split_prop_id(str(target))
        on.setdefault(stringify_id(component_id), {})[str(prop)] = value_on
        off.setdefault(stringify_id(component_id), {})[str(prop)] = value_off
    return on, off
