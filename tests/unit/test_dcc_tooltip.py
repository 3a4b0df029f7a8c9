"""dcc.Tooltip: Dash's markup, placed by bbox, shown by show, loading_text while computed."""
from __future__ import annotations

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.vdom import DomView


def rendered(component):
    sent = []
    view = DomView(send=sent.extend)
    layout = to_json(component)
    view.render(layout)
    return view, sent, layout


def test_markup_and_position_follow_bbox():
    view, _, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 10, "x1": 30, "y0": 5, "y1": 25}, children="hi",
                                      direction="bottom", className="mine", zindex=7))
    box = view.root
    assert box.attrs["class"] == "dcc-tooltip-bounding-box dash-tooltip"
    assert {k: box.style[k] for k in ("top", "left", "width", "height", "display", "position")} == {
        "top": "5px", "left": "10px", "width": "20px", "height": "20px", "display": "inline-block",
        "position": "absolute",
    }
    assert box.style["--Dash-Tooltip-ZIndex"] == "7"
    hover = box.children[0]
    assert hover.attrs["class"] == "hover hover-bottom"
    content = hover.children[0]
    assert content.attrs == {"id": "t", "class": "hover-content mine"}
    assert [t.text for t in content.walk() if t.tag == "#text"] == ["hi"]


def test_hidden_without_bbox_or_when_show_is_false():
    view, _, _ = rendered(dcc.Tooltip(id="t", children="x"))
    assert view.root.style["display"] == "none"
    view, _, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 0, "x1": 1, "y0": 0, "y1": 1}, show=False))
    assert view.root.style["display"] == "none"


def test_targetable_and_colours():
    view, _, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 0, "x1": 1, "y0": 0, "y1": 1}, targetable=True,
                                      border_color="red", background_color="blue"))
    style = view.root.style
    assert style["pointer-events"] == "auto"
    assert style["--Dash-Tooltip-Border-Color"] == "red"
    assert style["--Dash-Tooltip-Background-Color"] == "blue"


def test_loading_text_while_a_callback_computes_it():
    view, sent, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 0, "x1": 1, "y0": 0, "y1": 1}, children="done",
                                         loading_text="Wait..."))
    view.set_loading([((), "children")])
    texts = [t.text for t in view.root.walk() if t.tag == "#text"]
    assert texts == ["Wait..."]
    assert view.root.children[0].attrs["data-dash-is-loading"] == "true"
    view.set_loading([])
    assert [t.text for t in view.root.walk() if t.tag == "#text"] == ["done"]
