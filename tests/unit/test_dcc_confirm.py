"""dcc.ConfirmDialog / ConfirmDialogProvider: confirm() on the main thread, answers as events."""
from __future__ import annotations

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.view import DomView


def page_of(component):
    layout = to_json(html.Div([component], id="root"))
    sent = []
    view = DomView(send=sent.extend)
    ops = view.render(layout)
    return view, layout, sent, ops


def dialog_ref(view):
    return view.by_path[("props", "children", 0)].ref


def test_displayed_true_asks_the_page():
    """displayed=True (from a callback) sends one confirm call with the message."""
    view, layout, sent, ops = page_of(dcc.ConfirmDialog(id="c", message="Sure?"))
    assert not [op for op in ops if op[0] == "call"]
    layout["props"]["children"][0]["props"]["displayed"] = True
    ops = view.update(layout, [("props", "children", 0)])
    assert ops == [["call", "confirm", [dialog_ref(view), "Sure?"]]]


def test_displayed_on_mount_asks_at_once():
    """A dialog rendered already displayed asks during the first render."""
    view, _, _, ops = page_of(dcc.ConfirmDialog(id="c", message="Now?", displayed=True))
    assert ["call", "confirm", [dialog_ref(view), "Now?"]] in ops


def test_ok_counts_submit_and_hides():
    """The answer True bumps submit_n_clicks and resets displayed."""
    view, *_ = page_of(dcc.ConfirmDialog(id="c", displayed=True))
    changes = view.changes_for_event({"type": "confirm", "refs": [dialog_ref(view)], "result": True, "timestamp": 9})
    assert changes == [(("props", "children", 0), {"submit_n_clicks": 1, "submit_n_clicks_timestamp": 9, "displayed": False})]


def test_cancel_counts_cancel_and_does_not_reach_the_parent():
    """The answer False bumps cancel_n_clicks; the root Div's n_clicks is untouched."""
    view, *_ = page_of(dcc.ConfirmDialog(id="c", displayed=True))
    refs = [dialog_ref(view), view.root.ref]
    changes = view.changes_for_event({"type": "confirm", "refs": refs, "result": False, "timestamp": 9})
    assert changes == [(("props", "children", 0), {"cancel_n_clicks": 1, "cancel_n_clicks_timestamp": 9, "displayed": False})]


def test_provider_click_opens_the_dialog():
    """Clicking a Provider's child asks for confirmation and marks it displayed."""
    view, _, sent, _ = page_of(dcc.ConfirmDialogProvider(html.Button("Del", id="b"), id="p", message="Delete?"))
    button = next(n for n in view.root.walk() if n.tag == "button")
    provider = view.by_path[("props", "children", 0)]
    changes = view.changes_for_event({"type": "click", "refs": [button.ref, provider.ref, view.root.ref], "timestamp": 1})
    assert (("props", "children", 0), {"displayed": True}) in changes
    assert sent == [["call", "confirm", [provider.ref, "Delete?"]]]
