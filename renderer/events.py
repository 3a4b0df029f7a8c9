"""DOM events (forwarded by ``static/patch.js``) -> prop changes on components.

Event message (``_seams.EventMessage``), one JSON object per DOM event::

    {"type": "click" | "input" | "change" | "keydown" | "focusout" | "submit",
     "refs": [target_ref, parent_ref, ..., top_ref],   # the target and its ancestors' refs
     "timestamp": 1732400000000,                       # Date.now() in the page (ms epoch)
     "value": "...",          # target.value, when the target has one
     "checked": true,         # target.checked, for checkboxes and radios
     "valid": true,           # target.validity.valid, when available
     "key": "Enter",          # keydown only (loader.js forwards Enter, Escape, arrows, Backspace...)
     "related": [ref, ...],   # focusout: refs of the element receiving focus
     "modified": true,        # click on a dcc.Link with ctrl/meta/shift/alt (browser handles it)
     "selected": ["a", "b"]}  # a <select multiple>'s selected values

Page-made events use the same shape: ``widget`` (``props``: prop changes reported by a JS-drawn
component's main-thread module through ``emit(ref, props)``; the owning component's event rule
decides, or without a rule they apply as sent), ``upload``  (``files``: name, type, size, last_modified,
contents as a data URL) and ``confirm`` (``result``) name the component's ref; ``popstate``
(``href``) and ``storage`` (``key``, ``value``) have no refs and go to every component whose rules
list them in ``page_events``.

The refs are walked from the target outwards. Each component root met gets its event rule called
(``vdom.register_rules(..., on_event=...)``) with an :class:`EventContext`; a rule returns the props
to change, or None. A click counts for every html component with an ``id`` it bubbles through, as
in Dash.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable

from ._seams import EventMessage
from ._wire import Path
from .diff import match_children
from .vdom import HTML_NAMESPACE, RenderContext, VNode, rules_for

if TYPE_CHECKING:
    from .view import DomView

__all__ = ["EventContext", "changes_for_event", "html_event", "sync_after_change", "number_or_none"]


@dataclass
class EventContext:
    """What an event rule sees: the event, the component it bubbled to, and ways to act later."""

    view: DomView
    event: EventMessage
    path: Path
    props: dict[str, Any]
    #: The innermost node inside this component that carries rule data (``VNode.data``), if any.
    node: VNode | None = None
    #: The node the event happened on (may belong to a nested component).
    target: VNode | None = None
    stopped: bool = field(default=False)
    wants_refresh: bool = field(default=False)
    afterwards: list[Callable[[], None]] = field(default_factory=list)
    dom_is_wrong: bool = field(default=False)

    def rewrite_dom(self) -> None:
        """The page does not show what the changes render (a value was clamped): write it."""
        self.dom_is_wrong = True
        self.wants_refresh = True

    @property
    def state(self) -> dict[str, Any]:
        """The component's UI state that is not a prop (see ``RenderContext.state``)."""
        from .vdom import state_key

        return self.view.state.setdefault(state_key(self.props, self.path), {})

    def refresh(self) -> None:
        """Re-render this component after the event even if no prop changed (UI state did)."""
        self.wants_refresh = True

    def after(self, action: Callable[[], None]) -> None:
        """Run ``action`` once this event's changes and refresh are done (nodes have their refs)."""
        self.afterwards.append(action)

    @property
    def type(self) -> str:
        return str(self.event.get("type", ""))

    @property
    def timestamp(self) -> int:
        """Milliseconds since the epoch, as the page's ``Date.now()`` reported it."""
        stamp = self.event.get("timestamp")
        if isinstance(stamp, (int, float)):
            return int(stamp)
        return int(time.time() * 1000)

    @property
    def value(self) -> Any:
        return self.event.get("value")

    def stop(self) -> None:
        """Do not offer this event to enclosing components."""
        self.stopped = True

    def later(self, name: str, delay: float, changes: dict[str, Any]) -> None:
        """Set ``changes`` after ``delay`` seconds, replacing any pending change of the same name."""
        view = self.view
        key = (self.path, name)
        pending = view.timers.pop(key, None)
        if pending is not None:
            pending.cancel()
        if view.clock is None:
            raise RuntimeError("DomView.attach() must be called before debounced changes")
        path = self.path

        def fire() -> None:
            view.timers.pop(key, None)
            root = view.by_path.get(path)
            current = root.component if root is not None and root.component is not None else {}
            todo = {k: v for k, v in changes.items() if not (k in current and _same(current[k], v))}
            if todo:
                view.set_props(path, todo)

        view.timers[key] = view.clock.call_later(delay, fire)

    def cancel(self, name: str) -> None:
        pending = self.view.timers.pop((self.path, name), None)
        if pending is not None:
            pending.cancel()


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def changes_for_event(view: DomView, event: EventMessage) -> list[tuple[Path, dict[str, Any]]]:
    """Prop changes for one event, innermost component first (see the module docstring)."""
    refs = event.get("refs") or []
    if not isinstance(refs, list):
        return []
    if not refs:
        return _page_event(view, event)
    if event.get("type") == "widget":
        owner = _owner(view, refs[0])
        rules = rules_for(owner.namespace, owner.type) if owner is not None else None
        if owner is not None and (rules is None or rules.on_event is None):
            return _widget_event(view, owner, event)  # no rule of its own: the props apply as sent
    target = view.nodes.get(refs[0]) if isinstance(refs[0], int) else None
    out: list[tuple[Path, dict[str, Any]]] = []
    data_node: VNode | None = None
    for ref in refs:
        node = view.nodes.get(ref) if isinstance(ref, int) else None
        if node is None:
            continue
        if data_node is None and node.data is not None:
            data_node = node
        if node.path is None:
            continue
        rules = rules_for(node.namespace, node.type)
        if rules is None or rules.on_event is None:
            data_node = None
            continue
        if node.component is None:
            node.component = {}
        ctx = EventContext(view, event, node.path, node.component, data_node, target)
        data_node = None  # rule data belongs to the innermost component only
        changes = rules.on_event(ctx)
        _settle(view, ctx, changes, out)
        if ctx.stopped:
            break
    return out


