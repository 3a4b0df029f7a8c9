"""Runtime: the store, the queue and the seams, driven headless with the fakes."""
from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fakes import (
    NO_UPDATE,
    pid,
    FakeTransport,
    FakeView,
    ManualClock,
    Prevent,
    RecordingApplier,
    comp,
    dep,
    inp,
    yield_once,
)

from wasmdash.layout import get_in
from wasmdash.runtime import Runtime


class Page:
    """A runtime wired to fakes, with what it reported."""

    def __init__(self, layout, deps, handlers=None, *, app=None, gated=False, **kwargs):
        self.transport = FakeTransport(app, handlers, gated=gated)
        self.view = FakeView()
        self.applier = RecordingApplier()
        self.clock = ManualClock()
        self.errors: list[tuple[str, Any]] = []
        self.ready = 0
        self.runtime = Runtime(
            layout,
            deps,
            transport=self.transport,
            view=self.view,
            applier=self.applier,
            clock=self.clock,
            report_error=lambda message, tb: self.errors.append((message, tb)),
            on_ready=self._on_ready,
            **kwargs,
        )

    def _on_ready(self):
        self.ready += 1

    def prop(self, component_id, prop):
        path = self.runtime.index.path_of(component_id)
        assert path is not None, f"{component_id} not in layout"
        return get_in(self.runtime.layout, path)["props"].get(prop)

    def type_into(self, component_id, **props):
        path = self.runtime.index.path_of(component_id)
        return self.runtime.handle_event({"path": list(path), "props": props})


def run(coro):
    return asyncio.run(coro)


def chain_page(handlers=None, **kwargs):
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b"), comp("Div", "c")])
    deps = [dep("b.children", ["a.value"]), dep("c.children", ["b.children"])]
    calls = []

    def upper(v):
        calls.append("b")
        return v.upper()

    def length(v):
        calls.append("c")
        return len(v)

    page = Page(layout, deps, handlers or {"b.children": upper, "c.children": length}, **kwargs)
    page.calls = calls
    return page


# -- start ----------------------------------------------------------------------------------------
def test_start_renders_the_layout_once_before_callbacks():
    """Does start() apply exactly one full render before any callback output?"""
    page = chain_page()
    run(page.runtime.start())
    assert page.view.renders == 1
    assert page.applier.batches[0] == [["render"]]


def test_initial_call_runs_every_callback_with_inputs_in_layout():
    """Dash cbsc001-like: are initial calls made, filling outputs on first load?"""
    page = chain_page()
    run(page.runtime.start())
    assert page.prop("b", "children") == "X"
    assert page.prop("c", "children") == 1


def test_chain_runs_in_order():
    """Does A -> B -> C run B before C, each once, on first load?"""
    page = chain_page()
    run(page.runtime.start())
    assert page.calls == ["b", "c"]


def test_initial_requests_carry_no_changed_prop_ids():
    """Are initial calls sent with an empty changedPropIds, like dash-renderer?"""
    page = chain_page()
    run(page.runtime.start())
    assert page.transport.requests[0]["changedPropIds"] == []


def test_on_ready_is_called_once_after_initial_callbacks_settle():
    """Is on_ready called after the last initial callback's output is in the store?"""
    seen = []
    page = chain_page()
    page.runtime.on_ready = lambda: seen.append(page.prop("c", "children"))
    run(page.runtime.start())
    assert seen == [1]


def test_on_ready_can_come_in_config():
    """Is config['on_ready'] used when no on_ready keyword is given?"""
    seen = []
    layout = comp("Div", "a")
    runtime = Runtime(
        layout, [], transport=FakeTransport(), view=FakeView(), applier=RecordingApplier(),
        clock=ManualClock(), report_error=lambda m, t: None, config={"on_ready": lambda: seen.append(1)},
    )
    run(runtime.start())
    assert seen == [1]


def test_chain_runs_in_order_after_an_event():
    """Does typing in A run B then C, with changedPropIds naming the changed prop?"""
    page = chain_page()

    async def scenario():
        await page.runtime.start()
        page.calls.clear()
        page.transport.requests.clear()
        await page.type_into("a", value="hello")
        await page.runtime.settled()

    run(scenario())
    assert page.calls == ["b", "c"]
    assert page.transport.requests[0]["changedPropIds"] == ["a.value"]
    assert page.transport.requests[1]["changedPropIds"] == ["b.children"]
    assert page.prop("c", "children") == 5


def test_event_updates_store_and_renders_one_batch():
    """Is an event's prop change one apply() of the view's update for that path?"""
    page = chain_page()

    async def scenario():
        await page.runtime.start()
        before = len(page.applier.batches)
        page.runtime.set_props(page.runtime.index.path_of("a"), {"value": "q"})
        assert len(page.applier.batches) == before + 1
        assert page.view.updates[-1] == [page.runtime.index.path_of("a")]
        await page.runtime.settled()

    run(scenario())
    assert page.prop("a", "value") == "q"


def test_response_is_rendered_in_one_batch():
    """Does a multi-output response update the store and render once?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b"), comp("Div", "c")])
    deps = [dep(["b.children", "c.children"], ["a.value"])]
    page = Page(layout, deps, {"..b.children...c.children..": lambda v: [v, v * 2]})
    run(page.runtime.start())
    assert page.applier.batches[1:] == [
        [["update", [list(page.runtime.index.path_of("b")), list(page.runtime.index.path_of("c"))]]]
    ]
    assert page.prop("c", "children") == "xx"


# -- diamond --------------------------------------------------------------------------------------
def diamond_page():
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b"), comp("Div", "c"), comp("Div", "d")])
    deps = [
        dep("b.children", ["a.value"]),
        dep("c.children", ["a.value"]),
        dep("d.children", ["b.children", "c.children"]),
    ]
    return Page(
        layout,
        deps,
        {
            "b.children": lambda a: a + 1,
            "c.children": lambda a: a * 10,
            "d.children": lambda b, c: f"{b}+{c}",
        },
    )


def test_diamond_runs_d_once_after_b_and_c():
    """Does the diamond A->B, A->C, B+C->D call D once, after B and C, on an event?"""
    page = diamond_page()

    async def scenario():
        await page.runtime.start()
        page.transport.requests.clear()
        await page.type_into("a", value=2)
        await page.runtime.settled()

    run(scenario())
    calls = page.transport.calls
    assert calls.count("d.children") == 1
    assert calls.index("d.children") == 2
    assert page.prop("d", "children") == "3+20"


def test_diamond_on_first_load_calls_d_once():
    """On first load, is D called once, with B's and C's fresh outputs?"""
    page = diamond_page()
    run(page.runtime.start())
    assert page.transport.calls.count("d.children") == 1
    assert page.prop("d", "children") == "2+10"


def test_diamond_d_sees_both_triggers_in_changed_prop_ids():
    """Does D's one request name both b.children and c.children as changed?"""
    page = diamond_page()

    async def scenario():
        await page.runtime.start()
        page.transport.requests.clear()
        await page.type_into("a", value=2)
        await page.runtime.settled()

    run(scenario())
    d = [r for r in page.transport.requests if r["output"] == "d.children"][0]
    assert sorted(d["changedPropIds"]) == ["b.children", "c.children"]


