"""Component JSON -> VNodes -> DOM operations (in the page) or HTML (on the host).

The page keeps the layout as plain wire JSON. The view (``wasmdash.view.DomView``) turns it into a
tree of small :class:`VNode` objects through *render rules* looked up by ``(namespace, type)``: html
elements render generically (:func:`render_html_component`), dcc components bring their own rules from
``wasmdash.dcc.<module>`` (imported lazily, the first time a type is met). The same VNodes feed
``wasmdash._html_render.render_html`` (first render on the host) and :mod:`wasmdash.diff`
(updates in the page).

Node refs
---------
Every DOM node the page creates gets a *ref*: a positive integer chosen by the view, kept by
``static/patch.js`` in a ``Map`` (ref -> node). Ref ``0`` is the mount point
(``#react-entry-point``). A kept node keeps its ref across updates, so Python never holds a JS
proxy per node; events come back naming refs.

Op format (one batch = one JSON list of ops, applied in order by ``static/patch.js``)
-----------------------------------------------------------------------------------
``["insert", parent_ref, spec, before_ref]``
    Build the subtree ``spec`` and insert it under ``parent_ref`` before the child ``before_ref``
    (``None``: append).
``["move", parent_ref, ref, before_ref]``
    Move an existing child (``insertBefore``); ``before_ref`` ``None`` appends.
``["replace", ref, spec]``
    Replace node ``ref`` (and its subtree) with a new subtree.
``["remove", ref]``
    Remove node ``ref`` and forget the refs of its subtree.
``["clear", ref]``
    Remove every child of ``ref`` (used on the mount point before the first render).
``["hydrate", ref, spec]``
    First render over HTML the host already rendered into ``ref`` (``render_html``): adopt the
    existing nodes, giving them the spec's refs in render order (properties are set as ``insert``
    would), instead of building new ones. If the DOM does not match the spec, it is rebuilt
    (``clear`` + ``insert``).
``["setAttr", ref, name, value]`` / ``["removeAttr", ref, name]``
    ``value`` is a string (boolean attributes are ``""``).
``["style", ref, {css_name: value_or_None}]``
    ``style.setProperty`` / ``removeProperty`` per name (names are CSS names: ``background-color``).
``["setProp", ref, name, value]``
    Assign a DOM property (``value``, ``checked``, ``selected``, ``indeterminate``).
``["text", ref, text]``
    Set a text node's data.
``["call", name, args]``
    A page-level action that is not a node change, looked up in loader.js's table:
    ``["focus", [ref]]``, ``["reveal", [ref]]`` (scroll into view), ``["storage", [kind, key, json_or_None]]`` (kind ``local``/``session``),
    ``["location", [how, href, notify]]`` (how ``push``/``replace``/``assign``/``reload``; notify:
    answer with a ``popstate`` event), ``["confirm", [ref, message]]`` (answered by a ``confirm``
    event on ``ref``), ``["title", [text]]`` (``document.title``), ``["download", [content, filename, is_base64, type]]``, and
    ``["module", [src, fn, *args]]``: ``import(static_url + src)`` once, then call
    ``fn(page, *args)`` in order, with ``page = {node(ref), staticUrl, emit(ref, props)}`` - the door
    for components drawn by a JS library (dcc.Graph); ``emit`` comes back as a ``widget`` event.

A *spec* is ``{"ref": r, "tag": t, "attrs": {...}, "style": {...}, "props": {...},
"children": [spec, ...]}`` for an element (empty keys omitted), ``{"ref": r, "text": s}`` for a text
node and ``{"ref": r, "comment": ""}`` for a placeholder (components that render nothing).

Events (``EventMessage`` from ``patch.js``) are described in :mod:`wasmdash.events`.
"""

from __future__ import annotations

import importlib
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from ._wire import ComponentJSON, Path
from .ids import stringify_id

__all__ = [
    "VNode",
    "RenderContext",
    "RenderRule",
    "EventRule",
    "register_rules",
    "rules_for",
    "element",
    "text",
    "placeholder",
    "render_layout",
    "to_spec",
    "css_name",
    "css_value",
    "attr_name",
    "attr_value",
    "is_component",
    "html_attrs",
]

logger = logging.getLogger(__name__)

HTML_NAMESPACE = "dash_html_components"
DCC_NAMESPACE = "dash_core_components"

TEXT = "#text"
COMMENT = "#comment"


