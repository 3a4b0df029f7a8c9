"""dcc.Clipboard: n_clicks, the copy page action (content after callbacks, or a target's text)."""
from __future__ import annotations

from fakes import ManualClock

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.view import DomView


def mounted(component):
    sent = []
    view = DomView(send=sent.extend)
    layout = to_json(component)
    view.render(layout)
    clock = ManualClock()
    landed = []
    view.attach(lambda path, props: landed.append((path, props)), clock)
    return view, clock, sent, layout


def click(view, node):
    refs = []
    while node is not None:
        refs.append(node.ref)
        node = node.parent
    return view.changes_for_event({"type": "click", "refs": refs, "timestamp": 5})


def clipboard_calls(sent):
    return [op[2] for op in sent if op[0] == "call" and op[1] == "clipboard"]


def root_of(view, component_id):
    return [n for n in view.root.walk() if n.attrs.get("id") == component_id][0]


def test_renders_a_div_with_an_icon_or_children():
    view, _, _, _ = mounted(html.Div([dcc.Clipboard(id="c", title="copy", className="cb"),
                                      dcc.Clipboard(id="k", children="Copy me")]))
    button = root_of(view, "c")
    assert button.tag == "div" and button.attrs["title"] == "copy" and button.attrs["class"] == "cb"
    assert [n.attrs.get("class") for n in button.children] == ["dash-clipboard-icon dash-clipboard-copy"]
    assert [t.text for t in root_of(view, "k").walk() if t.tag == "#text"] == ["Copy me"]


def icon_classes(view):
    return [n.attrs["class"] for n in view.root.walk() if "dash-clipboard-icon" in n.attrs.get("class", "")]


def test_click_counts_and_copies_content_after_a_moment():
    """n_clicks goes up at once; content is copied after Dash's 100 ms wait for a callback."""
    view, clock, sent, _ = mounted(dcc.Clipboard(id="c", content="hello", n_clicks=2))
    assert click(view, view.root) == [((), {"n_clicks": 3})]
    assert clipboard_calls(sent) == []
    clock.advance(0.1)
    assert clipboard_calls(sent) == [["hello", None, None]]
    assert icon_classes(view) == ["dash-clipboard-icon dash-clipboard-copied"]  # the check, for a second
    clock.advance(1.0)
    assert icon_classes(view) == ["dash-clipboard-icon dash-clipboard-copy"]


def test_content_from_a_callback_is_copied_when_it_is_done():
    """While a callback computes the Clipboard's content, the copy waits for it (Dash's loading wait)."""
    view, clock, sent, layout = mounted(dcc.Clipboard(id="c"))
    click(view, view.root)
    sent.extend(view.set_loading([((), "content")]))
    clock.advance(0.1)
    assert clipboard_calls(sent) == []
    layout["props"]["content"] = "from the callback"
    sent.extend(view.update(layout, [()]))
    sent.extend(view.set_loading([]))
    assert clipboard_calls(sent) == [["from the callback", None, None]]


def test_target_id_copies_the_target_at_once():
    view, clock, sent, _ = mounted(html.Div([html.P("text", id="p"), dcc.Clipboard(id="c", target_id="p")]))
    click(view, root_of(view, "c"))
    assert clipboard_calls(sent) == [[None, None, "p"]]


def test_html_content_travels_too_and_nothing_empty_is_copied():
    view, clock, sent, _ = mounted(dcc.Clipboard(id="c", content="plain", html_content="<b>bold</b>"))
    click(view, view.root)
    clock.advance(0.1)
    assert clipboard_calls(sent) == [["plain", "<b>bold</b>", None]]
    view, clock, sent, _ = mounted(dcc.Clipboard(id="e"))
    assert click(view, view.root) == [((), {"n_clicks": 1})]
    clock.advance(0.5)
    assert clipboard_calls(sent) == []
