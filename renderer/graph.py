"""The callback graph: which callbacks an ``(id, prop)`` triggers, who owns an output, and cycles.

:func:`build` turns ``_dash-dependencies`` (plain wire dicts) into a :class:`Graph` and a list of
:class:`GraphError` (errors as data: the caller decides to raise, show the overlay, or collect).

A callback that reads one of its own outputs (a slider and an input kept in sync by one callback) is
not a cycle: the scheduler never lets a callback re-trigger itself. A loop through two or more
callbacks is refused with an error naming each callback in it by its output string.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable

from ._wire import DependencyJSON
from .ids import parse_id, split_outputs, split_prop_id, strip_duplicate_suffix, stringify_id
from .patterns import id_matches, is_multi, is_pattern, key_string, match_keys, wildcard_of

__all__ = ["Dependency", "CallbackSpec", "Graph", "GraphError", "build"]


@dataclass(frozen=True)
class Dependency:
    """One Output, Input or State of a callback as declared (the id may hold wildcards).

    ``prop`` is the clean property name; ``wire_prop`` keeps an ``@hash`` suffix
    (``allow_duplicate=True`` outputs), which request bodies carry as Dash's renderer does.
    """

    id: Any
    prop: str
    wire_prop: str
    allow_optional: bool = False

    @cached_property
    def id_str(self) -> str:
        return stringify_id(self.id)

    @cached_property
    def prop_id(self) -> str:
        return f"{self.id_str}.{self.prop}"

    @cached_property
    def is_pattern(self) -> bool:
        return is_pattern(self.id)

    @cached_property
    def is_multi(self) -> bool:
        return is_multi(self.id)

    def could_be(self, other: Dependency) -> bool:
        """Could this spec and ``other`` name the same component prop (wildcards overlap)?"""
        if self.prop != other.prop:
            return False
        a, b = self.id, other.id
        if isinstance(a, dict) != isinstance(b, dict):
            return False
        if not isinstance(a, dict):
            return a == b
        if set(a) != set(b):
            return False
        return all(wildcard_of(a[k]) or wildcard_of(b[k]) or a[k] == b[k] for k in a)


@dataclass(frozen=True, eq=False)
class CallbackSpec:
    """One callback from ``_dash-dependencies``, parsed. Identity is the object (and ``index``)."""

    index: int
    output: str
    outputs: tuple[Dependency, ...]
    inputs: tuple[Dependency, ...]
    state: tuple[Dependency, ...]
    prevent_initial_call: bool
    no_output: bool
    clientside_function: dict[str, Any] | None
    running: list[Any] | None
    raw: dict[str, Any] = field(repr=False)

    @cached_property
    def match_keys(self) -> tuple[str, ...]:
        """MATCH keys of the outputs (all outputs share them), or of the inputs without outputs."""
        for dep in self.outputs:
            return match_keys(dep.id)
        for dep in self.inputs:
            keys = match_keys(dep.id)
            if keys:
                return keys
        return ()

    @cached_property
    def first_single_output(self) -> Dependency | None:
        """The first output that names one component per call (no ALL/ALLSMALLER)."""
        for dep in self.outputs:
            if not dep.is_multi:
                return dep
        return None

    @cached_property
    def is_multi_output(self) -> bool:
        """Was it declared with several outputs (or a list of outputs)? Decides ``outputs``' shape."""
        return self.output.startswith("..") and self.output.endswith("..")

    def describe(self) -> str:
        """How error texts name this callback: its output string (Dash's way)."""
        if self.no_output:
            inputs = ", ".join(d.prop_id for d in self.inputs)
            return f"callback with no output from input {inputs}"
        return ", ".join(f"{d.id_str}.{d.wire_prop}" for d in self.outputs)


@dataclass(frozen=True)
class GraphError:
    """A problem found in the dependencies: a headline and lines of detail, like dash-renderer's."""

    message: str
    lines: tuple[str, ...] = ()
    callbacks: tuple[str, ...] = ()

    def __str__(self) -> str:
        return "\n".join((self.message, *self.lines))