@dataclass(eq=False, slots=True)
class VNode:
    """One DOM node to be: an element, a text node (``tag == "#text"``) or a placeholder comment.

    ``path`` and ``component`` are set on a component's root node only: the component's layout path
    and its props as rendered (events read the current ``n_clicks`` there). ``data`` is rule-private
    information for events (which option of a dropdown a node stands for). ``ref`` is assigned when
    the node is first emitted and kept by the diff.
    """

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    style: dict[str, str] = field(default_factory=dict)
    props: dict[str, Any] = field(default_factory=dict)
    children: list[VNode] = field(default_factory=list)
    text: str = ""
    key: str | None = None
    path: Path | None = None
    component: dict[str, Any] | None = None
    namespace: str = ""
    type: str = ""
    data: Any = None
    ref: int = 0
    parent: VNode | None = field(default=None, repr=False)

    def walk(self) -> Iterator[VNode]:
        """This node and its descendants, depth first."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    @property
    def is_component_root(self) -> bool:
        return self.path is not None


def element(
    tag: str,
    attrs: dict[str, Any] | None = None,
    children: Iterable[VNode | str | int | float | None] = (),
    *,
    style: dict[str, Any] | None = None,
    props: dict[str, Any] | None = None,
    key: str | None = None,
    data: Any = None,
) -> VNode:
    """Build an element VNode; ``attrs`` use React/Dash names and are normalised here."""
    node = VNode(tag, html_attrs(attrs or {}), css_dict(style), dict(props or {}), key=key, data=data)
    for child in children:
        if child is None or child is False:
            continue
        node.children.append(child if isinstance(child, VNode) else text(child))
    return node


def text(value: Any) -> VNode:
    return VNode(TEXT, text=_text_of(value))


def placeholder() -> VNode:
    return VNode(COMMENT)


def _text_of(value: Any) -> str:
    if isinstance(value, bool):
        return ""  # React renders nothing for booleans
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


# -- attributes and style ------------------------------------------------------------------------

#: React prop names whose attribute is not just the lowercased name.
_ATTR_RENAMES = {
    "className": "class",
    "htmlFor": "for",
    "httpEquiv": "http-equiv",
    "acceptCharset": "accept-charset",
}

#: Attributes that are present-or-absent (``disabled=""``), as React treats them.
BOOLEAN_ATTRS = frozenset(
    "allowfullscreen async autofocus autoplay checked controls default defer disabled "
    "formnovalidate hidden itemscope loop multiple muted nomodule novalidate open playsinline "
    "readonly required reversed scoped seamless selected".split()
)

#: Props that are Dash bookkeeping, never DOM attributes.
NON_ATTRS = frozenset(
    ["children", "style", "n_clicks", "n_clicks_timestamp", "disable_n_clicks", "loading_state",
     "setProps", "key", "persistence", "persisted_props", "persistence_type"]
)


def attr_name(name: str) -> str:
    """React/Dash prop name -> HTML attribute name (``className`` -> ``class``)."""
    renamed = _ATTR_RENAMES.get(name)
    if renamed is not None:
        return renamed
    if name.startswith(("data-", "aria-")):
        return name
    return name.lower()


def attr_value(name: str, value: Any) -> str | None:
    """The attribute string for ``value``, or None for "no attribute" (None, False booleans)."""
    if value is None:
        return None
    if name in BOOLEAN_ATTRS:
        if value is False or value == "":
            return None if value is False else ""
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dict, list)):
        import json

        return json.dumps(value, separators=(",", ":"))
    return _text_of(value)


def html_attrs(props: dict[str, Any]) -> dict[str, str]:
    """Attribute dict from component props (skipping Dash bookkeeping props and None values)."""
    out: dict[str, str] = {}
    for name, value in props.items():
        if name in NON_ATTRS or callable(value):
            continue
        if name == "id":
            if value is None:
                continue
            out["id"] = stringify_id(value)
            continue
        attr = attr_name(name)
        text_value = attr_value(attr, value)
        if text_value is not None:
            out[attr] = text_value
    return out


#: CSS properties whose plain numbers have no unit (React's list, abridged to what matters).
UNITLESS = frozenset(
    "animation-iteration-count aspect-ratio border-image-outset border-image-slice "
    "border-image-width box-flex box-flex-group box-ordinal-group column-count columns flex "
    "flex-grow flex-positive flex-shrink flex-negative flex-order grid-area grid-row "
    "grid-row-end grid-row-span grid-row-start grid-column grid-column-end grid-column-span "
    "grid-column-start font-weight line-clamp line-height opacity order orphans scale tab-size "
    "widows z-index zoom fill-opacity flood-opacity stop-opacity stroke-dasharray "
    "stroke-dashoffset stroke-miterlimit stroke-opacity stroke-width".split()
)

_UPPER = re.compile(r"([A-Z])")


def css_name(name: str) -> str:
    """``backgroundColor`` -> ``background-color``; ``WebkitX``/``msX`` get their dash prefix."""
    if name.startswith("--"):
        return name
    if name.startswith("ms") and len(name) > 2 and name[2].isupper():
        name = "-" + name
    dashed = _UPPER.sub(lambda m: "-" + m.group(1).lower(), name)
    return dashed


def css_value(name: str, value: Any) -> str | None:
    """The CSS text of ``value`` (numbers get ``px`` unless the property is unitless)."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    if isinstance(value, (int, float)):
        bare = re.sub(r"^-(webkit|moz|ms|o)-", "", name)
        if value != 0 and bare not in UNITLESS and not name.startswith("--"):
            return _text_of(value) + "px"
        return _text_of(value)
    return str(value).strip()