def _settle(
    view: DomView, ctx: EventContext, changes: dict[str, Any] | None, out: list[tuple[Path, dict[str, Any]]]
) -> None:
    if ctx.dom_is_wrong:
        root = view.by_path.get(ctx.path)
        if root is not None and root.component is not None and changes:
            _remember(view, root, changes)
            root.component.update(changes)
        if ctx.target is not None:
            ctx.target.props = {name: None for name in ctx.target.props}  # forces setProp on refresh
        if changes:
            out.append((ctx.path, changes))
    elif changes:
        sync_after_change(view, ctx.path, changes)
        out.append((ctx.path, changes))
    if ctx.wants_refresh:
        view.refresh(ctx.path)
    for action in ctx.afterwards:
        action()


def _owner(view: DomView, ref: Any) -> VNode | None:
    """The root node of the component owning node ``ref``."""
    node = view.nodes.get(ref) if isinstance(ref, int) else None
    while node is not None and node.path is None:
        node = node.parent
    return node


def _widget_event(view: DomView, owner: VNode, event: EventMessage) -> list[tuple[Path, dict[str, Any]]]:
    """Props a JS-drawn component's module reported, for an owner without an event rule."""
    props = event.get("props")
    if owner.path is None or not isinstance(props, dict) or not props:
        return []
    sync_after_change(view, owner.path, props)
    return [(owner.path, dict(props))]


def _page_event(view: DomView, event: EventMessage) -> list[tuple[Path, dict[str, Any]]]:
    """An event with no target (``popstate``, a storage answer): offered to every interested root."""
    kind = event.get("type")
    out: list[tuple[Path, dict[str, Any]]] = []
    for path, node in list(view.by_path.items()):
        rules = rules_for(node.namespace, node.type)
        if rules is None or rules.on_event is None or kind not in rules.page_events:
            continue
        if node.component is None:
            node.component = {}
        ctx = EventContext(view, event, path, node.component)
        _settle(view, ctx, rules.on_event(ctx), out)
    return out


def sync_after_change(view: DomView, path: Path, changes: dict[str, Any]) -> None:
    """Record that the page already shows ``changes`` (made by the user, not by the store).

    The component's props snapshot takes the changes (so the next click counts from the new
    ``n_clicks``) and its DOM properties (``value``, ``checked``) are re-rendered into the kept
    VNodes without emitting ops: when the runtime then updates the view with the same values, the
    diff finds nothing to write, and an input being typed in never gets its value written back.
    """
    root = view.by_path.get(path)
    if root is None:
        return
    if root.component is None:
        root.component = {}
    _remember(view, root, changes)
    root.component.update(changes)
    if root.namespace == HTML_NAMESPACE:
        return  # html elements have no DOM properties driven by props
    fresh = RenderContext(None, view.state).component(
        {"namespace": root.namespace, "type": root.type, "props": root.component}, path
    )
    _copy_dom_props(root, fresh)


def _remember(view: DomView, root: VNode, changes: dict[str, Any]) -> None:
    """Record the user's edit for Dash's ``persistence`` (only dcc components persist)."""
    if root.namespace != HTML_NAMESPACE:
        from .dcc._persistence import record_user_edit

        record_user_edit(view, root, changes)


def _copy_dom_props(old: VNode, new: VNode) -> None:
    if old.tag != new.tag:
        return
    old.props = dict(new.props)
    # Pair children as the diff will (the user's change may add or drop siblings, e.g. a
    # dropdown's placeholder goes when typing starts); a positional pairing would miss the field.
    for new_child, index in zip(new.children, match_children(old.children, new.children)):
        if index is None or old.children[index].path is not None:
            continue  # a node the refresh will insert, or a nested component (its props are unchanged)
        _copy_dom_props(old.children[index], new_child)


def html_event(ctx: EventContext) -> dict[str, Any] | None:
    """Every html component: a click bumps ``n_clicks`` (only when it has an ``id``, as in Dash)."""
    if ctx.type != "click":
        return None
    props = ctx.props
    if props.get("id") is None or props.get("disable_n_clicks"):
        return None
    return {"n_clicks": _count(props.get("n_clicks")) + 1, "n_clicks_timestamp": ctx.timestamp}


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def count_up(props: dict[str, Any], name: str, timestamp: int) -> dict[str, Any]:
    """``{name: n + 1, name_timestamp: timestamp}`` for n_submit / n_blur style counters."""
    return {name: _count(props.get(name)) + 1, f"{name}_timestamp": timestamp}


def number_or_none(text: Any, valid: Any = True) -> int | float | None:
    """A number input's DOM text as Dash gives it: int when integral, None when empty or invalid."""
    if valid is False or text is None:
        return None
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        number: float = float(text)
    else:
        stripped = str(text).strip()
        if not stripped:
            return None
        try:
            number = float(stripped)
        except ValueError:
            return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


#: Signature of an event rule, for dcc modules' annotations.
EventRule = Callable[[EventContext], "dict[str, Any] | None"]
