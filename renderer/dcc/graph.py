"""``dcc.Graph``: a plotly.js figure, drawn on the main thread by ``static/graph.js``.

Markup as Dash's: an outer ``div`` with Dash's id, class ``dash-graph`` (plus ``className``) and
``style``, holding the plot ``div`` plotly.js draws into (``height/width: 100%``). Python never
renders what plotly.js puts inside; the diff leaves it alone because that ``div`` has no children.

Drawing goes through the loader's module hook (``["call", "module", ["graph.js", fn, ...]]``):

* ``draw(ref, plot_ref, spec)`` when the Graph mounts and whenever ``figure``, ``config``,
  ``responsive``, ``mathjax``, ``animate``, ``animation_options`` or ``clear_on_unhover`` change.
  ``spec`` is the figure with Dash's ``responsive`` overrides already applied
  (:func:`plot_spec`). graph.js loads ``runtime/plotly.min.js`` (self-hosted, once, on the first
  draw; pages without a Graph never fetch it) and calls ``Plotly.react`` (or ``Plotly.animate``).
* ``amend(ref, "extendTraces" | "prependTraces", data)`` for ``extendData``/``prependData``.
* ``purge(ref)`` when the Graph leaves the page.

plotly.js events come back as ``widget`` events naming the Graph's root ref, with ``props``:
``clickData``, ``clickAnnotationData``, ``hoverData``, ``selectedData``, ``relayoutData``,
``restyleData`` in Dash's shapes (points keep only their scalar fields, plus ``bbox``,
``customdata`` and ``pointNumbers``; clicks carry a ``timestamp`` so each one is new). A relayout
that edits shapes also carries ``shapes`` (the plot's ``layout.shapes``) so the ``figure`` prop
follows, as in Dash.
"""

from __future__ import annotations

from typing import Any

from .._wire import Path
from ..component import make_component_class, to_json
from ..events import EventContext
from ..vdom import DCC_NAMESPACE, RenderContext, VNode, css_dict, element, html_attrs, register_rules
from ..view import DomView

__all__ = ["Graph", "PROPS", "plot_spec", "is_responsive", "MODULE"]

#: Dash's dcc.Graph props.
PROPS: dict[str, str] = {
    "id": "element id of the outer div",
    "figure": "{data, layout, frames} (a dict or a plotly figure object)",
    "config": "plotly.js config options (default {})",
    "style": "style of the outer div",
    "className": "class of the outer div (after 'dash-graph')",
    "responsive": "True, False or 'auto' (default): resize with the container",
    "animate": "animate between figures with Plotly.animate (default False)",
    "animation_options": "Plotly.animate options (default: 750ms cubic-in-out, no redraw)",
    "clickData": "read-only: the last clicked point(s)",
    "clickAnnotationData": "read-only: the last clicked annotation",
    "hoverData": "read-only: the last hovered point(s)",
    "clear_on_unhover": "set hoverData to None when the pointer leaves the points",
    "selectedData": "read-only: the last box/lasso selection",
    "relayoutData": "read-only: the last relayout (zoom, pan, autosize) edits",
    "restyleData": "read-only: the last restyle (legend toggles) as [edits, trace indices]",
    "extendData": "[update, trace indices?, max points?] to append to traces (Plotly.extendTraces)",
    "prependData": "[update, trace indices?, max points?] to prepend to traces (Plotly.prependTraces)",
    "mathjax": "typeset LaTeX with MathJax if the page has it (MathJax is not bundled)",
    "loading_state": "Dash bookkeeping",
}

Graph = make_component_class(
    "Graph", DCC_NAMESPACE, PROPS, doc="A plotly.js graph.", positional=("id",), module=__name__
)

#: The main-thread module (in ``static/``) that draws graphs.
MODULE = "graph.js"

#: Dash's defaults for animation_options.
DEFAULT_ANIMATION = {"frame": {"redraw": False}, "transition": {"duration": 750, "ease": "cubic-in-out"}}

#: Props whose change redraws the plot.
DRAW_PROPS = ("figure", "config", "responsive", "mathjax", "animate", "animation_options", "clear_on_unhover")

#: Props plotly.js events set; clicks are new every time (Dash stamps them), the rest only on change.
EVENT_PROPS = ("clickData", "clickAnnotationData", "hoverData", "selectedData", "relayoutData", "restyleData")
_ALWAYS_NEW = frozenset(["clickData", "clickAnnotationData"])


def _figure(props: dict[str, Any]) -> dict[str, Any]:
    figure = props.get("figure")
    if figure is None:
        return {"data": [], "layout": {}, "frames": []}
    if not isinstance(figure, dict):
        figure = to_json(figure)  # a plotly figure object (host-side views)
    return figure if isinstance(figure, dict) else {}


def _config(props: dict[str, Any]) -> dict[str, Any]:
    config = props.get("config")
    if config is not None and not isinstance(config, dict):
        config = to_json(config)
    return dict(config) if isinstance(config, dict) else {}


