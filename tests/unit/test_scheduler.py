"""scheduler: pure queue decisions and request bodies, from wire data."""
from __future__ import annotations

import pytest
from fakes import comp, dep, inp, pid

from wasmdash.graph import build
from wasmdash.paths import PathIndex
from wasmdash.scheduler import (
    DIRECT,
    INDIRECT,
    CallbackReferenceError,
    PendingCallback,
    build_request,
    initial_callbacks,
    layout_callbacks,
    merge_requested,
    ready_callbacks,
    triggered_by,
)

ITEM_ALL = {"type": "item", "index": ["ALL"]}
ITEM_MATCH = {"type": "item", "index": ["MATCH"]}
ITEM_SMALLER = {"type": "item", "index": ["ALLSMALLER"]}
OUT_MATCH = {"type": "out", "index": ["MATCH"]}


def setup(layout, deps):
    graph, errors = build(deps)
    assert errors == []
    return graph, PathIndex.build(layout)


def items_layout(n=3, with_outs=True):
    children = [inp({"type": "item", "index": i}, value=f"v{i}") for i in range(n)]
    if with_outs:
        children += [comp("Div", {"type": "out", "index": i}) for i in range(n)]
    children += [comp("Div", "total"), inp("a", value=1), comp("Div", "b")]
    return comp("Div", "root", children)


# -- triggering -----------------------------------------------------------------------------------
def test_triggered_by_names_the_changed_prop():
    """Does a changed input give its callbacks with changedPropIds {prop_id: DIRECT}?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b")])
    graph, index = setup(layout, [dep("b.children", ["a.value"])])
    [cb] = triggered_by(graph, index, "a", "value")
    assert cb.spec.output == "b.children"
    assert cb.changed == {"a.value": DIRECT}


def test_match_trigger_resolves_one_call_for_the_matching_output():
    """Does changing item 1 trigger the MATCH callback for out 1 only?"""
    layout = items_layout()
    graph, index = setup(layout, [dep(pid(OUT_MATCH, "children"), [pid(ITEM_MATCH, "value")])])
    [cb] = triggered_by(graph, index, {"type": "item", "index": 1}, "value")
    body = build_request(cb, layout, index)
    assert body["outputs"] == {"id": {"type": "out", "index": 1}, "property": "children"}
    assert body["inputs"] == [{"id": {"type": "item", "index": 1}, "property": "value", "value": "v1"}]
    assert body["changedPropIds"] == ['{"index":1,"type":"item"}.value']


def test_all_input_is_a_list_of_every_matching_component():
    """Is an ALL input sent as a list of {id, property, value}, in layout order?"""
    layout = items_layout()
    graph, index = setup(layout, [dep("total.children", [pid(ITEM_ALL, "value")])])
    [cb] = triggered_by(graph, index, {"type": "item", "index": 2}, "value")
    body = build_request(cb, layout, index)
    assert body["inputs"] == [[
        {"id": {"type": "item", "index": i}, "property": "value", "value": f"v{i}"} for i in range(3)
    ]]
    assert body["outputs"] == {"id": "total", "property": "children"}


def test_allsmaller_state_holds_the_items_before_the_match():
    """Is ALLSMALLER resolved against the MATCH value of the call (Dash cbwc ALLSMALLER)?"""
    layout = items_layout(4)
    graph, index = setup(
        layout,
        [dep(pid(OUT_MATCH, "children"), [pid(ITEM_MATCH, "value")], [pid(ITEM_SMALLER, "value")])],
    )
    [cb] = triggered_by(graph, index, {"type": "item", "index": 2}, "value")
    body = build_request(cb, layout, index)
    assert [s["id"]["index"] for s in body["state"][0]] == [0, 1]


def test_all_outputs_are_a_list_in_the_request():
    """Is an ALL output sent as a list of {id, property}?"""
    layout = items_layout(2)
    graph, index = setup(layout, [dep(pid({"type": "out", "index": ["ALL"]}, "children"), ["a.value"])])
    [cb] = triggered_by(graph, index, "a", "value")
    body = build_request(cb, layout, index)
    assert body["outputs"] == [
        {"id": {"type": "out", "index": 0}, "property": "children"},
        {"id": {"type": "out", "index": 1}, "property": "children"},
    ]


def test_initial_calls_resolve_one_call_per_match_value():
    """On first load, does a MATCH callback get one call per output component?"""
    layout = items_layout(3)
    graph, index = setup(layout, [dep(pid(OUT_MATCH, "children"), [pid(ITEM_MATCH, "value")])])
    calls = initial_callbacks(graph, index, layout)
    assert len(calls) == 3
    assert len({cb.key for cb in calls}) == 3


# -- request bodies -------------------------------------------------------------------------------
def test_request_body_has_dash_shape():
    """Is the body {output, outputs, inputs, state, changedPropIds} as dash-renderer sends it?"""
    layout = comp("Div", children=[inp("a", value=1), inp("s", value="st"), comp("Div", "b")])
    graph, index = setup(layout, [dep(["b.children", "b.title"], ["a.value"], ["s.value"])])
    [cb] = triggered_by(graph, index, "a", "value")
    assert build_request(cb, layout, index) == {
        "output": "..b.children...b.title..",
        "outputs": [{"id": "b", "property": "children"}, {"id": "b", "property": "title"}],
        "inputs": [{"id": "a", "property": "value", "value": 1}],
        "state": [{"id": "s", "property": "value", "value": "st"}],
        "changedPropIds": ["a.value"],
    }


def test_unset_prop_has_no_value_key():
    """Is `value` left out for a prop never set (JSON drops undefined in Dash)?"""
    layout = comp("Div", children=[comp("Button", "btn"), comp("Div", "b")])
    graph, index = setup(layout, [dep("b.children", ["btn.n_clicks"])])
    [cb] = initial_callbacks(graph, index, layout)
    body = build_request(cb, layout, index)
    assert body["inputs"] == [{"id": "btn", "property": "n_clicks"}]
    assert "state" not in body


def test_allow_duplicate_output_keeps_its_suffix_in_the_request():
    """Is `children@hash` sent as the output property, as dash-renderer does?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b")])
    graph, index = setup(layout, [dep("b.children@ab12", ["a.value"])])
    [cb] = triggered_by(graph, index, "a", "value")
    assert build_request(cb, layout, index)["outputs"] == {"id": "b", "property": "children@ab12"}