def css_dict(style: Any) -> dict[str, str]:
    """Dash ``style`` dict (camelCase keys) -> ``{css-name: css-text}``."""
    if not isinstance(style, dict):
        return {}
    out: dict[str, str] = {}
    for key, value in style.items():
        name = css_name(str(key))
        text_value = css_value(name, value)
        if text_value is not None:
            out[name] = text_value
    return out


# -- render rules --------------------------------------------------------------------------------

RenderRule = Callable[["RenderContext", dict[str, Any], Path], VNode]
EventRule = Callable[..., "dict[str, Any] | None"]


#: Lifecycle hooks: ``mount(view, node)``, ``update(view, node, old_props)``, ``unmount(view, node)``.
Hook = Callable[..., None]


@dataclass(frozen=True, slots=True)
class Rules:
    render: RenderRule
    on_event: EventRule | None = None
    mount: Hook | None = None
    update: Hook | None = None
    unmount: Hook | None = None
    #: Event types without a target (``popstate``, ``storage``) this component wants to see.
    page_events: tuple[str, ...] = ()
    #: ``on_loading(view, node)``: the set of outputs being computed changed (dcc.Loading).
    on_loading: Hook | None = None
    #: Props that are commands rather than state (``extendData``): a new value that equals the
    #: old one still counts as a change, as in Dash, which compares them by identity.
    identity_props: tuple[str, ...] = ()


_RULES: dict[tuple[str, str], Rules] = {}


def register_rules(
    namespace: str,
    type_name: str,
    render: RenderRule,
    on_event: EventRule | None = None,
    *,
    mount: Hook | None = None,
    update: Hook | None = None,
    unmount: Hook | None = None,
    page_events: tuple[str, ...] = (),
    on_loading: Hook | None = None,
    identity_props: tuple[str, ...] = (),
) -> None:
    """Register how ``(namespace, type_name)`` renders and how its DOM events become prop changes.

    Args:
        namespace: the component JSON's ``namespace`` (``"dash_core_components"``).
        type_name: the component JSON's ``type`` (``"Input"``).
        render: ``render(ctx, props, path) -> VNode`` building the component's root node.
        on_event: ``on_event(ctx: events.EventContext) -> dict | None``: the prop changes for one
            forwarded DOM event whose target is inside this component, or None.
        mount: called with ``(view, node)`` after the component first appears in the page.
        update: called with ``(view, node, old_props)`` after its props changed.
        unmount: called with ``(view, node)`` after it left the page (cancel timers here).
        page_events: event types with no target node that are offered to every such component.
        on_loading: called with ``(view, node)`` when the outputs being computed change.
        identity_props: props whose every new value calls ``update``, even one equal to the old.
    """
    _RULES[(namespace, type_name)] = Rules(
        render, on_event, mount, update, unmount, tuple(page_events), on_loading, tuple(identity_props)
    )


def rules_for(namespace: str, type_name: str) -> Rules | None:
    """The rules for a component type, importing ``wasmdash.dcc.<module>`` on first use."""
    rules = _RULES.get((namespace, type_name))
    if rules is not None:
        return rules
    if namespace == HTML_NAMESPACE:
        from . import events

        rules = Rules(render_html_component, events.html_event)
        _RULES[(namespace, type_name)] = rules
        return rules
    if namespace == DCC_NAMESPACE:
        from . import dcc

        module = dcc.module_for(type_name)
        if module is not None:
            importlib.import_module(f"{dcc.__name__}.{module}")
            return _RULES.get((namespace, type_name))
    return None


def is_component(value: Any) -> bool:
    return isinstance(value, dict) and "type" in value and "namespace" in value and "props" in value


