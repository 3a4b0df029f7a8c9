"""events: forwarded DOM events -> prop changes, without a browser."""
from __future__ import annotations

from wasmdash.events import number_or_none
from wasmdash.view import DomView


def H(type_name, children=None, **props):
    if children is not None:
        props["children"] = children
    return {"type": type_name, "namespace": "dash_html_components", "props": props}


def view_of(layout):
    view = DomView()
    view.render(layout)
    return view


def ref_of(view, component_id):
    return next(ref for ref, node in view.nodes.items() if node.attrs.get("id") == component_id)


def refs_up(view, ref):
    """The refs patch.js sends: the target and its ancestors."""
    out = []
    node = view.nodes[ref]
    while node is not None:
        out.append(node.ref)
        node = node.parent
    return out


def click(view, ref, timestamp=1000):
    return view.changes_for_event({"type": "click", "refs": refs_up(view, ref), "timestamp": timestamp})


def test_click_bumps_n_clicks_with_a_timestamp():
    """Dash's html click: n_clicks + 1 and n_clicks_timestamp in ms."""
    view = view_of(H("Button", "Go", id="b"))
    assert click(view, ref_of(view, "b"), 1234) == [((), {"n_clicks": 1, "n_clicks_timestamp": 1234})]


def test_second_click_counts_from_the_first_before_any_update():
    """The view remembers the new count even if the runtime has not re-rendered yet."""
    view = view_of(H("Button", "Go", id="b"))
    click(view, ref_of(view, "b"))
    assert click(view, ref_of(view, "b"), 2000) == [((), {"n_clicks": 2, "n_clicks_timestamp": 2000})]


def test_click_counts_from_the_layout_value():
    """A layout n_clicks=5 makes the next click 6."""
    view = view_of(H("Button", "Go", id="b", n_clicks=5))
    assert click(view, ref_of(view, "b"))[0][1]["n_clicks"] == 6


def test_click_bubbles_to_every_html_ancestor_with_an_id():
    """A click inside a button inside a div counts for both, innermost first, as in Dash."""
    view = view_of(H("Div", [H("Span", [H("Button", H("B", "x"), id="b")])], id="outer"))
    bold = next(ref for ref, n in view.nodes.items() if n.tag == "b")
    changes = click(view, bold)
    assert [path for path, _ in changes] == [("props", "children", 0, "props", "children", 0), ()]


def test_components_without_id_do_not_count_clicks():
    """Dash only wires onClick when the component has an id."""
    view = view_of(H("Div", "x"))
    assert click(view, 1) == []


def test_disable_n_clicks_stops_counting():
    """disable_n_clicks=True leaves n_clicks alone."""
    view = view_of(H("Div", "x", id="d", disable_n_clicks=True))
    assert click(view, 1) == []


def test_props_for_event_is_the_innermost_change():
    """The View seam's single-answer method gives the innermost component."""
    view = view_of(H("Div", [H("Button", "Go", id="b")], id="outer"))
    path, props = view.props_for_event({"type": "click", "refs": refs_up(view, ref_of(view, "b")), "timestamp": 1})
    assert path == ("props", "children", 0) and props["n_clicks"] == 1


def test_events_on_unknown_refs_are_ignored():
    """A ref the view does not know (removed meanwhile) produces nothing."""
    view = view_of(H("Div", "x", id="d"))
    assert view.props_for_event({"type": "click", "refs": [999], "timestamp": 1}) is None
    assert view.props_for_event({"type": "click", "refs": [], "timestamp": 1}) is None


def test_html_elements_ignore_non_click_events():
    """Typing in an html.Input changes nothing in the store, as in Dash."""
    view = view_of(H("Input", id="i"))
    assert view.changes_for_event({"type": "input", "refs": [1], "value": "x"}) == []


def test_number_or_none():
    """Number text -> int when integral, float otherwise; empty or invalid -> None."""
    assert number_or_none("3") == 3 and isinstance(number_or_none("3.0"), int)
    assert number_or_none("1.50") == 1.5
    assert number_or_none("") is None
    assert number_or_none("abc") is None
    assert number_or_none("5", valid=False) is None
    assert number_or_none("1e400") is None


def test_widget_event_props_apply_to_a_component_without_an_event_rule():
    """A JS module's emit(ref, props) sets those props on the owning component when it has no rule."""
    from wasmdash.vdom import element, register_rules

    register_rules("test_events_ns", "Chart", lambda ctx, props, path: element("div", {}, [element("canvas")]))
    view = view_of(H("Div", [{"type": "Chart", "namespace": "test_events_ns", "props": {"id": "c"}}], id="root"))
    canvas = next(ref for ref, n in view.nodes.items() if n.tag == "canvas")
    changes = view.changes_for_event({"type": "widget", "refs": [canvas], "props": {"hoverData": {"x": 1}}})
    assert changes == [(("props", "children", 0), {"hoverData": {"x": 1}})]
    assert view.by_path[("props", "children", 0)].component["hoverData"] == {"x": 1}


def test_widget_event_without_props_changes_nothing():
    """An empty or malformed widget event is ignored."""
    view = view_of(H("Div", "x", id="d"))
    assert view.changes_for_event({"type": "widget", "refs": [1], "props": {}}) == []
    assert view.changes_for_event({"type": "widget", "refs": [999], "props": {"a": 1}}) == []
