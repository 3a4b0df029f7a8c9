"""Diff two VNode trees into the DOM operations that turn one into the other.

The old tree is what the page shows (every node has a ref); the new tree has no refs yet. The diff
gives each kept node its old ref, new nodes fresh refs, and appends ops (format: ``vdom.py``).

Children are matched by key first (a component's ``key`` or stringified ``id``), then unkeyed
children of the same tag in order. Matched children that are already in increasing order (the
longest increasing subsequence of their old positions) stay put; only the others move, so moving
one keyed child is one ``move`` op, as in preact.
"""

from __future__ import annotations

from typing import Any, Protocol

from ._seams import Op
from .vdom import COMMENT, TEXT, VNode, to_spec

__all__ = ["diff", "diff_into", "match_children", "RefSource", "RefTable"]


class RefSource(Protocol):
    """What the diff needs from its owner: fresh refs and the ref -> node index."""

    nodes: dict[int, VNode]

    def new_ref(self) -> int: ...

    def assign_refs(self, node: VNode) -> None: ...

    def forget(self, node: VNode) -> None: ...


class RefTable:
    """Fresh refs and the ref -> node index: a ``RefSource`` of its own.

    :func:`diff` uses one when given no owner; ``wasmdash.view.DomView`` builds on it.
    """

    def __init__(self, start: int = 1) -> None:
        self.nodes: dict[int, VNode] = {}
        self._next_ref = start

    def new_ref(self) -> int:
        ref = self._next_ref
        self._next_ref += 1
        return ref

    def assign_refs(self, node: VNode) -> None:
        """Give every node of the subtree that has no ref a fresh one, and index them all."""
        for each in node.walk():
            if not each.ref:
                each.ref = self.new_ref()
            self.nodes[each.ref] = each

    def forget(self, node: VNode) -> None:
        """Drop the subtree's refs from the index (the page removed those nodes)."""
        for each in node.walk():
            self.nodes.pop(each.ref, None)


def diff(old: VNode, new: VNode, refs: RefSource | None = None) -> list[Op]:
    """Ops turning ``old`` (rendered, refs set) into ``new``; ``new`` receives the refs."""
    if refs is None:
        refs = RefTable(1 + max((n.ref for n in old.walk()), default=0))
    ops: list[Op] = []
    diff_into(old, new, ops, refs)
    return ops


def diff_into(old: VNode, new: VNode, ops: list[Op], refs: RefSource) -> None:
    """Append to ``ops`` what turns ``old`` into ``new``."""
    if not _same_kind(old, new):
        refs.forget(old)
        refs.assign_refs(new)
        ops.append(["replace", old.ref, to_spec(new)])
        return
    new.ref = old.ref
    refs.nodes[new.ref] = new
    if new.tag == TEXT:
        if new.text != old.text:
            ops.append(["text", new.ref, new.text])
        return
    if new.tag == COMMENT:
        return
    _diff_attrs(old, new, ops)
    _diff_style(old, new, ops)
    _diff_props(old, new, ops)
    _diff_children(old, new, ops, refs)


def _same_kind(old: VNode, new: VNode) -> bool:
    return old.tag == new.tag and old.key == new.key and old.type == new.type


def _diff_attrs(old: VNode, new: VNode, ops: list[Op]) -> None:
    for name, value in new.attrs.items():
        if old.attrs.get(name) != value:
            ops.append(["setAttr", new.ref, name, value])
    for name in old.attrs:
        if name not in new.attrs:
            ops.append(["removeAttr", new.ref, name])


def _diff_style(old: VNode, new: VNode, ops: list[Op]) -> None:
    changes: dict[str, str | None] = {}
    for name, value in new.style.items():
        if old.style.get(name) != value:
            changes[name] = value
    for name in old.style:
        if name not in new.style:
            changes[name] = None
    if changes:
        ops.append(["style", new.ref, changes])


def _diff_props(old: VNode, new: VNode, ops: list[Op]) -> None:
    # A DOM property is written only when the rendered value changed. ``old.props`` holds what the
    # page shows as far as the store knows: events.sync_after_change updates it when the user types,
    # so the store catching up with the DOM never echoes a value back into a focused input.
    for name, value in new.props.items():
        if name not in old.props or not _equal(old.props[name], value):
            ops.append(["setProp", new.ref, name, value])
    for name in old.props:
        if name not in new.props:
            ops.append(["setProp", new.ref, name, _PROP_RESET.get(name)])


_PROP_RESET: dict[str, Any] = {"value": "", "checked": False, "selected": False, "indeterminate": False}


def _equal(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _diff_children(old: VNode, new: VNode, ops: list[Op], refs: RefSource) -> None:
    old_children = old.children
    new_children = new.children
    if not old_children and not new_children:
        return
    parent_ref = new.ref
    for child in new_children:
        child.parent = new

    # 1. match new children to old ones
    matched = match_children(old_children, new_children)
    used = {i for i in matched if i is not None}

    # 2. remove old children nobody matched
    for i, child in enumerate(old_children):
        if i not in used:
            refs.forget(child)
            ops.append(["remove", child.ref])

    # 3. children already in order stay; the rest move; new ones are inserted (right to left, so
    #    every ``before`` ref is already in place when the op runs)
    stay = _longest_increasing([i for i in matched if i is not None])
    before: int | None = None
    for position in range(len(new_children) - 1, -1, -1):
        child = new_children[position]
        index = matched[position]
        if index is None:
            refs.assign_refs(child)
            ops.append(["insert", parent_ref, to_spec(child), before])
        else:
            old_child = old_children[index]
            diff_into(old_child, child, ops, refs)
            if index not in stay:
                ops.append(["move", parent_ref, child.ref, before])
        before = child.ref


def match_children(old_children: list[VNode], new_children: list[VNode]) -> list[int | None]:
    """For each new child, the index of the old child it updates (None: a new node).

    Keyed children match by key (and tag); unkeyed ones by tag, in order.
    """
    keyed = {c.key: i for i, c in enumerate(old_children) if c.key is not None}
    unkeyed: dict[str, list[int]] = {}
    for i, child in enumerate(old_children):
        if child.key is None:
            unkeyed.setdefault(child.tag, []).append(i)
    positions = {tag: 0 for tag in unkeyed}
    matched: list[int | None] = []
    used: set[int] = set()
    for child in new_children:
        index: int | None = None
        if child.key is not None:
            index = keyed.get(child.key)
            if index is not None and (index in used or old_children[index].tag != child.tag):
                index = None
        else:
            candidates = unkeyed.get(child.tag)
            if candidates is not None:
                pos = positions[child.tag]
                if pos < len(candidates):
                    index = candidates[pos]
                    positions[child.tag] = pos + 1
        if index is not None:
            used.add(index)
        matched.append(index)
    return matched


def _longest_increasing(values: list[int]) -> set[int]:
    """The values of one longest strictly increasing subsequence (patience sorting)."""
    if not values:
        return set()
    tails: list[int] = []  # index into values of the smallest tail of each length
    previous: list[int] = [-1] * len(values)
    import bisect

    tail_values: list[int] = []
    for i, value in enumerate(values):
        at = bisect.bisect_left(tail_values, value)
        if at > 0:
            previous[i] = tails[at - 1]
        if at == len(tails):
            tails.append(i)
            tail_values.append(value)
        else:
            tails[at] = i
            tail_values[at] = value
    out: set[int] = set()
    i = tails[-1]
    while i != -1:
        out.add(values[i])
        i = previous[i]
    return out
