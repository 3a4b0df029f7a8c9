"""Routing callbacks to HTTP / JS / in-page Python, and running Python callbacks in the page's app."""
from __future__ import annotations

import asyncio
import importlib.util
import sys
import textwrap

import pytest
from fakes import FakeTransport, FakeView, ManualClock, RecordingApplier, comp, dep, inp

from wasmdash._clientside import page_app_source
from wasmdash.exceptions import CallbackError
from wasmdash.layout import get_in
from wasmdash.runtime import Runtime
from wasmdash.transports import (
    InPageTransport,
    MessageTransport,
    RoutingTransport,
    apply_set_props,
)

PY = {"namespace": "_wasmdash_python", "function_name": "f_1"}
JS = {"namespace": "ui", "function_name": "double"}


class Recorder:
    def __init__(self, answer=None):
        self.bodies = []
        self.answer = answer

    async def request(self, body):
        self.bodies.append(body)
        return self.answer


def test_routing_picks_the_transport_by_output():
    """Does each request go to HTTP, JS or in-page Python according to its dependency?"""
    deps = [
        dep("a.children", ["x.value"]),
        dep("b.children", ["x.value"], clientside_function=JS),
        dep("c.children", ["x.value"], clientside_function=PY),
    ]
    http, js, py = Recorder({"multi": True, "response": {"a": {"children": 1}}}), Recorder(), Recorder()
    routing = RoutingTransport(deps, http=http, javascript=js, python=py)
    assert [routing.kind(o) for o in ("a.children", "b.children", "c.children")] == ["http", "javascript", "python"]
    answer = asyncio.run(routing.request({"output": "a.children"}))
    asyncio.run(routing.request({"output": "b.children"}))
    asyncio.run(routing.request({"output": "c.children"}))
    assert answer == {"multi": True, "response": {"a": {"children": 1}}}
    assert [b["output"] for b in http.bodies + js.bodies + py.bodies] == ["a.children", "b.children", "c.children"]


def test_routing_without_a_python_app_fails_clearly():
    """A Python clientside callback with no page app fails naming the output, not silently."""
    routing = RoutingTransport([dep("c.children", ["x.value"], clientside_function=PY)], http=Recorder())
    with pytest.raises(CallbackError, match="Python clientside callbacks cannot run here.*'c.children'"):
        asyncio.run(routing.request({"output": "c.children"}))


# -- the page's app, built from the module the server ships -------------------------------------------
APP_SOURCE = '''
import asyncio
from wasmdash import Dash, Input, Output, State, ALL, MATCH, callback, clientside_callback, ctx, no_update, set_props, html
from wasmdash.exceptions import PreventUpdate

SECRET = "never in the page"
app = Dash(__name__)
app.layout = html.Div()


def server_only(value):
    return SECRET + value


@app.callback(Output("out", "children"), Input("in", "value"), State("in", "id"), clientside=True)
def shout(value, component_id):
    if value == "stop":
        raise PreventUpdate
    if value == "keep":
        return no_update
    if value == "boom":
        raise ValueError("no boom allowed")
    return f"{component_id}:{value.upper()} by {ctx.triggered_id}"


@callback(
    output={"total": Output("total", "children"), "each": Output({"type": "cell", "index": ALL}, "children")},
    inputs={"values": Input({"type": "cell", "index": ALL}, "value")},
    clientside=True,
)
def totals(values):
    return {"total": sum(values), "each": [str(v * 2) for v in values]}


async def progress(n):
    set_props("status", {"children": "working"})
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    return f"done {n}"


app.clientside_callback(progress, Output("result", "children"), Input("go", "n_clicks"))
'''