# -- PreventUpdate and no_update -----------------------------------------------------------------
def test_prevent_update_stops_the_chain():
    """Dash cbsc007-like: does a 204 from B keep C from running after an event?"""

    def upper(v):
        if v == "stop":
            raise Prevent
        return v.upper()

    page = chain_page({"b.children": upper, "c.children": len})

    async def scenario():
        await page.runtime.start()
        page.transport.requests.clear()
        await page.type_into("a", value="stop")
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls == ["b.children"]
    assert page.prop("b", "children") == "X"


def test_prevent_update_on_first_load_stops_the_chain():
    """Seed example 1: when B prevents its initial call, is C's initial call dropped too?"""

    def upper(v):
        raise Prevent

    page = chain_page({"b.children": upper, "c.children": len})
    run(page.runtime.start())
    assert page.transport.calls == ["b.children"]
    assert page.prop("c", "children") is None
    assert page.ready == 1


def test_no_update_in_one_of_two_outputs_triggers_only_the_other():
    """Does no_update in one output leave it alone and skip its dependants?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b", "old-b"), comp("Div", "c"),
                                   comp("Div", "b2"), comp("Div", "c2")])
    deps = [
        dep(["b.children", "c.children"], ["a.value"], prevent_initial_call=True),
        dep("b2.children", ["b.children"], prevent_initial_call=True),
        dep("c2.children", ["c.children"], prevent_initial_call=True),
    ]
    page = Page(layout, deps, {
        "..b.children...c.children..": lambda v: [NO_UPDATE, v],
        "b2.children": lambda v: "b2 ran",
        "c2.children": lambda v: "c2 ran",
    })

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value="new")
        await page.runtime.settled()

    run(scenario())
    assert page.prop("b", "children") == "old-b"
    assert page.prop("c", "children") == "new"
    assert page.transport.calls == ["..b.children...c.children..", "c2.children"]


# -- initial call rules ---------------------------------------------------------------------------
def test_prevent_initial_call_skips_the_first_load():
    """Is a prevent_initial_call callback left alone on first load but run on a change?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["a.value"], prevent_initial_call=True)],
                {"b.children": lambda v: v})

    async def scenario():
        await page.runtime.start()
        assert page.transport.calls == []
        await page.type_into("a", value="y")
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls == ["b.children"]


def test_prevent_initial_call_upstream_still_lets_downstream_initial_call_run():
    """With A->B prevented initially, does B->C still get its own initial call?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b", "B0"), comp("Div", "c")])
    deps = [dep("b.children", ["a.value"], prevent_initial_call=True), dep("c.children", ["b.children"])]
    page = Page(layout, deps, {"b.children": str.upper, "c.children": lambda v: v + "!"})
    run(page.runtime.start())
    assert page.transport.calls == ["c.children"]
    assert page.prop("c", "children") == "B0!"


def test_state_change_does_not_trigger():
    """Dash cbsc: does a change to a State-only prop leave the callback alone?"""
    layout = comp("Div", children=[inp("a", value="x"), inp("s", value="s0"), comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["a.value"], ["s.value"])], {"b.children": lambda a, s: a + s})

    async def scenario():
        await page.runtime.start()
        await page.type_into("s", value="s1")
        await page.runtime.settled()
        assert page.transport.calls == ["b.children"]
        await page.type_into("a", value="y")
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls == ["b.children", "b.children"]
    assert page.prop("b", "children") == "ys1"


def test_callback_with_inputs_missing_from_layout_is_not_called():
    """Is a callback whose inputs are all absent (suppress_callback_exceptions) skipped silently?"""
    layout = comp("Div", children=[comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["ghost.value"])], {"b.children": lambda v: v})
    run(page.runtime.start())
    assert page.transport.calls == []
    assert page.errors == []


# -- errors ---------------------------------------------------------------------------------------
def test_transport_error_is_reported_and_the_app_keeps_working():
    """Does a failing callback reach report_error, naming its output, while others keep running?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b"), comp("Div", "c")])
    deps = [dep("b.children", ["a.value"]), dep("c.children", ["a.value"])]

    def boom(v):
        raise ZeroDivisionError("division by zero")

    page = Page(layout, deps, {"b.children": boom, "c.children": str.upper})

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value="y")
        await page.runtime.settled()

    # The scripted fake turns an exception into CallbackError only for Prevent; a raw exception
    # stands for a transport bug, which must be reported too.
    run(scenario())
    assert page.prop("c", "children") == "Y"
    assert len(page.errors) == 2
    assert page.errors[0][0].startswith("Callback error updating b.children")
    assert "division by zero" in page.errors[0][0]
    assert page.ready == 1


# -- stale responses ------------------------------------------------------------------------------
def stale_page():
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b")])
    return Page(layout, [dep("b.children", ["a.value"], prevent_initial_call=True)],
                {"b.children": lambda v: f"for {v}"}, gated=True)


def test_stale_response_returning_last_is_discarded():
    """When an older request answers after a newer one, is its answer dropped (newest wins)?"""
    page = stale_page()

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value="1")
        await page.type_into("a", value="12")
        await page.transport.wait_for_requests(2)
        page.transport.release(1)
        await page.runtime.settled()
        assert page.prop("b", "children") == "for 12"
        page.transport.release(0)
        await page.runtime.drain()

    run(scenario())
    assert page.prop("b", "children") == "for 12"


def test_stale_response_returning_first_is_discarded():
    """When the older request answers first, is it ignored rather than shown for a moment?"""
    page = stale_page()

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value="1")
        await page.type_into("a", value="12")
        await page.transport.wait_for_requests(2)
        page.transport.release(0)
        await page.transport.finished(0)
        assert page.prop("b", "children") is None
        page.transport.release(1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("b", "children") == "for 12"
    assert [r["inputs"][0]["value"] for r in page.transport.requests] == ["1", "12"]


def test_settled_waits_for_gated_requests():
    """Does settled() return only once the in-flight call has answered?"""
    page = stale_page()

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value="1")
        await page.transport.wait_for_requests(1)
        waiter = asyncio.ensure_future(page.runtime.settled())
        await yield_once()
        assert not waiter.done()
        page.transport.release(0)
        await waiter

    run(scenario())
    assert page.prop("b", "children") == "for 1"


