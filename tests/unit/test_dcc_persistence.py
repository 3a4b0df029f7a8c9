"""Dash's persistence: user edits survive a reload while the app's value is unchanged."""
from __future__ import annotations

import json

from wasmdash import dcc, html
from wasmdash.component import to_json
from wasmdash.dcc._persistence import storage_key
from wasmdash.view import DomView


def page(layout_component, storage=None):
    layout = to_json(html.Div([layout_component], id="root"))
    sent = []
    view = DomView(send=sent.extend, page={"href": "http://t/", "storage": storage if storage is not None else {}})
    sent.extend(view.render(layout))
    return view, layout, sent


def type_into(view, value):
    node = view.by_path[("props", "children", 0)]
    return view.changes_for_event({"type": "input", "refs": [node.ref, view.root.ref], "value": value, "timestamp": 1})


def test_user_edit_is_recorded_with_the_original_value():
    """Typing into a persisted Input saves [new, original] in local storage."""
    view, layout, sent = page(dcc.Input(id="name", value="Ann", persistence=True))
    type_into(view, "Bob")
    key = storage_key("name", "value", True)
    assert ["storage", "local", key, '["Bob","Ann"]'] in [[op[1], *op[2]] for op in sent if op[0] == "call"]


def test_reload_applies_the_edit_before_anything_reads_the_layout():
    """A saved edit replaces the layout's value when it still equals the original."""
    storage = {"local": {storage_key("name", "value", True): json.dumps(["Bob", "Ann"])}}
    view, layout, _ = page(dcc.Input(id="name", value="Ann", persistence=True), storage)
    assert layout["props"]["children"][0]["props"]["value"] == "Bob"  # the store sees it too
    assert view.by_path[("props", "children", 0)].props["value"] == "Bob"


def test_changed_app_value_drops_the_stale_edit():
    """If the app's value is no longer the recorded original, the record is removed."""
    key = storage_key("name", "value", True)
    storage = {"local": {key: json.dumps(["Bob", "Ann"])}}
    view, layout, sent = page(dcc.Input(id="name", value="Cid", persistence=True), storage)
    assert layout["props"]["children"][0]["props"]["value"] == "Cid"
    assert ["call", "storage", ["local", key, None]] in sent


def test_second_edit_keeps_the_first_original():
    """Editing twice records the latest value against the app's original."""
    view, layout, sent = page(dcc.Input(id="name", value="Ann", persistence=True))
    type_into(view, "B")
    type_into(view, "Bo")
    writes = [op[2] for op in sent if op[0] == "call" and op[1] == "storage"]
    assert writes[-1][2] == '["Bo","Ann"]'


def test_without_persistence_nothing_is_saved():
    """persistence unset: no storage writes."""
    view, layout, sent = page(dcc.Input(id="name", value="Ann"))
    type_into(view, "Bob")
    assert not [op for op in sent if op[0] == "call"]


def test_memory_persistence_survives_a_rerender_not_a_reload():
    """persistence_type='memory' keeps edits in the view only."""
    view, layout, sent = page(dcc.Input(id="name", value="Ann", persistence=True, persistence_type="memory"))
    type_into(view, "Bob")
    assert not [op for op in sent if op[0] == "call"]
    key = storage_key("name", "value", True)
    assert json.loads(view.page["storage"]["memory"][key]) == ["Bob", "Ann"]


def test_new_children_from_a_callback_get_the_edit_but_shown_components_are_left_alone():
    """Components arriving in an update take saved edits; the one already on the page keeps its value."""
    key = storage_key("name", "value", True)
    storage = {"local": {key: json.dumps(["Bob", "Ann"])}}
    layout = to_json(html.Div([html.Div(id="slot")], id="root"))
    view = DomView(page={"storage": storage})
    view.render(layout)
    layout["props"]["children"][0]["props"]["children"] = to_json(dcc.Input(id="name", value="Ann", persistence=True))
    view.update(layout, [("props", "children", 0)])
    assert layout["props"]["children"][0]["props"]["children"]["props"]["value"] == "Bob"
    # the user types on; a re-render of the parent must not drop the record or reset the value
    node = view.by_path[("props", "children", 0, "props", "children")]
    changes = view.changes_for_event({"type": "input", "refs": [node.ref], "value": "Bobby", "timestamp": 1})
    layout["props"]["children"][0]["props"]["children"]["props"].update(changes[0][1])
    view.update(layout, [("props", "children", 0)])
    assert json.loads(view.page["storage"]["local"][key]) == ["Bobby", "Ann"]
    assert layout["props"]["children"][0]["props"]["children"]["props"]["value"] == "Bobby"


def test_dropdown_and_checklist_persist_value_too():
    """Dropdown, Checklist, RadioItems, Slider, Tabs persist `value` by default."""
    storage = {"local": {storage_key("cl", "value", "x"): json.dumps([["b"], []])}}
    _, layout, _ = page(dcc.Checklist(id="cl", options=["a", "b"], value=[], persistence="x"), storage)
    assert layout["props"]["children"][0]["props"]["value"] == ["b"]
