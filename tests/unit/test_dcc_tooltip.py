"""dcc.Tooltip: Dash's markup, placed by bbox, shown by show, loading_text while computed."""
from __future__ import annotations

from wasmdash import dcc
from wasmdash.component import to_json
from wasmdash.view import DomView


def rendered(component):
    sent = []
    view = DomView(send=sent.extend)
    layout = to_json(component)
    view.render(layout)
    return view, sent, layout


def test_markup_and_position_follow_bbox():
    """Dash's markup; the box sits at bbox, and only what props compute is inline (the rest is CSS)."""
    view, _, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 10, "x1": 30, "y0": 5, "y1": 25}, children="hi",
                                      direction="bottom", className="mine", zindex=7))
    box = view.root
    assert box.attrs["class"] == "dcc-tooltip-bounding-box dash-tooltip"
    assert box.style == {
        "top": "5px", "left": "10px", "width": "20px", "height": "20px", "display": "inline-block",
        "pointer-events": "none", "--Dash-Tooltip-PointerEvents": "none", "--Dash-Tooltip-Border-Color": "#d6d6d6",
        "--Dash-Tooltip-Background-Color": "rgba(255, 255, 255, 0.9)", "--Dash-Tooltip-ZIndex": "7",
    }
    hover = box.children[0]
    assert hover.attrs["class"] == "hover hover-bottom"
    assert hover.style == {}
    content = hover.children[0]
    assert content.attrs == {"id": "t", "class": "hover-content mine"}
    assert content.style == {}
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


def test_the_users_style_is_the_only_inline_style_of_the_content():
    """`style` reaches the content span as written, so it wins over the stylesheet, as in Dash."""
    view, _, _ = rendered(dcc.Tooltip(id="t", bbox={"x0": 0, "x1": 1, "y0": 0, "y1": 1}, style={"fontSize": 20}))
    assert view.root.children[0].children[0].style == {"font-size": "20px"}