# -- circular within one callback -----------------------------------------------------------------
def test_callback_reading_its_own_output_does_not_loop():
    """Dash cbsc sync: does a slider<->input callback run once per change, not forever?"""
    layout = comp("Div", children=[inp("slider", value=1), inp("box", value=1)])
    deps = [dep(["slider.value", "box.value"], ["slider.value", "box.value"], prevent_initial_call=True)]
    page = Page(layout, deps, {"..slider.value...box.value..": lambda s, b: [s, s] if s != 1 else [b, b]})

    async def scenario():
        await page.runtime.start()
        await page.type_into("slider", value=7)
        await page.runtime.settled()

    run(scenario())
    assert len(page.transport.requests) == 1
    assert page.prop("box", "value") == 7


def test_graph_errors_are_reported_at_start():
    """Is a cycle across callbacks reported through report_error, naming both callbacks?"""
    layout = comp("Div", children=[inp("a", value=1), inp("b", value=2)])
    deps = [dep("b.value", ["a.value"], prevent_initial_call=True),
            dep("a.value", ["b.value"], prevent_initial_call=True)]
    page = Page(layout, deps, {})
    run(page.runtime.start())
    assert len(page.errors) == 1
    message = page.errors[0][0]
    assert message.startswith("Circular Dependencies")
    assert "a.value" in message and "b.value" in message


# -- components added by callbacks ----------------------------------------------------------------
def seed_page():
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
    handlers = {
        "content.children": lambda p: comp("Div", children=[inp("input", value="hello world"),
                                                            comp("Div", "output")]),
        "output.children": lambda v: "update_output ran",
        "layout-div.children": lambda v: v,
    }
    return Page(layout, deps, handlers)


def test_seed_inserted_input_and_output_do_not_fire_update_output():
    """Seed: does prevent_initial_call hold for update_output when both its ends are inserted?"""
    page = seed_page()
    run(page.runtime.start())
    assert "output.children" not in page.transport.calls
    assert page.prop("output", "children") is None


def test_seed_inserted_input_fires_update_layout_div():
    """Seed: does update_layout_div fire once, as if `input.value` changed, on insertion?"""
    page = seed_page()
    run(page.runtime.start())
    assert page.transport.calls == ["content.children", "layout-div.children"]
    request = page.transport.requests[1]
    assert request["changedPropIds"] == ["input.value"]
    assert page.prop("layout-div", "children") == "hello world"


def test_seed_inserted_components_then_react_to_events():
    """After insertion, does typing in the new input run both callbacks?"""
    page = seed_page()

    async def scenario():
        await page.runtime.start()
        await page.type_into("input", value="bye")
        await page.runtime.settled()

    run(scenario())
    assert page.prop("output", "children") == "update_output ran"
    assert page.prop("layout-div", "children") == "bye"


