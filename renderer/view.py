"""``DomView``: the page's view of the layout, kept as VNodes and updated as DOM op lists.

The runtime hands the view the layout (``render``) and the component paths that changed
(``update``); the view renders them through :mod:`wasmdash.vdom`'s rules, diffs each subtree with
:mod:`wasmdash.diff` and returns the ops (format: :mod:`wasmdash.vdom`) for ``static/patch.js``. It
also keeps what events need (ref -> node, path -> component root), widget UI state, and runs the
components' mount/update/unmount hooks.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from . import events
from ._seams import Clock, EventMessage, Op
from ._wire import ComponentJSON, Path
from .dcc._persistence import apply_persistence
from .diff import RefTable, diff_into
from .layout import get_in
from .vdom import VNode, is_component, render_layout, rules_for, to_spec

__all__ = ["DomView"]


def _same_component(node: VNode, component: Any) -> bool:
    """Is ``component`` (layout JSON) the one ``node`` shows: same type and id?"""
    if not is_component(component):
        return False
    return (
        component.get("type") == node.type
        and component.get("namespace") == node.namespace
        and (component.get("props") or {}).get("id") == (node.component or {}).get("id")
    )


def _props_changed(old: dict[str, Any], new: dict[str, Any], identity_props: tuple[str, ...]) -> bool:
    """Did a component's props change (by value, or by identity for command-like props)?"""
    return old != new or any(old.get(name) is not new.get(name) for name in identity_props if name in new)