def test_optional_missing_input_is_null():
    """Seed 'allow_optional': is a missing optional input sent with value None?"""
    layout = comp("Div", children=[comp("Button", "b1", n_clicks=1), comp("Div", "out")])
    graph, index = setup(layout, [dep("out.children", ["b1.n_clicks", "b2.n_clicks"], optional=("b2.n_clicks",))])
    [cb] = triggered_by(graph, index, "b1", "n_clicks")
    body = build_request(cb, layout, index)
    assert body["inputs"][1] == {"id": "b2", "property": "n_clicks", "value": None}


def test_some_inputs_missing_is_a_reference_error_naming_the_id():
    """Does a missing non-optional input, with others present, raise naming id and prop?"""
    layout = comp("Div", children=[comp("Button", "b1", n_clicks=1), comp("Div", "out")])
    graph, index = setup(layout, [dep("out.children", ["b1.n_clicks", "b2.n_clicks"])])
    [cb] = triggered_by(graph, index, "b1", "n_clicks")
    with pytest.raises(CallbackReferenceError, match="`b2` and the property is `n_clicks`"):
        build_request(cb, layout, index)


def test_all_inputs_missing_means_no_request():
    """Is a call whose inputs are all missing skipped (None), not an error?"""
    layout = comp("Div", children=[comp("Div", "out")])
    graph, index = setup(layout, [dep("out.children", ["x.value", "y.value"])])
    cb = PendingCallback(graph.callbacks[0])
    assert build_request(cb, layout, index) is None


def test_empty_all_input_still_fires():
    """Does a callback whose only input is an ALL with no matches still run (empty list)?"""
    layout = comp("Div", children=[comp("Div", "total")])
    graph, index = setup(layout, [dep("total.children", [pid(ITEM_ALL, "value")])])
    [cb] = initial_callbacks(graph, index, layout)
    assert build_request(cb, layout, index)["inputs"] == [[]]


# -- inserted components --------------------------------------------------------------------------
def seed_graph():
    """The seed's example: display_page inserts `input` and `output` into `content`."""
    layout = comp("Div", children=[
        comp("Location", "url", namespace="dash_core_components", pathname="/"),
        comp("Div", "layout-div"),
        comp("Div", "content"),
    ])
    deps = [
        dep("content.children", ["url.pathname"]),
        dep("output.children", ["input.value"], prevent_initial_call=True),
        dep("layout-div.children", ["input.value"], prevent_initial_call=True),
    ]
    return layout, deps


def test_inserted_input_and_output_keep_prevent_initial_call():
    """Seed: is update_output (input and output both inserted) not called?"""
    layout, deps = seed_graph()
    graph, index = setup(layout, deps)
    chunk = comp("Div", children=[inp("input", value="hello world"), comp("Div", "output")])
    content = layout["props"]["children"][2]
    content["props"]["children"] = chunk
    path = index.path_of("content") + ("props", "children")
    index.reindex(chunk, path)
    calls = layout_callbacks(graph, index, chunk, chunk_path=path)
    assert [cb.spec.output for cb in calls] == ["layout-div.children"]