def is_responsive(props: dict[str, Any]) -> bool:
    """Dash's rule: ``responsive`` when a bool; for 'auto', config.responsive and a free size."""
    responsive = props.get("responsive", "auto")
    if isinstance(responsive, bool):
        return responsive
    if not _config(props).get("responsive"):
        return False
    layout = _figure(props).get("layout")
    if not isinstance(layout, dict):
        return True
    autosize = layout.get("autosize")
    return (autosize is None or bool(autosize)) and (layout.get("height") is None or layout.get("width") is None)


def plot_spec(props: dict[str, Any]) -> dict[str, Any]:
    """What graph.js draws: the figure and config with Dash's ``responsive`` overrides applied."""
    figure = _figure(props)
    config = _config(props)
    responsive = props.get("responsive", "auto")
    layout = figure.get("layout")
    if isinstance(layout, dict):
        layout = dict(layout)
        if responsive is True:
            layout["autosize"] = True
            layout.pop("height", None)
            layout.pop("width", None)
        elif responsive is False:
            layout["autosize"] = False
    if responsive is True:
        config["responsive"] = True
    elif responsive is False:
        config["responsive"] = False
    config["typesetMath"] = bool(props.get("mathjax"))
    spec: dict[str, Any] = {
        "data": figure.get("data") if figure.get("data") is not None else [],
        "layout": layout,
        "config": config,
        "animate": bool(props.get("animate")),
        "animation_options": props.get("animation_options") or DEFAULT_ANIMATION,
        "responsive": is_responsive(props),
        "clear_on_unhover": bool(props.get("clear_on_unhover")),
    }
    if figure.get("frames") is not None:
        spec["frames"] = figure["frames"]
    return spec


def render(ctx: RenderContext, props: dict[str, Any], path: Path) -> VNode:
    class_name = props.get("className")
    style = dict(props.get("style") or {}) if isinstance(props.get("style"), dict) else {}
    if is_responsive(props) and not style.get("height"):
        style["height"] = "100%"
    attrs: dict[str, Any] = {
        "id": props.get("id"),
        "className": f"dash-graph {class_name}" if class_name else "dash-graph",
    }
    loading = props.get("loading_state")
    if isinstance(loading, dict) and loading.get("is_loading"):
        attrs["data-dash-is-loading"] = "true"
    root = VNode("div", html_attrs(attrs), css_dict(style))
    root.children = [element("div", style={"height": "100%", "width": "100%"}, key="plot")]
    return root


def _draw(view: DomView, node: VNode) -> None:
    plot = node.children[0] if node.children else None
    if plot is None:
        return
    view.call("module", MODULE, "draw", node.ref, plot.ref, plot_spec(node.component or {}))


def _amend(view: DomView, node: VNode, props: dict[str, Any], old: dict[str, Any] | None) -> None:
    for name, how in (("prependData", "prependTraces"), ("extendData", "extendTraces")):
        value = props.get(name)
        if value is None or value == [] or value == {}:
            continue
        if old is not None and old.get(name) is value:
            continue  # Dash amends for every new value a callback sets (identity, not equality)
        view.call("module", MODULE, "amend", node.ref, how, to_json(value))


def mount(view: DomView, node: VNode) -> None:
    _draw(view, node)
    _amend(view, node, node.component or {}, None)


def update(view: DomView, node: VNode, old_props: dict[str, Any]) -> None:
    props = node.component or {}
    if any(props.get(name) != old_props.get(name) for name in DRAW_PROPS):
        _draw(view, node)
    _amend(view, node, props, old_props)


def unmount(view: DomView, node: VNode) -> None:
    view.call("module", MODULE, "purge", node.ref)


def _is_shape_edit(relayout: Any) -> bool:
    return isinstance(relayout, dict) and any(k == "shapes" or k.startswith("shapes[") for k in relayout)


def on_event(ctx: EventContext) -> dict[str, Any] | None:
    """plotly.js events (``widget`` events from graph.js) -> Dash's Graph props."""
    if ctx.type != "widget":
        return None
    sent = ctx.event.get("props")
    if not isinstance(sent, dict):
        return None
    ctx.stop()
    props = ctx.props
    changes: dict[str, Any] = {}
    for name in EVENT_PROPS:
        if name not in sent:
            continue
        value = sent[name]
        if name in _ALWAYS_NEW or value is None or value != props.get(name):
            changes[name] = value
    shapes = sent.get("shapes")
    if _is_shape_edit(sent.get("relayoutData")) and isinstance(shapes, list):
        figure = _figure(props)
        layout = figure.get("layout") if isinstance(figure.get("layout"), dict) else {}
        if layout.get("shapes") != shapes:
            changes["figure"] = {**figure, "layout": {**layout, "shapes": shapes}}
    return changes or None


register_rules(
    DCC_NAMESPACE, "Graph", render, on_event, mount=mount, update=update, unmount=unmount,
    identity_props=("extendData", "prependData"),
)
