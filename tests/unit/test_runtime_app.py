"""Runtime driven by a real wasmdash.Dash app through FakeTransport(app) (in-process dispatch)."""
from __future__ import annotations

import asyncio
import json

import pytest
from fakes import FakeTransport, FakeView, ManualClock, RecordingApplier

wasmdash = pytest.importorskip("wasmdash")
from wasmdash import ALL, MATCH, Dash, Input, Output, Patch, State, dcc, html, no_update  # noqa: E402
from wasmdash.exceptions import PreventUpdate  # noqa: E402
from wasmdash.layout import get_in  # noqa: E402
from wasmdash.runtime import Runtime  # noqa: E402


class AppPage:
    def __init__(self, app):
        # Round-trip through JSON: the page gets exactly what the endpoints would send.
        layout = json.loads(json.dumps(app.layout_json()))
        deps = json.loads(json.dumps(app.dependencies_json()))
        self.transport = FakeTransport(app)
        self.errors = []
        self.runtime = Runtime(layout, deps, transport=self.transport, view=FakeView(),
                               applier=RecordingApplier(), clock=ManualClock(),
                               report_error=lambda m, tb: self.errors.append(m))

    def prop(self, component_id, prop):
        return get_in(self.runtime.layout, self.runtime.index.path_of(component_id))["props"].get(prop)

    async def set(self, component_id, **props):
        await self.runtime.handle_event({"path": list(self.runtime.index.path_of(component_id)), "props": props})
        await self.runtime.settled()


def run(coro):
    return asyncio.run(coro)


def test_chain_app_runs_through_dispatch():
    """Does the e2e chain app (three callbacks) settle with the right values in-process?"""
    app = Dash(__name__)
    app.layout = html.Div([dcc.Input(id="source", value="abc"), html.Div(id="upper"),
                           html.Div(id="length"), html.Div(id="summary")])

    @app.callback(Output("upper", "children"), Input("source", "value"))
    def to_upper(value):
        return (value or "").upper()

    @app.callback(Output("length", "children"), Input("upper", "children"))
    def count(upper):
        return len(upper or "")

    @app.callback(Output("summary", "children"), Input("upper", "children"), Input("length", "children"))
    def summarize(upper, length):
        return f"{upper} has {length} letters"

    page = AppPage(app)

    async def scenario():
        await page.runtime.start()
        assert page.prop("summary", "children") == "ABC has 3 letters"
        await page.set("source", value="hello")

    run(scenario())
    assert page.prop("summary", "children") == "HELLO has 5 letters"
    assert page.errors == []
    assert page.transport.calls.count("summary.children") == 2


def test_prevent_update_app_from_the_seed():
    """Seed example 1: is body-div left empty on load and filled after a click?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("Click", id="show-secret"), html.Div(id="body-div")])

    @app.callback(Output("body-div", "children"), Input("show-secret", "n_clicks"))
    def update_output(n_clicks):
        if n_clicks is None:
            raise PreventUpdate
        return "Elephants are the only animal that can't jump"

    page = AppPage(app)

    async def scenario():
        await page.runtime.start()
        assert page.prop("body-div", "children") is None
        await page.set("show-secret", n_clicks=1)

    run(scenario())
    assert page.prop("body-div", "children") == "Elephants are the only animal that can't jump"


def test_no_update_and_patch_through_dispatch():
    """Do no_update (one of two outputs) and a Patch come back and apply correctly?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="keep", children="kept"),
                           html.Div(id="items", children=["a"])])

    @app.callback(Output("keep", "children"), Output("items", "children"), Input("btn", "n_clicks"),
                  prevent_initial_call=True)
    def add(n):
        patch = Patch()
        patch.append(f"item {n}")
        return no_update, patch

    page = AppPage(app)

    async def scenario():
        await page.runtime.start()
        await page.set("btn", n_clicks=1)

    run(scenario())
    assert page.prop("keep", "children") == "kept"
    assert page.prop("items", "children") == ["a", "item 1"]