_HTML_TAGS = {"ObjectEl": "object", "MapEl": "map"}


def render_html_component(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    """The generic rule for every ``html.*`` component: one element, props as attributes."""
    type_name = ctx.current_type
    tag = _HTML_TAGS.get(type_name, type_name.lower())
    node = VNode(tag, html_attrs(props), css_dict(props.get("style")))
    node.children = ctx.children(props.get("children"), path + ("props", "children"))
    return node


class RenderContext:
    """Handed to render rules: renders nested components (children or other component props)."""

    def __init__(
        self, report: Callable[[str], None] | None = None, state: dict[str, dict[str, Any]] | None = None
    ) -> None:
        self.current_type = ""
        self._report = report
        self._state = state if state is not None else {}

    def report(self, message: str) -> None:
        """Report a render problem (the page shows it in the error overlay)."""
        if self._report is not None:
            self._report(message)
        else:
            logger.error(message)

    def state(self, props: dict[str, Any], path: Path) -> dict[str, Any]:
        """UI state of a widget that is not a prop (a dropdown being open), kept by the view."""
        return self._state.setdefault(state_key(props, path), {})

    def component(self, value: ComponentJSON, path: Path) -> VNode:
        """Render one component (its root node carries ``path`` and a snapshot of its props)."""
        namespace = value.get("namespace", "")
        type_name = value.get("type", "")
        props = value.get("props") or {}
        rules = rules_for(namespace, type_name)
        if rules is None:
            message = (
                f"Cannot render component {namespace}.{type_name} at layout path {list(path)}: "
                "no render rule is registered for that namespace and type."
            )
            if self._report is not None:
                self._report(message)
            else:
                logger.error(message)
            node = VNode("div", {"data-wasmdash-unknown": f"{namespace}.{type_name}"})
        else:
            outer = self.current_type
            self.current_type = type_name
            try:
                node = rules.render(self, props, path)
            finally:
                self.current_type = outer
        node.path = path
        node.component = dict(props)
        node.namespace = namespace
        node.type = type_name
        if node.key is None:
            key = props.get("key")
            if key is None:
                key = props.get("id")
            if key is not None:
                node.key = stringify_id(key)
        return node

    def children(self, value: Any, path: Path) -> list[VNode]:
        """Render a ``children``-like value: component, string/number, None, or a list of those."""
        if value is None or isinstance(value, bool):
            return []
        if isinstance(value, (list, tuple)):
            out: list[VNode] = []
            for index, item in enumerate(value):
                out.extend(self._one(item, path + (index,)))
            return out
        return self._one(value, path)

    def _one(self, value: Any, path: Path) -> list[VNode]:
        if value is None or isinstance(value, bool):
            return []
        if is_component(value):
            return [self.component(value, path)]
        if isinstance(value, (list, tuple)):
            return self.children(value, path)
        if isinstance(value, dict):
            message = (
                f"Cannot render {value!r:.200} at layout path {list(path)}: a dict in children must "
                'be a component ({"type", "namespace", "props"}).'
            )
            if self._report is not None:
                self._report(message)
            return []
        return [text(value)]


def state_key(props: dict[str, Any], path: Path) -> str:
    component_id = props.get("id")
    return stringify_id(component_id) if component_id is not None else repr(path)


def render_layout(
    layout: ComponentJSON,
    path: Path = (),
    report: Callable[[str], None] | None = None,
    state: dict[str, dict[str, Any]] | None = None,
) -> VNode:
    """VNode tree of a layout (or of the component at ``path``), with parent links set."""
    root = RenderContext(report, state).component(layout, path)
    link_parents(root, None)
    return root


def link_parents(node: VNode, parent: VNode | None) -> None:
    node.parent = parent
    stack = [node]
    while stack:
        current = stack.pop()
        for child in current.children:
            child.parent = current
            stack.append(child)


# -- specs ---------------------------------------------------------------------------------------


def to_spec(node: VNode) -> dict[str, Any]:
    """The JSON spec ``patch.js`` builds a subtree from (refs must already be assigned)."""
    if node.tag == TEXT:
        return {"ref": node.ref, "text": node.text}
    if node.tag == COMMENT:
        return {"ref": node.ref, "comment": ""}
    spec: dict[str, Any] = {"ref": node.ref, "tag": node.tag}
    if node.attrs:
        spec["attrs"] = node.attrs
    if node.style:
        spec["style"] = node.style
    if node.props:
        spec["props"] = node.props
    if node.children:
        spec["children"] = [to_spec(child) for child in node.children]
    return spec