def test_inserted_input_with_existing_output_fires_as_a_change():
    """Seed: is update_layout_div called as if `input.value` changed (INDIRECT), not initially?"""
    layout, deps = seed_graph()
    graph, index = setup(layout, deps)
    chunk = [inp("input", value="hello world"), comp("Div", "output")]
    path = index.path_of("content") + ("props", "children")
    layout["props"]["children"][2]["props"]["children"] = chunk
    index.reindex(chunk, path)
    [cb] = layout_callbacks(graph, index, chunk, chunk_path=path)
    assert cb.changed == {"input.value": INDIRECT}
    assert not cb.initial_call


def test_inserted_output_gets_its_initial_call():
    """Does a callback whose output arrives in new children (no prevent_initial_call) run?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "box")])
    graph, index = setup(layout, [dep("late.children", ["a.value"])])
    chunk = comp("Div", "late")
    path = ("props", "children", 1, "props", "children")
    layout["props"]["children"][1]["props"]["children"] = chunk
    index.reindex(chunk, path)
    [cb] = layout_callbacks(graph, index, chunk, chunk_path=path)
    assert cb.initial_call and cb.spec.output == "late.children"


# -- the queue ------------------------------------------------------------------------------------
def test_ready_waits_for_transitive_outputs_of_pending_calls():
    """Does C (reading B) wait while A (writing what B reads) is pending?"""
    layout = comp("Div", children=[inp("x", value=1), comp("Div", "a"), comp("Div", "b"), comp("Div", "c")])
    graph, index = setup(layout, [
        dep("a.children", ["x.value"]), dep("b.children", ["a.children"]), dep("c.children", ["b.children"]),
    ])
    a = triggered_by(graph, index, "x", "value")
    c = PendingCallback(graph.callbacks[2], changed={"b.children": DIRECT})
    assert ready_callbacks(graph, index, [c], a + [c]) == []
    assert ready_callbacks(graph, index, [c], [c]) == [c]


def test_a_callback_reading_its_own_output_is_ready():
    """Is a callback whose input is also its output not blocked by itself?"""
    layout = comp("Div", children=[inp("s", value=1), inp("t", value=1)])
    graph, index = setup(layout, [dep(["s.value", "t.value"], ["s.value", "t.value"])])
    [cb] = triggered_by(graph, index, "s", "value")
    assert ready_callbacks(graph, index, [cb], [cb]) == [cb]


def test_merge_keeps_one_call_with_both_triggers():
    """Are two triggered calls of one callback merged, changedPropIds combined?"""
    layout = comp("Div", children=[inp("a"), inp("b"), comp("Div", "d")])
    graph, index = setup(layout, [dep("d.children", ["a.value", "b.value"])])
    merged = merge_requested(triggered_by(graph, index, "a", "value") + triggered_by(graph, index, "b", "value"))
    assert len(merged) == 1
    assert set(merged[0].changed) == {"a.value", "b.value"}


def test_merge_prefers_a_triggered_call_over_an_initial_one():
    """Does a triggered call replace the same callback's pending initial call?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "d")])
    graph, index = setup(layout, [dep("d.children", ["a.value"])])
    initial = initial_callbacks(graph, index, layout)
    triggered = triggered_by(graph, index, "a", "value")
    [kept] = merge_requested(initial + triggered)
    assert kept is triggered[0]


def test_changes_to_several_inputs_trigger_one_call_naming_all():
    """Does a batch of changed prop ids give one call per callback with every trigger listed?"""
    from wasmdash.scheduler import triggered_by_changes

    layout = comp("Div", children=[inp("a"), inp("b"), comp("Div", "d"), comp("Div", "e")])
    graph, index = setup(layout, [dep("d.children", ["a.value", "b.value"]), dep("e.children", ["b.value"])])
    calls = triggered_by_changes(graph, index, ["a.value", "b.value"])
    assert [(cb.spec.output, sorted(cb.changed)) for cb in calls] == [
        ("d.children", ["a.value", "b.value"]),
        ("e.children", ["b.value"]),
    ]


def test_no_output_match_callback_gets_one_initial_call_per_item():
    """Is a no-output MATCH callback's initial call made once per matching input?"""
    layout = items_layout(3, with_outs=False)
    graph, index = setup(layout, [dep("noout", [pid(ITEM_MATCH, "value")], no_output=True)])
    calls = initial_callbacks(graph, index, layout)
    bodies = [build_request(cb, layout, index) for cb in calls]
    assert [b["inputs"][0]["id"]["index"] for b in bodies] == [0, 1, 2]