class DomView(RefTable):
    """``_seams.View`` for the page: remembers the rendered VNode tree, diffs updates into ops.

    Args:
        report_error: where render problems go (unknown component types); defaults to logging.
        send: applies ops that arise outside ``render``/``update`` (a dropdown opening, a timer,
            writing ``localStorage``); the browser passes its ``Applier.apply``. Without it such ops
            wait for the next ``update``.
        page: what the page knows at start (``href``, ``storage`` snapshots), from ``loader.js``.
        hydrate: the mount point already holds the host's ``render_html`` of the layout; the first
            render adopts those nodes (a ``hydrate`` op) instead of replacing them.
    """

    def __init__(
        self,
        report_error: Callable[[str], None] | None = None,
        send: Callable[[list[Op]], None] | None = None,
        page: dict[str, Any] | None = None,
        hydrate: bool = False,
    ) -> None:
        super().__init__(start=1)  # new_ref, assign_refs and ``nodes`` (ref -> node, for events)
        self.hydrate = hydrate
        self.root: VNode | None = None
        self.by_path: dict[Path, VNode] = {}  # component path -> its root node
        self.state: dict[str, dict[str, Any]] = {}  # widget UI state (see RenderContext.state)
        self.page: dict[str, Any] = dict(page or {})
        self._report = report_error
        self._send = send
        self._set_props: Callable[[Path, dict[str, Any]], None] | None = None
        self.clock: Clock | None = None
        self.timers: dict[Any, Any] = {}
        self.pending_ops: list[Op] = []
        #: component path -> props being computed by callbacks in flight (for dcc.Loading)
        self.loading: dict[Path, set[str]] = {}
        self._early: list[Callable[[], None]] = []
        self._rendering = 0

    # -- seams ------------------------------------------------------------------------------------
    def attach(self, set_props: Callable[[Path, dict[str, Any]], None], clock: Clock) -> None:
        self._set_props = set_props
        self.clock = clock
        early, self._early = self._early, []
        for land in early:
            clock.call_later(0, land)

    def render(self, layout: ComponentJSON) -> list[Op]:
        """First paint: empty the mount point and insert the whole tree (or adopt the host's HTML)."""
        self._rendering += 1
        try:
            old_roots = self._component_roots(self.root) if self.root is not None else {}
            self.nodes.clear()
            self.by_path.clear()
            apply_persistence(self, layout, ())  # the user's persisted edits, before anyone reads them
            root = self.render_component(layout, ())
            self.assign_refs(root)
            self.root = root
            self.index(root)
            ops: list[Op]
            if self.hydrate:
                self.hydrate = False  # only the first render finds the host's HTML in place
                ops = [["hydrate", 0, to_spec(root)]]
            else:
                ops = [["clear", 0], ["insert", 0, to_spec(root), None]]
            self._lifecycle(old_roots, self._component_roots(root))
        finally:
            self._rendering -= 1
        return self.take_pending() + ops

    def update(self, layout: ComponentJSON, paths: Iterable[Path]) -> list[Op]:
        """Re-render the components at ``paths`` and diff each against what was rendered before."""
        if self.root is None:
            return self.render(layout)
        ops: list[Op] = []
        self._rendering += 1
        try:
            done: list[Path] = []
            for path in sorted({tuple(p) for p in paths}, key=len):
                if any(path[: len(d)] == d for d in done):
                    continue  # already re-rendered with an ancestor
                target, component = self._nearest_rendered(layout, path)
                if target is None or any(target[: len(d)] == d for d in done):
                    continue
                self._persist_new_components(component, target)
                self._replace(target, self.render_component(component, target), ops)
                done.append(target)
        finally:
            self._rendering -= 1
        return self.take_pending() + ops

    def _persist_new_components(self, component: ComponentJSON, path: Path) -> None:
        """Apply persisted edits to components arriving in this subtree (not to those already shown)."""
        def is_shown(at: Path, candidate: Any) -> bool:
            node = self.by_path.get(at)
            return node is not None and _same_component(node, candidate)

        apply_persistence(self, component, path, is_shown)

    def _nearest_rendered(self, layout: ComponentJSON, path: Path) -> tuple[Path | None, Any]:
        """The closest component at or above ``path`` that is rendered and still in the layout.

        A path the view has no node for (a ``dcc.Tab`` drawn by its ``Tabs``, or a component whose
        parent's children changed shape) re-renders the nearest rendered ancestor instead.
        """
        target = tuple(path)
        while True:
            if target in self.by_path:
                try:
                    component = get_in(layout, target)
                except (KeyError, IndexError, TypeError):
                    component = None
                if is_component(component):
                    return target, component
            if not target:
                return None, None
            target = target[:-1]

    def refresh(self, path: Path) -> None:
        """Re-render one component from the props it was last rendered with, and send the ops.

        For changes that are not props (a dropdown opening): the runtime is not involved.
        """
        old = self.by_path.get(path)
        if old is None or old.component is None:
            return
        ops: list[Op] = []
        self._rendering += 1
        try:
            component = {"namespace": old.namespace, "type": old.type, "props": old.component}
            self._replace(path, self.render_component(component, path), ops)
        finally:
            self._rendering -= 1
        self.send(self.take_pending() + ops)

    def set_loading(self, outputs: Iterable[tuple[Path, str]]) -> list[Op]:
        """Which component props callbacks are computing now; returns ops for Loading changes.

        The runtime calls this whenever calls start or finish, with ``(path, prop)`` of every output
        in flight. ``dcc.Loading`` components over those paths show or hide their spinner.
        """
        loading: dict[Path, set[str]] = {}
        for path, prop in outputs:
            loading.setdefault(tuple(path), set()).add(prop)
        if loading == self.loading:
            return []
        self.loading = loading
        self._rendering += 1  # refreshes below are returned, not sent
        try:
            for node in list(self.by_path.values()):
                rules = rules_for(node.namespace, node.type)
                if rules is not None and rules.on_loading is not None:
                    rules.on_loading(self, node)
        finally:
            self._rendering -= 1
        return self.take_pending()

    def _replace(self, path: Path, new: VNode, ops: list[Op]) -> None:
        old = self.by_path[path]
        old_roots = self._component_roots(old)
        parent = old.parent
        self.unindex(old)
        diff_into(old, new, ops, self)
        new.parent = parent
        if parent is None:
            self.root = new
        else:
            parent.children[parent.children.index(old)] = new
        self.index(new)
        self._lifecycle(old_roots, self._component_roots(new))

    @staticmethod
    def _component_roots(node: VNode) -> dict[int, tuple[VNode, dict[str, Any]]]:
        return {n.ref: (n, dict(n.component or {})) for n in node.walk() if n.path is not None}

    def _lifecycle(
        self, before: dict[int, tuple[VNode, dict[str, Any]]], after: dict[int, tuple[VNode, dict[str, Any]]]
    ) -> None:
        """Run mount/update/unmount hooks of components that appeared, changed or left."""
        for ref, (node, _props) in before.items():
            if ref not in after or after[ref][0].type != node.type:
                rules = rules_for(node.namespace, node.type)
                if rules is not None and rules.unmount is not None:
                    rules.unmount(self, node)
        for ref, (node, props) in after.items():
            rules = rules_for(node.namespace, node.type)
            if rules is None:
                continue
            previous = before.get(ref)
            if previous is None or previous[0].type != node.type:
                if rules.mount is not None:
                    rules.mount(self, node)
            elif rules.update is not None and _props_changed(previous[1], props, rules.identity_props):
                rules.update(self, node, previous[1])

    def render_component(self, component: ComponentJSON, path: Path) -> VNode:
        """Render one component (and its subtree) with this view's error sink and widget state."""
        return render_layout(component, path, self._report, self.state)

    def props_for_event(self, event: EventMessage) -> tuple[Path, dict[str, Any]] | None:
        """The innermost component's prop changes for one DOM event (see :meth:`changes_for_event`)."""
        changes = self.changes_for_event(event)
        return changes[0] if changes else None

    def changes_for_event(self, event: EventMessage) -> list[tuple[Path, dict[str, Any]]]:
        """Every component's prop changes for one DOM event, innermost first.

        A click bubbles: a click on a button inside a div with an id counts for both, as in Dash.
        """
        return events.changes_for_event(self, event)

    # -- helpers used by diff, events and component rules ---------------------------------------
    def forget(self, node: VNode) -> None:
        """Drop the subtree's refs and its component roots (the page removed those nodes)."""
        super().forget(node)
        self.unindex(node)

    def index(self, node: VNode) -> None:
        for each in node.walk():
            if each.path is not None:
                self.by_path[each.path] = each

    def unindex(self, node: VNode) -> None:
        for each in node.walk():
            if each.path is not None and self.by_path.get(each.path) is each:
                del self.by_path[each.path]

    def set_props(self, path: Path, props: dict[str, Any]) -> None:
        """Report prop changes that come from time or the page (debounce, intervals, storage)."""
        if self._set_props is None:
            raise RuntimeError("DomView.attach() must be called before timed prop changes")
        events.sync_after_change(self, path, props)
        self._set_props(path, props)

    def soon(self, ref: int, props: dict[str, Any]) -> None:
        """Set props on the component whose root has ``ref``, right after the current work.

        Mount and update hooks use this (as Dash components call ``setProps`` on mount): the
        runtime is not re-entered while it is rendering. The component's path is looked up when the
        change lands, so a reorder in between is harmless; a component gone by then is skipped.
        """

        def land() -> None:
            node = self.nodes.get(ref)
            if node is not None and node.path is not None:
                self.set_props(node.path, props)

        if self.clock is None:
            self._early.append(land)  # rendered before attach(): lands once attached
            return
        self.clock.call_later(0, land)

    def send(self, ops: list[Op]) -> None:
        """Apply ops now if the view can (``send``), else keep them for the next update."""
        if not ops:
            return
        if self._send is not None and not self._rendering:
            self._send(ops)
        else:
            self.pending_ops.extend(ops)

    def call(self, name: str, *args: Any) -> None:
        """A page-level action (``["call", name, args]``): storage, history, focus."""
        self.send([["call", name, list(args)]])

    def take_pending(self) -> list[Op]:
        ops, self.pending_ops = self.pending_ops, []
        return ops