class Graph:
    """Lookups from a prop to the callbacks reading or writing it."""

    def __init__(self, callbacks: list[CallbackSpec]) -> None:
        self.callbacks = callbacks
        #: id string -> prop -> [(Input spec, callback)]
        self.input_map: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]] = {}
        #: id string -> prop -> [(Output spec, callback)]
        self.output_map: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]] = {}
        #: key family -> prop -> [(pattern dependency, callback)]
        self.input_patterns: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]] = {}
        self.output_patterns: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]] = {}
        for spec in callbacks:
            for dep in spec.inputs:
                _add(self.input_map, self.input_patterns, dep, spec)
            for dep in spec.outputs:
                _add(self.output_map, self.output_patterns, dep, spec)

    def readers_of(self, component_id: Any, prop: str) -> list[tuple[Dependency, CallbackSpec]]:
        """The (Input spec, callback) pairs an ``(id, prop)`` may trigger (patterns unresolved)."""
        return self._lookup(self.input_map, self.input_patterns, component_id, prop)

    def writers_of(self, component_id: Any, prop: str) -> list[tuple[Dependency, CallbackSpec]]:
        """The (Output spec, callback) pairs that may write an ``(id, prop)``."""
        return self._lookup(self.output_map, self.output_patterns, component_id, prop)

    @staticmethod
    def _lookup(
        plain: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]],
        patterns: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]],
        component_id: Any,
        prop: str,
    ) -> list[tuple[Dependency, CallbackSpec]]:
        if isinstance(component_id, dict):
            found = patterns.get(key_string(component_id), {}).get(prop, [])
            return [(dep, spec) for dep, spec in found if id_matches(dep.id, component_id)]
        return list(plain.get(str(component_id), {}).get(prop, []))

    def input_props_of(self, component_id: Any) -> dict[str, Any]:
        """prop -> entries for every Input naming this id (string ids) or its family (dict ids)."""
        if isinstance(component_id, dict):
            return self.input_patterns.get(key_string(component_id), {})
        return self.input_map.get(str(component_id), {})

    def output_props_of(self, component_id: Any) -> dict[str, Any]:
        """prop -> entries for every Output naming this id or its family."""
        if isinstance(component_id, dict):
            return self.output_patterns.get(key_string(component_id), {})
        return self.output_map.get(str(component_id), {})


def _add(
    plain: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]],
    patterns: dict[str, dict[str, list[tuple[Dependency, CallbackSpec]]]],
    dep: Dependency,
    spec: CallbackSpec,
) -> None:
    if isinstance(dep.id, dict):
        bucket = patterns.setdefault(key_string(dep.id), {}).setdefault(dep.prop, [])
    else:
        bucket = plain.setdefault(dep.id_str, {}).setdefault(dep.prop, [])
    # One entry per callback: a callback naming a prop twice is still triggered once.
    if not any(s is spec and (d.id == dep.id) for d, s in bucket):
        bucket.append((dep, spec))


def _parse_dependency(raw: Any, where: str) -> Dependency:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not raw.get("property"):
        raise ValueError(f"{where}: expected {{'id': str, 'property': str}}, got {raw!r:.200}")
    wire_prop = str(raw["property"])
    return Dependency(
        id=parse_id(raw["id"]),
        prop=strip_duplicate_suffix(wire_prop),
        wire_prop=wire_prop,
        allow_optional=bool(raw.get("allow_optional", False)),
    )


def _parse_callback(index: int, raw: DependencyJSON) -> CallbackSpec:
    where = f"dependencies[{index}]"
    output = raw.get("output")
    if not isinstance(output, str):
        raise ValueError(f"{where}.output: expected a string, got {output!r:.200}")
    no_output = bool(raw.get("no_output", False))
    outputs: list[Dependency] = []
    if not no_output:
        for j, part in enumerate(split_outputs(output)):
            component_id, wire_prop = split_prop_id(part)
            outputs.append(
                Dependency(
                    id=component_id if isinstance(component_id, dict) else str(component_id),
                    prop=strip_duplicate_suffix(wire_prop),
                    wire_prop=wire_prop,
                )
            )
    inputs = [_parse_dependency(d, f"{where}.inputs[{j}]") for j, d in enumerate(raw.get("inputs") or [])]
    state = [_parse_dependency(d, f"{where}.state[{j}]") for j, d in enumerate(raw.get("state") or [])]
    return CallbackSpec(
        index=index,
        output=output,
        outputs=tuple(outputs),
        inputs=tuple(inputs),
        state=tuple(state),
        prevent_initial_call=bool(raw.get("prevent_initial_call", False)),
        no_output=no_output,
        clientside_function=raw.get("clientside_function"),
        running=raw.get("running"),
        raw=dict(raw),
    )