def test_components_added_by_a_callback_trigger_their_callbacks_once():
    """Does a new component's own callback (output and input inserted) run exactly once?"""
    layout = comp("Div", children=[comp("Button", "add", n_clicks=0), comp("Div", "box")])
    deps = [
        dep("box.children", ["add.n_clicks"], prevent_initial_call=True),
        dep("new-out.children", ["new-in.value"]),
    ]
    page = Page(layout, deps, {
        "box.children": lambda n: [inp("new-in", value="v"), comp("Div", "new-out")],
        "new-out.children": lambda v: f"got {v}",
    })

    async def scenario():
        await page.runtime.start()
        await page.type_into("add", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls == ["box.children", "new-out.children"]
    assert page.prop("new-out", "children") == "got v"


def test_removed_components_leave_the_index():
    """When children are replaced, are the old ids gone and events on them impossible?"""
    layout = comp("Div", children=[comp("Button", "swap", n_clicks=0), comp("Div", "box", inp("old"))])
    page = Page(layout, [dep("box.children", ["swap.n_clicks"], prevent_initial_call=True)],
                {"box.children": lambda n: inp("new")})

    async def scenario():
        await page.runtime.start()
        await page.type_into("swap", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.runtime.index.path_of("old") is None
    assert page.runtime.index.path_of("new") == page.runtime.index.path_of("box") + ("props", "children")


def test_pattern_matching_items_added_by_a_callback_trigger_their_match_callbacks():
    """Dash cbwc todo-like: does each inserted MATCH item get one call per insertion, ALL updating?"""
    item = lambda i: inp({"type": "item", "index": i}, value=f"v{i}")
    out = lambda i: comp("Div", {"type": "out", "index": i})
    layout = comp("Div", children=[comp("Button", "add", n_clicks=0), comp("Div", "list", []),
                                   comp("Div", "total")])
    deps = [
        dep("list.children", ["add.n_clicks"], ["list.children"], prevent_initial_call=True),
        dep('{"index":["MATCH"],"type":"out"}.children', ['{"index":["MATCH"],"type":"item"}.value']),
        dep("total.children", ['{"index":["ALL"],"type":"item"}.value']),
    ]
    page = Page(layout, deps, {
        "list.children": lambda n, children: children + [item(n), out(n)],
        '{"index":["MATCH"],"type":"out"}.children': lambda v: v.upper(),
        "total.children": lambda values: len(values),
    })

    async def scenario():
        await page.runtime.start()
        assert page.prop("total", "children") == 0
        await page.type_into("add", n_clicks=1)
        await page.runtime.settled()
        assert match_calls() == [1]
        await page.type_into("add", n_clicks=2)
        await page.runtime.settled()

    def match_calls():
        found = [r for r in page.transport.requests if r["output"].startswith('{"index":["MATCH"]')]
        return [r["outputs"]["id"]["index"] for r in found]

    run(scenario())
    assert page.prop({"type": "out", "index": 1}, "children") == "V1"
    assert page.prop({"type": "out", "index": 2}, "children") == "V2"
    assert page.prop("total", "children") == 2
    # Returning the whole list re-inserts item 1 too, so Dash calls it again (Patch avoids that).
    assert match_calls() == [1, 1, 2]


def test_removing_items_fires_all_callbacks():
    """When ALL-input components are removed, does the ALL callback run with the smaller list?"""
    item = lambda i: inp({"type": "item", "index": i}, value=i)
    layout = comp("Div", children=[comp("Button", "clear"), comp("Div", "list", [item(0), item(1)]),
                                   comp("Div", "total")])
    deps = [
        dep("list.children", ["clear.n_clicks"], prevent_initial_call=True),
        dep("total.children", ['{"index":["ALL"],"type":"item"}.value']),
    ]
    page = Page(layout, deps, {"list.children": lambda n: [item(0)], "total.children": lambda v: sum(v)})

    async def scenario():
        await page.runtime.start()
        assert page.prop("total", "children") == 1
        await page.type_into("clear", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("total", "children") == 0
    assert page.transport.calls.count("total.children") == 2


# -- response shapes ------------------------------------------------------------------------------
class ScriptedResponses:
    """A transport answering with given response bodies, in order."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.requests = []

    async def request(self, body):
        self.requests.append(body)
        return self.responses.pop(0)


def page_with_transport(layout, deps, transport):
    page = Page(layout, deps)
    page.runtime.transport = transport
    return page


def test_an_output_moved_by_another_output_of_the_same_response_is_found_at_its_new_path():
    """As dash-renderer looks each id up when it applies it: when one output replaces a container's
    children and moves `a` inside it, does a's own update land on `a`, not on whatever now sits at
    a's old path?"""
    layout = comp("Div", children=[inp("go", value=1), comp("Div", "box", children=[comp("Div", "a")])])
    deps = [dep("..box.children...a.children..", ["go.value"])]
    new_children = [comp("Div", "b", children="new b"), comp("Div", "a", children="new a")]
    transport = ScriptedResponses(
        {"multi": True, "response": {"box": {"children": new_children}, "a": {"children": "A"}}},
    )
    page = page_with_transport(layout, deps, transport)
    run(page.runtime.start())
    assert page.prop("b", "children") == "new b"
    assert page.prop("a", "children") == "A"


def test_side_update_is_applied_with_the_response_and_triggers():
    """Are set_props updates (sideUpdate) applied in the same batch and do they trigger callbacks?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b"), comp("Div", "side"), comp("Div", "c")])
    deps = [dep("b.children", ["a.value"]), dep("c.children", ["side.children"], prevent_initial_call=True)]
    transport = ScriptedResponses(
        {"multi": True, "response": {"b": {"children": "B"}}, "sideUpdate": {"side": {"children": "S"}}},
        {"multi": True, "response": {"c": {"children": "C"}}},
    )
    page = page_with_transport(layout, deps, transport)
    run(page.runtime.start())
    assert page.prop("side", "children") == "S"
    assert page.applier.batches[1] == [["update", [
        list(page.runtime.index.path_of("b")), list(page.runtime.index.path_of("side"))]]]
    assert [r["output"] for r in transport.requests] == ["b.children", "c.children"]


def test_set_props_on_a_missing_id_warns_and_applies_the_rest():
    """Does a sideUpdate for an id not in the layout give a warning naming it, and spare the rest?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b")])
    transport = ScriptedResponses(
        {"multi": True, "response": {"b": {"children": "B"}}, "sideUpdate": {"tpyo": {"children": "S"}}},
    )
    page = page_with_transport(layout, [dep("b.children", ["a.value"])], transport)
    warnings: list[str] = []
    page.runtime.report_warning = warnings.append
    run(page.runtime.start())
    assert page.prop("b", "children") == "B"
    assert warnings == [
        "set_props: no component with id 'tpyo' is in the layout; its props ['children'] were dropped."
    ]


def test_patch_value_is_applied_to_the_old_value():
    """Is a Dash Patch in a response applied to the prop's current value?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b", ["x"])])
    patch = {"__dash_patch_update": "__dash_patch_update",
             "operations": [{"operation": "Append", "location": [], "params": {"value": "y"}}]}
    transport = ScriptedResponses({"multi": True, "response": {"b": {"children": patch}}})
    page = page_with_transport(layout, [dep("b.children", ["a.value"])], transport)
    run(page.runtime.start())
    assert page.prop("b", "children") == ["x", "y"]


def test_running_props_are_set_while_running_and_reset_after():
    """Does running= set its props when the request starts and reset them when it returns?"""
    layout = comp("Div", children=[comp("Button", "go"), comp("Div", "out")])
    deps = [dep("out.children", ["go.n_clicks"], prevent_initial_call=True,
                running=[[{"id": "go", "property": "disabled"}, True, False]])]
    page = Page(layout, deps, {"out.children": lambda n: "done"}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("go", n_clicks=1)
        await page.transport.wait_for_requests(1)
        assert page.prop("go", "disabled") is True
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("go", "disabled") is False
    assert page.prop("out", "children") == "done"


def test_running_values_trigger_their_listeners_but_not_their_own_callback():
    """Dash's running= updates notify observers: does a listener see the running and the reset value,
    while the running callback, whose own input is a running= prop, is not called again?"""
    layout = comp("Div", children=[comp("Button", "go"), comp("Div", "out"), comp("Div", "status")])
    calls = []

    def work(n, disabled):
        calls.append((n, disabled))
        return "done"

    deps = [
        dep("out.children", ["go.n_clicks", "go.disabled"], prevent_initial_call=True,
            running=[[{"id": "go", "property": "disabled"}, True, False]]),
        dep("status.children", ["go.disabled"], prevent_initial_call=True),
    ]
    page = Page(layout, deps, {"out.children": work,
                               "status.children": lambda disabled: f"disabled={disabled}"}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("go", n_clicks=1)
        await page.transport.wait_for_requests(2)
        page.transport.release(1)  # the listener's call, made while the work runs
        await page.transport.finished(1)
        assert page.prop("status", "children") == "disabled=True"
        page.transport.release(0)
        await page.transport.wait_for_requests(3)
        page.transport.release(2)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("status", "children") == "disabled=False"
    assert calls == [(1, None)]


def test_dash_running_dict_shape_is_understood():
    """Is Dash's {"running": {"id.prop": v}, "runningOff": {...}} accepted too?"""
    layout = comp("Div", children=[comp("Button", "go"), comp("Div", "out")])
    deps = [dep("out.children", ["go.n_clicks"], prevent_initial_call=True,
                running={"running": {"go.disabled": True}, "runningOff": {"go.disabled": False}})]
    page = Page(layout, deps, {"out.children": lambda n: "done"}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("go", n_clicks=1)
        await page.transport.wait_for_requests(1)
        assert page.prop("go", "disabled") is True
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("go", "disabled") is False


def test_optional_input_missing_runs_with_none():
    """Seed 'allow_optional': does display_clicks run with None for the missing button?"""
    layout = comp("Div", children=[comp("Button", "b1"), comp("Div", "container"), comp("Div", "out")])
    deps = [dep("out.children", ["b1.n_clicks", "b2.n_clicks"], optional=("b2.n_clicks",),
                prevent_initial_call=True)]
    page = Page(layout, deps, {"out.children": lambda a, b: f"Button 1 clicks: {a} - Button 2 clicks: {b}"})

    async def scenario():
        await page.runtime.start()
        await page.type_into("b1", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("out", "children") == "Button 1 clicks: 1 - Button 2 clicks: None"
    assert page.errors == []


def test_missing_input_among_present_ones_is_reported():
    """Is a missing non-optional input reported (naming it) while the page keeps working?"""
    layout = comp("Div", children=[comp("Button", "b1"), comp("Div", "out")])
    deps = [dep("out.children", ["b1.n_clicks", "b2.n_clicks"], prevent_initial_call=True)]
    page = Page(layout, deps, {"out.children": lambda a, b: "x"})

    async def scenario():
        await page.runtime.start()
        await page.type_into("b1", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls == []
    assert "`b2`" in page.errors[0][0]


def test_events_without_props_are_ignored():
    """Does handle_event do nothing when the view finds no prop change?"""
    page = chain_page()

    async def scenario():
        await page.runtime.start()
        before = len(page.applier.batches)
        await page.runtime.handle_event({"type": "focus"})
        assert len(page.applier.batches) == before

    run(scenario())


# -- concurrency, time, special callbacks ---------------------------------------------------------
def test_independent_callbacks_are_in_flight_together():
    """Are two callbacks triggered by one change requested before either answers (parallel)?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b"), comp("Div", "c")])
    deps = [dep("b.children", ["a.value"], prevent_initial_call=True),
            dep("c.children", ["a.value"], prevent_initial_call=True)]
    page = Page(layout, deps, {"b.children": lambda v: v, "c.children": lambda v: v}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("a", value=2)
        await page.transport.wait_for_requests(2)
        assert sorted(page.transport.calls) == ["b.children", "c.children"]
        page.transport.release(1)
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("b", "children") == page.prop("c", "children") == 2


def test_props_set_later_through_the_clock_trigger_callbacks():
    """Does a view's timer (debounce, Interval) calling set_props run the callbacks?"""
    layout = comp("Div", children=[inp("a", value=""), comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["a.value"], prevent_initial_call=True)], {"b.children": str.upper})

    async def scenario():
        await page.runtime.start()
        path = page.runtime.index.path_of("a")
        page.view.clock.call_later(0.3, lambda: page.view.set_props(path, {"value": "late"}))
        page.clock.advance(0.2)
        assert page.transport.calls == []
        page.clock.advance(0.1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("b", "children") == "LATE"


def test_no_output_callback_gets_its_initial_call():
    """Does a callback without outputs run on first load when its input exists?"""
    layout = comp("Div", children=[inp("a", value=1)])
    page = Page(layout, [dep("noout1", ["a.value"], no_output=True)], {"noout1": lambda v: None})
    run(page.runtime.start())
    assert page.transport.calls == ["noout1"]
    assert page.transport.requests[0]["outputs"] == []


def test_no_input_callback_gets_its_initial_call():
    """Does a callback with no inputs run once on first load (Dash 'no-input' callbacks)?"""
    layout = comp("Div", children=[comp("Div", "b")])
    page = Page(layout, [dep("b.children", [])], {"b.children": lambda: "filled"})
    run(page.runtime.start())
    assert page.prop("b", "children") == "filled"


def test_events_before_start_wait_for_it():
    """Is a prop change reported before start() applied, its callbacks run once started?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["a.value"], prevent_initial_call=True)], {"b.children": str.upper})

    async def scenario():
        page.runtime.set_props(page.runtime.index.path_of("a"), {"value": "early"})
        assert page.applier.batches == []
        await page.runtime.start()

    run(scenario())
    assert page.prop("b", "children") == "EARLY"
    assert page.applier.batches[0] == [["render"]]


def test_running_reset_and_response_render_in_one_batch():
    """Are the running= reset and the callback's outputs rendered by a single apply()?"""
    layout = comp("Div", children=[comp("Button", "go"), comp("Div", "out")])
    deps = [dep("out.children", ["go.n_clicks"], prevent_initial_call=True,
                running=[[{"id": "go", "property": "disabled"}, True, False]])]
    page = Page(layout, deps, {"out.children": lambda n: "done"}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("go", n_clicks=1)
        await page.transport.wait_for_requests(1)
        before = len(page.applier.batches)
        page.transport.release(0)
        await page.runtime.settled()
        assert len(page.applier.batches) == before + 1

    run(scenario())
    assert page.prop("go", "disabled") is False


# -- Dash's missing-input rules -------------------------------------------------------------------
def missing_inputs_page():
    layout = comp("Div", children=[
        comp("Div", "title", "Title"), comp("Button", "btn", "click"), comp("Div", "content"),
        comp("Div", "out1", "output1 init"), comp("Div", "out2", "output2 init"),
        comp("Div", "out3", "output3 init"),
    ])
    deps = [
        dep("content.children", ["btn.n_clicks"]),
        dep("out1.children", ["a.children", "b.children"], ["c.children", "title.children"]),
        dep("out2.children", ["out1.children"], ["title.children"]),
        dep("out3.children", ["out1.children", "title.children"]),
    ]
    return Page(layout, deps, {
        "content.children": lambda n: [comp("Div", "a", "A"), comp("Div", "b", "B"), comp("Div", "c", "C")]
        if n else "content init",
        "out1.children": lambda a, b, c, title: a + b,
        "out2.children": lambda out1, title: out1 + " - 2 - " + title,
        "out3.children": lambda out1, title: out1 + " - 3 - " + title,
    })


def test_all_inputs_missing_skips_the_callback_and_its_only_followers():
    """Dash cbmi001: out1 (inputs missing) and out2 (only input out1) skip; out3 runs."""
    page = missing_inputs_page()
    run(page.runtime.start())
    assert page.prop("out1", "children") == "output1 init"
    assert page.prop("out2", "children") == "output2 init"
    assert page.prop("out3", "children") == "output1 init - 3 - Title"
    assert page.errors == []


def test_missing_inputs_inserted_later_fire_the_whole_chain():
    """Dash cbmi001: once a, b, c are inserted, do out1, out2 and out3 all fire?"""
    page = missing_inputs_page()

    async def scenario():
        await page.runtime.start()
        await page.type_into("btn", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("out1", "children") == "AB"
    assert page.prop("out2", "children") == "AB - 2 - Title"
    assert page.prop("out3", "children") == "AB - 3 - Title"
    assert page.transport.calls.count("out3.children") == 2
    assert page.errors == []


# -- Dash's multiple-callback rules ---------------------------------------------------------------
def test_clicks_while_a_slow_call_runs_end_with_the_last_value():
    """Dash cbmt001: 3 quick clicks, the first slow: 4 calls, and the output shows 3."""
    layout = comp("Div", children=[comp("Button", "input", "Click", n_clicks=0), comp("Div", "output")])
    page = Page(layout, [dep("output.children", ["input.n_clicks"])], {"output.children": lambda n: n},
                gated=True)

    async def scenario():
        start = asyncio.ensure_future(page.runtime.start())
        await page.transport.wait_for_requests(1)
        page.transport.release(0)
        await start
        for n in (1, 2, 3):
            await page.type_into("input", n_clicks=n)
        await page.transport.wait_for_requests(4)
        for i in (3, 2, 1):
            page.transport.release(i)
        await page.runtime.drain()

    run(scenario())
    assert len(page.transport.requests) == 4
    assert page.prop("output", "children") == 3


def test_prevented_intermediate_callback_does_not_block_the_merge():
    """Dash cbmt002: with set_b preventing, does out still follow every keystroke once?"""
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b", "b"), comp("Div", "c", "c"),
                                   comp("Div", "out")])

    def prevent(a):
        raise Prevent

    deps = [dep("out.children", ["a.value", "b.children", "c.children"]),
            dep("b.children", ["a.value"]), dep("c.children", ["a.value"])]
    page = Page(layout, deps, {"out.children": lambda a, b, c: f"{a}/{b}/{c}",
                               "b.children": prevent, "c.children": lambda a: a})

    async def scenario():
        await page.runtime.start()
        assert page.prop("out", "children") == "x/b/x"
        for text in ("x0", "x01"):
            page.transport.requests.clear()
            await page.type_into("a", value=text)
            await page.runtime.settled()
            assert page.prop("out", "children") == f"{text}/b/{text}"
            assert page.transport.calls.count("out.children") == 1

    run(scenario())


def test_early_prevent_update_does_not_drop_unrelated_initial_calls():
    """Dash cbmt007: a dummy callback preventing in an inserted layout leaves the others running."""
    layout = comp("Div", "content")
    deps = [dep("content.children", ["content.style"])]
    handlers = {"content.children": lambda _: comp("Div", children=[
        comp("Div", "above-in", 42), comp("Div", "above-dummy"), comp("Div", "above-out", 0),
        comp("Div", "below-out", 0), comp("Div", "below-dummy"), comp("Div", "below-in", 44),
    ])}

    def prevent(_):
        raise Prevent

    for pos in ("above", "below"):
        deps += [dep(f"{pos}-dummy.children", [f"{pos}-dummy.style"]),
                 dep(f"{pos}-out.children", [f"{pos}-in.children"])]
        handlers[f"{pos}-dummy.children"] = prevent
        handlers[f"{pos}-out.children"] = lambda v: v
    page = Page(layout, deps, handlers)
    run(page.runtime.start())
    assert page.prop("above-out", "children") == 42
    assert page.prop("below-out", "children") == 44


def test_chained_callback_waits_so_each_runs_once_on_load():
    """Dash cbmt013: options -> value -> display run once each, display never sees stale inputs."""
    options = {"America": ["New York City", "SF"], "Canada": ["Montreal", "Toronto"]}
    layout = comp("Div", children=[
        comp("RadioItems", "countries", namespace="dash_core_components", value="America"),
        comp("RadioItems", "cities", namespace="dash_core_components"),
        comp("Div", "display"),
    ])
    deps = [
        dep("cities.options", ["countries.value"]),
        dep("cities.value", ["cities.options"]),
        dep("display.children", ["countries.value", "cities.value"]),
    ]

    def display(country, city):
        assert city in options[country], (country, city)
        return f"{city} is a city in {country}"

    page = Page(layout, deps, {
        "cities.options": lambda c: [{"label": i, "value": i} for i in options[c]],
        "cities.value": lambda opts: opts[0]["value"],
        "display.children": display,
    })

    async def scenario():
        await page.runtime.start()
        assert page.transport.calls == ["cities.options", "cities.value", "display.children"]
        await page.type_into("countries", value="Canada")
        await page.runtime.settled()

    run(scenario())
    assert page.errors == []
    assert page.prop("display", "children") == "Montreal is a city in Canada"
    assert page.transport.calls.count("display.children") == 2


# -- Dash cbpi001 ---------------------------------------------------------------------------------
@pytest.mark.parametrize("pattern", [False, True], ids=["string-ids", "match-ids"])
@pytest.mark.parametrize("inserted", [False, True], ids=["layout", "inserted-by-callback"])
def test_prevent_initial_call_is_not_prevent_update(inserted, pattern):
    """Dash cbpi001/cbpi002: prevented callbacks leave the init chain; PreventUpdate stops it."""
    def cid(name):  # the concrete id
        return {"i": 0, "j": name} if pattern else name

    def spec(name, prop):  # the id in a dependency
        return pid({"i": ["MATCH"], "j": name} if pattern else name, prop)

    body = comp("Div", children=[comp("Button", cid("btn"), "click")] + [
        comp("Div", cid(name), name.upper()) for name in "abcdef"
    ])
    concat = lambda *args: "".join(str(a) for a in args)

    def prevent(_):
        raise Prevent

    deps = [
        dep(spec("a", "children"), [spec("btn", "n_clicks")], prevent_initial_call=True),
        dep(spec("b", "children"), [spec("a", "children")]),
        dep(spec("c", "children"), [spec("a", "children")], prevent_initial_call=True),
        dep(spec("d", "children"), [spec("d", "style")]),
        dep(spec("e", "children"), [spec("a", "children"), spec("d", "children")]),
        dep(spec("f", "children"), [spec("a", "children"), spec("b", "children"), spec("d", "children")],
            prevent_initial_call=True),
    ]
    handlers = {spec("a", "children"): lambda n: "Click", spec("b", "children"): concat,
                spec("c", "children"): concat, spec("d", "children"): prevent,
                spec("e", "children"): concat, spec("f", "children"): concat}
    if inserted:
        layout = comp("Div", "content")
        deps.append(dep("content.children", ["content.style"]))
        handlers["content.children"] = lambda _: body
    else:
        layout = body
    page = Page(layout, deps, handlers)

    def texts():
        return "".join(f"{n}={page.prop(cid(n), 'children')};" for n in "abcdef")

    async def scenario():
        await page.runtime.start()
        assert texts() == "a=A;b=A;c=C;d=D;e=AD;f=AAD;"
        await page.type_into(cid("btn"), n_clicks=1)
        await page.runtime.settled()
        assert texts() == "a=Click;b=Click;c=Click;d=D;e=ClickD;f=ClickClickD;"

    run(scenario())
    assert page.errors == []


@pytest.mark.parametrize("inserted", [False, True], ids=["layout", "inserted-by-callback"])
def test_only_the_unprevented_multi_output_chain_runs_initially(inserted):
    """Dash cbpi003: with multi-output callbacks prevented, only g runs on load; a click runs all."""
    body = comp("Div", children=[comp("Button", "btn", "click")] + [
        comp("Div", name, name.upper()) for name in "abcdefg"
    ])
    concat = lambda *args: "".join(str(a) for a in args)
    deps = [
        dep(["a.children", "b.children"], ["btn.n_clicks"], prevent_initial_call=True),
        dep(["c.children", "d.children"], ["a.children", "b.children"], prevent_initial_call=True),
        dep(["e.children", "f.children"], ["a.children"], prevent_initial_call=True),
        dep("g.children", ["f.children"]),
    ]
    handlers = {
        "..a.children...b.children..": lambda n: ["Blue", "Cheese"],
        "..c.children...d.children..": lambda *a: [concat(*a)] * 2,
        "..e.children...f.children..": lambda *a: [concat(*a)] * 2,
        "g.children": concat,
    }
    if inserted:
        layout = comp("Div", "content")
        deps.append(dep("content.children", ["content.style"]))
        handlers["content.children"] = lambda _: body
    else:
        layout = body
    page = Page(layout, deps, handlers)

    def texts():
        return "".join(str(page.prop(n, "children")) + ";" for n in "abcdefg")

    async def scenario():
        await page.runtime.start()
        assert texts() == "A;B;C;D;E;F;F;"
        await page.type_into("btn", n_clicks=1)
        await page.runtime.settled()
        assert texts() == "Blue;Cheese;BlueCheese;BlueCheese;Blue;Blue;Blue;"

    run(scenario())


# -- Dash's wildcard apps -------------------------------------------------------------------------
def fibonacci_page():
    layout = comp("Div", children=[inp("n", value=4), comp("Div", "series"), comp("Div", "sum")])
    counts = {"sequence": 0, "sum": 0}

    def sequence(prev):
        counts["sequence"] += 1
        return len(prev) if len(prev) < 2 else int(prev[-1] or 0) + int(prev[-2] or 0)

    def show_sum(seq):
        counts["sum"] += 1
        return f"{len(seq)} elements, sum: {sum(int(v or 0) for v in seq)}"

    page = Page(layout, [
        dep("series.children", ["n.value"]),
        dep(pid({"i": ["MATCH"]}, "children"), [pid({"i": ["ALLSMALLER"]}, "children")]),
        dep("sum.children", [pid({"i": ["ALL"]}, "children")]),
    ], {
        "series.children": lambda n: [comp("Div", {"i": i}) for i in range(n)],
        pid({"i": ["MATCH"]}, "children"): sequence,
        "sum.children": show_sum,
    })
    page.counts = counts
    return page


def test_fibonacci_allsmaller_feeds_match_in_order():
    """Dash cbwc002: does ALLSMALLER -> MATCH on one prop build 0, 1, 1, 2, 3 in order?"""
    page = fibonacci_page()

    async def scenario():
        await page.runtime.start()
        assert page.prop("sum", "children") == "4 elements, sum: 4"
        await page.type_into("n", value=5)
        await page.runtime.settled()

    run(scenario())
    assert [page.prop({"i": i}, "children") for i in range(5)] == [0, 1, 1, 2, 3]
    assert page.prop("sum", "children") == "5 elements, sum: 7"


def test_fibonacci_callback_counts_match_dash():
    """Dash cbwc005: are MATCH and ALL callbacks called exactly as often as in Dash?"""
    page = fibonacci_page()
    expected = [(5, 9, 3), (6, 15, 4), (5, 20, 5), (4, 24, 6), (3, 27, 7), (2, 29, 8), (1, 30, 9), (0, 30, 10)]

    async def scenario():
        await page.runtime.start()
        assert (page.counts["sequence"], page.counts["sum"]) == (4, 2)
        for n, sequence, total in expected:
            await page.type_into("n", value=n)
            await page.runtime.settled()
            assert (n, page.counts["sequence"], page.counts["sum"]) == (n, sequence, total)

    run(scenario())
    assert page.prop("sum", "children") == "0 elements, sum: 0"


def test_inserted_all_input_names_the_new_item_as_triggered():
    """Dash cbwc004: an ALL callback outside the chunk sees the new item in changedPropIds."""
    layout = comp("Div", children=[inp({"type": "input", "index": 1}, value="input-1"), comp("Div", "container"),
                                   comp("Div", "output-outer"), comp("Button", "btn")])
    all_inputs = pid({"type": "input", "index": ["ALL"]}, "value")
    deps = [dep("container.children", ["btn.n_clicks"]),
            dep("output-inner.children", [all_inputs]),
            dep("output-outer.children", [all_inputs])]
    page = Page(layout, deps, {
        "container.children": lambda n: comp("Div", children=[
            inp({"type": "input", "index": 2}, value="input-2"), comp("Div", "output-inner")]) if n else "none",
        "output-inner.children": lambda v: "inner",
        "output-outer.children": lambda v: "outer",
    })

    async def scenario():
        await page.runtime.start()
        assert page.transport.requests[-1]["changedPropIds"] == []
        page.transport.requests.clear()
        await page.type_into("btn", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    by_output = {r["output"]: r["changedPropIds"] for r in page.transport.requests}
    assert by_output["output-outer.children"] == ['{"index":2,"type":"input"}.value']
    assert by_output["output-inner.children"] == []


def test_running_with_match_and_all_ids():
    """Dash cbwc008: running= on MATCH sets this item's prop, on ALL every item's, then resets."""
    button = lambda i: comp("Button", {"component": "button", "index": i}, f"Test{i}")
    layout = comp("Div", children=[button("1"), button("2"),
                                   comp("Div", {"component": "output", "index": "1"}),
                                   comp("Div", {"component": "output", "index": "2"})])
    match_button = {"component": "button", "index": ["MATCH"]}
    all_buttons = {"component": "button", "index": ["ALL"]}
    deps = [dep(pid({"component": "output", "index": ["MATCH"]}, "children"), [pid(match_button, "n_clicks")],
                prevent_initial_call=True,
                running={"running": {pid(match_button, "children"): "running", pid(all_buttons, "disabled"): True},
                         "runningOff": {pid(match_button, "children"): "finished", pid(all_buttons, "disabled"): False}})]
    page = Page(layout, deps, {deps[0]["output"]: lambda n: "done"}, gated=True)
    b = lambda i: {"component": "button", "index": i}

    async def scenario():
        await page.runtime.start()
        await page.type_into(b("2"), n_clicks=1)
        await page.transport.wait_for_requests(1)
        assert page.prop(b("2"), "children") == "running"
        assert page.prop(b("1"), "children") == "Test1"
        assert page.prop(b("1"), "disabled") is True and page.prop(b("2"), "disabled") is True
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.prop(b("2"), "children") == "finished"
    assert page.prop(b("1"), "disabled") is False
    assert page.prop({"component": "output", "index": "2"}, "children") == "done"


def test_match_input_with_a_fixed_output_resolves_state_per_click():
    """Dash cbwc009: a MATCH Input with a plain Output gets the clicked item's State."""
    btn = lambda i: comp("Button", {"type": "btn", "index": i})
    layout = comp("Div", children=[btn("alpha"), btn("beta"), comp("Div", "out", "initial")])
    match = {"type": "btn", "index": ["MATCH"]}
    page = Page(layout, [dep("out.children", [pid(match, "n_clicks")], [pid(match, "id")], prevent_initial_call=True)],
                {"out.children": lambda n, id_: f"clicked {id_['index']}"})

    async def scenario():
        await page.runtime.start()
        for name in ("alpha", "beta"):
            await page.type_into({"type": "btn", "index": name}, n_clicks=1)
            await page.runtime.settled()
            assert page.prop("out", "children") == f"clicked {name}"

    run(scenario())


def test_no_output_match_callback_sets_props_per_item():
    """Dash cbwc010: a no-output MATCH callback runs for the clicked item; set_props lands."""
    btn = lambda i: comp("Button", {"type": "btn", "index": i})
    layout = comp("Div", children=[btn(1), btn(2), comp("Div", "out", "initial")])
    match = {"type": "btn", "index": ["MATCH"]}
    spec = dep("cb-no-output", [pid(match, "n_clicks")], [pid(match, "id")], prevent_initial_call=True,
               no_output=True)

    class SetProps:
        requests: list = []

        async def request(self, body):
            self.requests.append(body)
            index = body["state"][0]["value"]["index"]
            return {"multi": True, "response": {}, "sideUpdate": {"out": {"children": f"clicked index={index}"}}}

    page = page_with_transport(layout, [spec], SetProps())

    async def scenario():
        await page.runtime.start()
        for i in (1, 2):
            await page.type_into({"type": "btn", "index": i}, n_clicks=1)
            await page.runtime.settled()
            assert page.prop("out", "children") == f"clicked index={i}"

    run(scenario())
    assert page.errors == []


def test_optional_input_inserted_later_fires_with_its_value():
    """Dash cbop001: 'None - None' on load, '1 - None' once button2 appears, '1 - 1' after it."""
    layout = comp("Div", children=[comp("Button", "button1", "Button 1"), comp("Div", "button-container"),
                                   comp("Div", "test-out")])
    deps = [
        dep("button-container.children", ["button1.n_clicks"], ["button-container.children"],
            prevent_initial_call=True),
        dep("test-out.children", ["button1.n_clicks", "button2.n_clicks"], optional=("button2.n_clicks",)),
    ]
    page = Page(layout, deps, {
        "button-container.children": lambda n, c: comp("Button", "button2", "Button 2") if not c else NO_UPDATE,
        "test-out.children": lambda n, n2: f"{n} - {n2}",
    })

    async def scenario():
        await page.runtime.start()
        assert page.prop("test-out", "children") == "None - None"
        await page.type_into("button1", n_clicks=1)
        await page.runtime.settled()
        assert page.prop("test-out", "children") == "1 - None"
        await page.type_into("button2", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("test-out", "children") == "1 - 1"
    assert page.errors == []


def test_layout_may_be_a_list_of_components():
    """Does a list layout (Dash allows app.layout = [...]) index, render and run callbacks?"""
    layout = [inp("a", value="x"), comp("Div", "b")]
    page = Page(layout, [dep("b.children", ["a.value"])], {"b.children": str.upper})

    async def scenario():
        await page.runtime.start()
        assert page.runtime.index.path_of("b") == (1,)
        await page.type_into("a", value="y")
        await page.runtime.settled()

    run(scenario())
    assert page.prop("b", "children") == "Y"


# -- dcc.Loading ----------------------------------------------------------------------------------
class LoadingView(FakeView):
    """A FakeView that also records set_loading calls (as DomView offers for dcc.Loading)."""

    def __init__(self):
        super().__init__()
        self.loading_calls = []

    def set_loading(self, outputs):
        self.loading_calls.append(sorted(outputs))
        return [["loading", len(outputs)]]


def test_outputs_in_flight_are_reported_for_loading_spinners():
    """Does the view's set_loading get the outputs in flight when a call starts, and [] after?"""
    layout = comp("Div", children=[comp("Button", "go"), comp("Div", "out")])
    page = Page(layout, [dep("out.children", ["go.n_clicks"], prevent_initial_call=True)],
                {"out.children": lambda n: "done"}, gated=True)
    page.runtime.view = page.view = LoadingView()
    out_path = ("props", "children", 1)

    async def scenario():
        await page.runtime.start()
        assert page.view.loading_calls == [[]]  # the first check, nothing in flight
        await page.type_into("go", n_clicks=1)
        await page.transport.wait_for_requests(1)
        assert page.view.loading_calls[-1] == [(out_path, "children")]
        assert page.applier.batches[-1] == [["update", [list(page.runtime.index.path_of("go"))]], ["loading", 1]]
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.view.loading_calls[-1] == []
    assert page.applier.batches[-1] == [["update", [list(out_path)]], ["loading", 0]]


def test_first_paint_and_initial_spinners_are_one_batch():
    """Is the first render applied together with the loading state of the initial calls?"""
    layout = comp("Div", children=[inp("a", value=1), comp("Div", "b")])
    page = Page(layout, [dep("b.children", ["a.value"])], {"b.children": str}, gated=True)
    page.runtime.view = page.view = LoadingView()

    async def scenario():
        start = asyncio.ensure_future(page.runtime.start())
        await page.transport.wait_for_requests(1)
        assert page.applier.batches == [[["render"], ["loading", 1]]]
        page.transport.release(0)
        await start

    run(scenario())


def test_callback_waits_for_a_slow_upstream_even_if_the_fast_one_returned():
    """Seed 'indirect result': with slow then fast clicked, the third runs once, after the slow one."""
    layout = comp("Div", children=[comp("Button", "slow-btn"), comp("Button", "fast-btn"),
                                   comp("Div", "slow-out"), comp("Div", "fast-out"), comp("Div", "third")])
    deps = [dep("slow-out.children", ["slow-btn.n_clicks"], prevent_initial_call=True),
            dep("fast-out.children", ["fast-btn.n_clicks"], prevent_initial_call=True),
            dep("third.children", ["slow-out.children", "fast-out.children"], prevent_initial_call=True)]
    page = Page(layout, deps, {"slow-out.children": lambda n: "slow", "fast-out.children": lambda n: "fast",
                               "third.children": lambda s, f: f"{s}+{f}"}, gated=True)

    async def scenario():
        await page.runtime.start()
        await page.type_into("slow-btn", n_clicks=1)
        await page.type_into("fast-btn", n_clicks=1)
        await page.transport.wait_for_requests(2)
        page.transport.release(1)  # the fast one answers first
        await page.transport.finished(1)
        assert page.prop("fast-out", "children") == "fast"
        assert page.transport.calls == ["slow-out.children", "fast-out.children"]
        page.transport.release(0)
        await page.transport.wait_for_requests(3)
        page.transport.release(2)
        await page.runtime.settled()

    run(scenario())
    assert page.transport.calls.count("third.children") == 1
    assert page.prop("third", "children") == "slow+fast"


def test_patch_appending_a_component_indexes_it_and_runs_its_callbacks():
    """Does a Patch that appends a component to children make it known and fire its callbacks?"""
    layout = comp("Div", children=[comp("Button", "add"), comp("Div", "list", [comp("Div", "first")])])
    deps = [dep("list.children", ["add.n_clicks"], prevent_initial_call=True),
            dep("new-out.children", ["new-out.title"])]
    patch = {"__dash_patch_update": "__dash_patch_update",
             "operations": [{"operation": "Append", "location": [],
                             "params": {"value": comp("Div", "new-out", title="t")}}]}
    transport = ScriptedResponses({"multi": True, "response": {"list": {"children": patch}}},
                                  {"multi": True, "response": {"new-out": {"children": "filled"}}})
    page = page_with_transport(layout, deps, transport)

    async def scenario():
        await page.runtime.start()
        await page.type_into("add", n_clicks=1)
        await page.runtime.settled()

    run(scenario())
    assert page.runtime.index.path_of("new-out") == page.runtime.index.path_of("list") + ("props", "children", 1)
    assert page.prop("new-out", "children") == "filled"
    assert page.prop("first", "children") is None