@pytest.fixture
def shipped(tmp_path):
    """(server app, the page module's source) for APP_SOURCE written to a file."""
    path = tmp_path / "cs_app.py"
    path.write_text(textwrap.dedent(APP_SOURCE))
    spec = importlib.util.spec_from_file_location("cs_app", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["cs_app"] = module
    spec.loader.exec_module(module)
    app = module.app
    app.dependencies_json()  # takes over the global callbacks
    yield app, page_app_source(app._callback_list)
    sys.modules.pop("cs_app", None)


def page_app(source):
    namespace = {"__name__": "_wasmdash_clientside"}
    exec(compile(source, "clientside.py", "exec"), namespace)
    return namespace["app"]


def test_only_the_functions_source_travels(shipped):
    """Is the module-level secret, and the unmarked function, absent from what the page gets?"""
    _, source = shipped
    assert "never in the page" not in source
    assert "server_only" not in source
    assert "def shout(value, component_id):" in source
    assert "async def progress(n):" in source


def test_page_app_lists_the_same_dependencies_as_the_server(shipped):
    """Does the page's app register each callback under the very output string the server lists?"""
    server, source = shipped
    page = page_app(source)
    assert page.dependencies_json() == [d for d in server.dependencies_json() if d["clientside_function"]]


def request(output, inputs, state=(), outputs=None, changed=None):
    return {
        "output": output,
        "outputs": outputs,
        "inputs": list(inputs),
        "state": list(state),
        "changedPropIds": changed or [],
    }


def shout_body(value):
    return request(
        "out.children",
        [{"id": "in", "property": "value", "value": value}],
        [{"id": "in", "property": "id", "value": "in"}],
        {"id": "out", "property": "children"},
        ["in.value"],
    )


def test_in_page_transport_has_the_server_semantics(shipped):
    """ctx, no_update, PreventUpdate: the same answers as the server's dispatch."""
    transport = InPageTransport(page_app(shipped[1]))
    answer = asyncio.run(transport.request(shout_body("hi")))
    assert answer == {"multi": True, "response": {"out": {"children": "in:HI by in"}}}
    assert asyncio.run(transport.request(shout_body("keep"))) is None
    assert asyncio.run(transport.request(shout_body("stop"))) is None


def test_in_page_exception_carries_the_python_traceback_at_the_apps_line(shipped):
    """Does a failure name the callback and the error, with a traceback pointing into the app file?"""
    transport = InPageTransport(page_app(shipped[1]))
    with pytest.raises(CallbackError) as raised:
        asyncio.run(transport.request(shout_body("boom")))
    error = raised.value
    assert "callback `shout` (cs_app.py:16)" in str(error)
    assert "ValueError: no boom allowed" in str(error)
    assert 'File "cs_app.py", line 22, in shout' in error.traceback


def test_pattern_matching_and_dict_signature(shipped):
    """ALL inputs/outputs and keyword (dict) groupings work in the page as on the server."""
    server, source = shipped
    transport = InPageTransport(page_app(source))
    output = next(d["output"] for d in server.dependencies_json() if d["output"].startswith(".."))
    cells = [{"id": {"type": "cell", "index": i}, "property": "value", "value": i + 1} for i in range(2)]
    total = {"id": "total", "property": "children"}
    each = [{"id": {"type": "cell", "index": i}, "property": "children"} for i in range(2)]
    body = request(
        output,
        [cells],
        outputs=[total, each] if output.startswith("..total") else [each, total],
        changed=['{"index":0,"type":"cell"}.value'],
    )
    answer = asyncio.run(transport.request(body))
    assert answer["response"] == {
        "total": {"children": 3},
        '{"index":0,"type":"cell"}': {"children": "2"},
        '{"index":1,"type":"cell"}': {"children": "4"},
    }


def test_set_props_reaches_the_page_before_the_callback_returns(shipped):
    """An async callback's set_props is applied at once, not only with its response."""
    seen = []
    app = page_app(shipped[1])
    transport = InPageTransport(app, set_props=lambda cid, props: seen.append((cid, props)))
    body = request(
        "result.children",
        [{"id": "go", "property": "n_clicks", "value": 1}],
        outputs={"id": "result", "property": "children"},
        changed=["go.n_clicks"],
    )

    async def main():
        task = asyncio.ensure_future(transport.request(body))
        await asyncio.sleep(0)  # the callback ran up to its first await
        assert seen == [("status", {"children": "working"})]
        assert not task.done()
        return await task

    answer = asyncio.run(main())
    assert answer == {"multi": True, "response": {"result": {"children": "done 1"}}}  # no sideUpdate again


def test_message_transport_round_trip():
    """A JS call is one message out; the reply resolves it (value, PreventUpdate, error, set_props)."""
    sent, props = [], []
    transport = MessageTransport(
        [dep("b.children", ["x.value"], clientside_function=JS)], sent.append, lambda cid, p: props.append((cid, p))
    )

    async def main():
        results = []
        for reply in (
            {"status": "ok", "response": {"multi": True, "response": {"b": {"children": 2}}}},
            {"status": "prevent"},
        ):
            task = asyncio.ensure_future(transport.request({"output": "b.children"}))
            await asyncio.sleep(0)
            transport.receive({"type": "clientside-set-props", "id": "x", "props": {"value": 9}})
            transport.receive({"type": "clientside-result", "call": sent[-1]["call"], **reply})
            results.append(await task)
        task = asyncio.ensure_future(transport.request({"output": "b.children"}))
        await asyncio.sleep(0)
        transport.receive(
            {"type": "clientside-result", "call": sent[-1]["call"], "status": "error", "error": "TypeError: x", "stack": "at f"}
        )
        with pytest.raises(CallbackError, match="TypeError: x") as raised:
            await task
        assert raised.value.traceback == "at f"
        return results

    results = asyncio.run(main())
    assert results == [{"multi": True, "response": {"b": {"children": 2}}}, None]
    assert sent[0] == {"type": "clientside", "call": 1, "function": JS, "body": {"output": "b.children"}}
    assert props == [("x", {"value": 9}), ("x", {"value": 9})]


# -- a runtime mixing the three kinds of callback -------------------------------------------------
class JsSide:
    """Plays static/clientside.js: answers each message with `fn(value)` on the next loop turn."""

    def __init__(self, functions):
        self.functions = functions
        self.transport = None

    def send(self, message):
        body = message["body"]
        value = self.functions[message["function"]["function_name"]](body["inputs"][0]["value"])
        out = body["outputs"]
        reply = {"type": "clientside-result", "call": message["call"], "status": "ok",
                 "response": {"multi": True, "response": {out["id"]: {out["property"]: value}}}}
        asyncio.get_event_loop().call_soon(self.transport.receive, reply)


def test_a_chain_of_server_python_and_js_callbacks_runs_in_order(tmp_path):
    """server -> in-page Python -> JS: each runs once, after the one it depends on."""
    path = tmp_path / "mixed_app.py"
    path.write_text(textwrap.dedent('''
        from wasmdash import Dash, Input, Output, html
        app = Dash(__name__)

        @app.callback(Output("b", "children"), Input("a", "value"))
        def server(value):
            return value + "-server"

        @app.callback(Output("c", "children"), Input("b", "children"), clientside=True)
        def python(value):
            return value + "-python"

        app.clientside_callback(
            "function(v) { return v + '-js'; }", Output("d", "children"), Input("c", "children")
        )
    '''))
    spec = importlib.util.spec_from_file_location("mixed_app", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    server = module.app
    deps = server.dependencies_json()
    layout = comp("Div", children=[inp("a", value="x"), comp("Div", "b"), comp("Div", "c"), comp("Div", "d")])
    http = FakeTransport(server)
    page = page_app(page_app_source(server._callback_list))
    js = JsSide({deps[2]["clientside_function"]["function_name"]: lambda v: v + "-js"})
    order = []

    class Logged:
        def __init__(self, name, inner):
            self.name, self.inner = name, inner

        async def request(self, body):
            order.append(self.name)
            return await self.inner.request(body)

    holder = {}
    set_props = lambda cid, props: apply_set_props(holder["runtime"], cid, props)  # noqa: E731
    js.transport = MessageTransport(deps, js.send, set_props)
    routing = RoutingTransport(
        deps,
        http=Logged("http", http),
        javascript=Logged("js", js.transport),
        python=Logged("python", InPageTransport(page, set_props)),
    )
    errors = []
    runtime = Runtime(layout, deps, transport=routing, view=FakeView(), applier=RecordingApplier(),
                      clock=ManualClock(), report_error=lambda m, tb: errors.append(m))
    holder["runtime"] = runtime
    asyncio.run(runtime.start())
    assert errors == []
    assert order == ["http", "python", "js"]
    d = get_in(runtime.layout, runtime.index.path_of("d"))
    assert d["props"]["children"] == "x-server-python-js"


def test_apply_set_props_finds_the_component_by_id():
    """String ids and stringified dict ids both resolve to the component's path."""

    class FakeRuntime:
        def __init__(self):
            from wasmdash.paths import PathIndex

            self.layout = comp("Div", children=[comp("Div", "a"), comp("Div", {"type": "x", "index": 1})])
            self.index = PathIndex.build(self.layout)
            self.calls = []

        def set_props(self, path, props):
            self.calls.append((path, props))

    runtime, missing = FakeRuntime(), []
    apply_set_props(runtime, "a", {"children": 1})
    apply_set_props(runtime, '{"index":1,"type":"x"}', {"children": 2})
    apply_set_props(runtime, {"type": "x", "index": 1}, {"children": 3})
    apply_set_props(runtime, "nope", {"children": 4}, report=missing.append)
    assert [props["children"] for _, props in runtime.calls] == [1, 2, 3]
    assert runtime.calls[0][0] == runtime.index.path_of("a")
    assert "nope" in missing[0]