def build(dependencies: Iterable[DependencyJSON]) -> tuple[Graph, list[GraphError]]:
    """Parse ``_dash-dependencies`` into a :class:`Graph`; problems come back as data.

    Returns:
        The graph (malformed callbacks are left out of it) and the errors found: malformed entries,
        outputs written by two callbacks without ``allow_duplicate``, and cycles across callbacks.
    """
    errors: list[GraphError] = []
    callbacks: list[CallbackSpec] = []
    for index, raw in enumerate(dependencies):
        try:
            callbacks.append(_parse_callback(index, raw))
        except ValueError as exc:
            errors.append(GraphError("Malformed callback in _dash-dependencies", (str(exc),)))
    errors += _duplicate_outputs(callbacks)
    errors += _cycles(callbacks)
    return Graph(callbacks), errors


def _duplicate_outputs(callbacks: list[CallbackSpec]) -> list[GraphError]:
    owners: dict[str, CallbackSpec] = {}
    errors = []
    for spec in callbacks:
        for dep in spec.outputs:
            key = f"{dep.id_str}.{dep.wire_prop}"
            if key in owners and owners[key] is not spec:
                errors.append(
                    GraphError(
                        "Duplicate callback outputs",
                        (
                            f"Output `{key}` is written by more than one callback:",
                            f"  {owners[key].describe()}",
                            f"  {spec.describe()}",
                            "To let several callbacks write one output, pass "
                            "Output(..., allow_duplicate=True) in all but one of them.",
                        ),
                        (owners[key].output, spec.output),
                    )
                )
            owners.setdefault(key, spec)
    return errors


def _cycles(callbacks: list[CallbackSpec]) -> list[GraphError]:
    """Loops through two or more callbacks (Tarjan's strongly connected components)."""
    edges: dict[int, list[int]] = {spec.index: [] for spec in callbacks}
    by_index = {spec.index: spec for spec in callbacks}
    # Bucket outputs by prop and id (or key family) so big apps need no all-pairs scan.
    writers: dict[tuple[str, str], list[tuple[Dependency, CallbackSpec]]] = {}
    for a in callbacks:
        for out in a.outputs:
            writers.setdefault(_bucket(out), []).append((out, a))
    for b in callbacks:
        sources: set[int] = set()
        for i in b.inputs:
            for out, a in writers.get(_bucket(i), ()):
                # Reading your own output is allowed (slider <-> input in one callback).
                if a is not b and a.index not in sources and out.could_be(i):
                    sources.add(a.index)
        for source in sorted(sources):
            edges[source].append(b.index)

    counter = 0
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    stack: list[int] = []
    on_stack: set[int] = set()
    components: list[list[int]] = []

    def visit(start: int) -> None:
        # Iterative Tarjan: Pyodide's recursion limit is small and graphs can be long chains.
        nonlocal counter
        work: list[tuple[int, int]] = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                order[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = edges[node]
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in order:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
                continue
            if low[node] == order[node]:
                component = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    component.append(top)
                    if top == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])

    for spec in callbacks:
        if spec.index not in order:
            visit(spec.index)

    errors = []
    for component in components:
        if len(component) < 2:
            continue
        members = sorted(component)
        chain = _cycle_path(members, edges)
        names = [by_index[i].output for i in chain]
        errors.append(
            GraphError(
                "Circular Dependencies",
                (
                    "Dependency Cycle Found: " + " -> ".join(names + names[:1]),
                    "Each of these callbacks writes an input of the next one, so they would "
                    "trigger each other forever:",
                    *(f"  {by_index[i].describe()}" for i in chain),
                ),
                tuple(names),
            )
        )
    return errors


def _bucket(dep: Dependency) -> tuple[str, str]:
    family = key_string(dep.id) if isinstance(dep.id, dict) else "=" + dep.id_str
    return dep.prop, family


def _cycle_path(members: list[int], edges: dict[int, list[int]]) -> list[int]:
    """One loop through the strongly connected ``members``, visiting as many as it can."""
    inside = set(members)
    path = [members[0]]
    seen = {members[0]}
    while True:
        nxt = next((t for t in edges[path[-1]] if t in inside and t not in seen), None)
        if nxt is None:
            break
        path.append(nxt)
        seen.add(nxt)
    # Members not on this simple path still belong to the loop; name them too.
    path += [m for m in members if m not in seen]
    return path