def test_pattern_matching_app_through_dispatch():
    """Do MATCH and ALL callbacks get Dash-shaped requests the app accepts?"""
    app = Dash(__name__)
    app.layout = html.Div([
        html.Div([dcc.Input(id={"type": "in", "index": i}, value=str(i)) for i in range(3)]),
        html.Div([html.Div(id={"type": "out", "index": i}) for i in range(3)]),
        html.Div(id="total"),
    ])

    @app.callback(Output({"type": "out", "index": MATCH}, "children"),
                  Input({"type": "in", "index": MATCH}, "value"))
    def echo(value):
        return f"<{value}>"

    @app.callback(Output("total", "children"), Input({"type": "in", "index": ALL}, "value"),
                  State("total", "children"))
    def total(values, old):
        return ",".join(values)

    page = AppPage(app)

    async def scenario():
        await page.runtime.start()
        await page.set({"type": "in", "index": 1}, value="x")

    run(scenario())
    assert page.errors == []
    assert [page.prop({"type": "out", "index": i}, "children") for i in range(3)] == ["<0>", "<x>", "<2>"]
    assert page.prop("total", "children") == "0,x,2"


def test_callback_exception_is_reported_with_its_message():
    """Does a raising callback reach report_error with the app's message, the page still working?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out"), html.Div(id="ok")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def fail(n):
        raise ValueError("no good")

    @app.callback(Output("ok", "children"), Input("btn", "n_clicks"), prevent_initial_call=True)
    def fine(n):
        return n

    page = AppPage(app)

    async def scenario():
        await page.runtime.start()
        await page.set("btn", n_clicks=1)

    run(scenario())
    assert page.prop("ok", "children") == 1
    assert len(page.errors) == 1
    assert "Callback error updating out.children" in page.errors[0]
    assert "no good" in page.errors[0]


def test_runtime_drives_the_real_dom_view():
    """With view.DomView: first paint, a click bubbling to two ids, typing, each one op batch."""
    from fakes import comp, dep, inp

    from wasmdash.view import DomView

    layout = comp("Div", "outer", [comp("Button", "btn", "go"), inp("a", value="x"), comp("Div", "out")])
    deps = [dep("out.children", ["btn.n_clicks", "a.value"]),
            dep("outer.title", ["outer.n_clicks"], prevent_initial_call=True)]
    transport = FakeTransport(None, {"out.children": lambda n, a: f"{n}:{a}", "outer.title": lambda n: f"outer {n}"})
    applier, view, errors = RecordingApplier(), DomView(), []
    runtime = Runtime(layout, deps, transport=transport, view=view, applier=applier, clock=ManualClock(),
                      report_error=lambda m, tb: errors.append(m))

    async def scenario():
        await runtime.start()
        assert applier.batches[0][0] == ["clear", 0]
        out_text = view.by_path[runtime.index.path_of("out")].children[0].ref
        assert applier.batches[1] == [["insert", view.by_path[runtime.index.path_of("out")].ref,
                                       {"ref": out_text, "text": "None:x"}, None]]
        button = view.by_path[runtime.index.path_of("btn")]
        await runtime.handle_event({"type": "click", "refs": [button.ref, view.by_path[()].ref]})
        await runtime.settled()
        box = view.by_path[runtime.index.path_of("a")]
        await runtime.handle_event({"type": "input", "refs": [box.ref], "value": "xyz"})
        await runtime.settled()
        assert applier.batches[-1] == [["text", out_text, "1:xyz"]]

    run(scenario())
    assert errors == []
    assert layout["props"]["title"] == "outer 1"
    assert sorted(transport.calls) == ["out.children"] * 3 + ["outer.title"]


def test_running_from_a_real_app_disables_then_restores():
    """Does running=[(Output('btn', 'disabled'), True, False)] from Dash's dependencies work?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"), prevent_initial_call=True,
                  running=[(Output("btn", "disabled"), True, False)])
    def work(n):
        return f"done {n}"

    page = AppPage(app)
    page.transport.gated = True

    async def scenario():
        await page.runtime.start()
        await page.runtime.handle_event({"path": list(page.runtime.index.path_of("btn")), "props": {"n_clicks": 1}})
        await page.transport.wait_for_requests(1)
        assert page.prop("btn", "disabled") is True
        page.transport.release(0)
        await page.runtime.settled()

    run(scenario())
    assert page.prop("btn", "disabled") is False
    assert page.prop("out", "children") == "done 1"
