"""dcc.Textarea, dcc.Checklist, dcc.RadioItems: render and event rules."""
from __future__ import annotations

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.dcc._options import sanitize_options
from wasmdash._html_render import render_html
from wasmdash.vdom import render_layout
from wasmdash.view import DomView


def mounted(component):
    layout = to_json(component)
    view = DomView()
    view.render(layout)
    return view, layout


def inputs(view):
    return sorted((ref for ref, n in view.nodes.items() if n.tag == "input"))


def event_on(view, ref, kind, **extra):
    refs = []
    node = view.nodes[ref]
    while node is not None:
        refs.append(node.ref)
        node = node.parent
    return view.changes_for_event({"type": kind, "refs": refs, "timestamp": 5, **extra})


def test_options_spellings_are_normalised():
    """Plain values, {value: label} dicts and option dicts all become {label, value} dicts."""
    assert sanitize_options(["a", 1, True]) == [
        {"label": "a", "value": "a"}, {"label": "1", "value": 1}, {"label": "true", "value": True},
    ]
    assert sanitize_options({"nyc": "New York"}) == [{"label": "New York", "value": "nyc"}]
    assert sanitize_options([{"label": "L", "value": "v", "disabled": True}]) == [
        {"label": "L", "value": "v", "disabled": True}
    ]
    assert sanitize_options(None) == []


def test_textarea_typing_sets_value_and_does_not_echo():
    """Typing sets value; the store catching up writes nothing back."""
    view, layout = mounted(dcc.Textarea(id="t", value="a"))
    assert event_on(view, 1, "input", value="ab") == [((), {"value": "ab"})]
    layout["props"]["value"] = "ab"
    assert view.update(layout, [()]) == []


def test_textarea_renders_value_as_content_in_html():
    """render_html puts a textarea's value between its tags, escaped."""
    node = render_layout(to_json(dcc.Textarea(id="t", value="<x>", rows=3)))
    assert render_html(node) == '<textarea id="t" rows="3" class="dash-textarea">&lt;x&gt;</textarea>'


def test_textarea_counts_blur_and_clicks():
    """Textarea has n_blur and n_clicks like Dash's."""
    view, _ = mounted(dcc.Textarea(id="t"))
    assert event_on(view, 1, "focusout") == [((), {"n_blur": 1, "n_blur_timestamp": 5})]
    assert event_on(view, 1, "click") == [((), {"n_clicks": 1, "n_clicks_timestamp": 5})]


def test_checklist_renders_checked_boxes_for_value():
    """Each option is a labelled checkbox; the ones in value are checked."""
    node = render_layout(to_json(dcc.Checklist(id="c", options=["a", "b"], value=["b"])))
    boxes = [n for n in node.walk() if n.tag == "input"]
    assert [(b.attrs["value"], b.props["checked"]) for b in boxes] == [("a", False), ("b", True)]
    assert node.attrs["class"] == "dash-checklist"


def test_checklist_check_appends_and_uncheck_removes():
    """Checking adds the option's value at the end; unchecking removes it."""
    view, layout = mounted(dcc.Checklist(id="c", options=["a", "b", "c"], value=["c"]))
    a, b, c = inputs(view)
    assert event_on(view, a, "change", checked=True) == [((), {"value": ["c", "a"]})]
    assert event_on(view, c, "change", checked=False) == [((), {"value": ["a"]})]


def test_checklist_keeps_option_value_types():
    """Numeric option values come back as numbers, not as the DOM's strings."""
    view, _ = mounted(dcc.Checklist(id="c", options=[{"label": "One", "value": 1}], value=[]))
    (box,) = inputs(view)
    assert event_on(view, box, "change", checked=True) == [((), {"value": [1]})]


def test_checklist_disabled_option_is_ignored():
    """A disabled option renders disabled and its events change nothing."""
    view, _ = mounted(dcc.Checklist(id="c", options=[{"label": "x", "value": "x", "disabled": True}]))
    (box,) = inputs(view)
    assert view.nodes[box].attrs.get("disabled") == ""
    assert event_on(view, box, "change", checked=True) == []


def test_checklist_user_toggle_is_not_written_back():
    """After a toggle, updating with the new value sends no setProp for the box the user checked."""
    view, layout = mounted(dcc.Checklist(id="c", options=["a", "b"], value=[]))
    a, _ = inputs(view)
    event_on(view, a, "change", checked=True)
    layout["props"]["value"] = ["a"]
    ops = view.update(layout, [()])
    assert ["setProp", a, "checked", True] not in ops


def test_checklist_component_labels_render_at_their_option_path():
    """A component label is rendered as a component at options[i].label."""
    label = {"type": "B", "namespace": "dash_html_components", "props": {"children": "bold"}}
    node = render_layout(to_json(dcc.Checklist(id="c", options=[{"label": label, "value": 1}])))
    bold = next(n for n in node.walk() if n.tag == "b")
    assert bold.path == ("props", "options", 0, "label")


def test_radioitems_choose_sets_value():
    """Choosing a radio sets value to that option's value."""
    view, _ = mounted(dcc.RadioItems(id="r", options={"x": "X", "y": "Y"}, value="x"))
    x, y = inputs(view)
    assert view.nodes[x].props["checked"] is True
    assert event_on(view, y, "change", checked=True) == [((), {"value": "y"})]


def test_radioitems_inline_labels_are_inline_blocks():
    """inline=True lays labels out on one line."""
    node = render_layout(to_json(dcc.RadioItems(id="r", options=["a"], inline=True)))
    label = node.children[0]
    assert label.style == {"display": "inline-block"}


def test_radioitems_radios_share_the_component_id_as_name():
    """Radios of one component are one group (name = id)."""
    node = render_layout(to_json(dcc.RadioItems(id={"k": 1}, options=["a", "b"])))
    names = {n.attrs["name"] for n in node.walk() if n.tag == "input"}
    assert names == {'{"k":1}'}


def test_dash_positional_props():
    """Dash's positional signatures: Checklist(options, value), Dropdown(options, value), Slider(min, max, step)."""
    assert dcc.Checklist(["a"], ["a"], id="c").to_plotly_json()["props"] == {"id": "c", "options": ["a"], "value": ["a"]}
    assert dcc.RadioItems(["a"], "a").to_plotly_json()["props"] == {"options": ["a"], "value": "a"}
    assert dcc.Dropdown(["x"], "x", True).to_plotly_json()["props"] == {"options": ["x"], "value": "x", "multi": True}
    assert dcc.Slider(0, 20, 5, value=10).to_plotly_json()["props"] == {"min": 0, "max": 20, "step": 5, "value": 10}
    assert dcc.Link("go", "/b").to_plotly_json()["props"] == {"children": "go", "href": "/b"}
