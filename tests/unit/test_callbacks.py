"""Callback declaration and dispatch semantics from Dash 4 (flexible signatures, wildcards, ...)."""
from __future__ import annotations

import asyncio
import hashlib

import pytest

from wasmdash import (ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, callback, ctx, hooks, html,
                      no_update, set_props)
from wasmdash import _callbacks
from wasmdash.exceptions import (DuplicateCallback, DuplicateIdError, IncorrectTypeException,
                                 NonExistentIdException, NonExistentPropException)


@pytest.fixture(autouse=True)
def clean_registries():
    """Global callbacks and hooks from one test must not leak into the next."""
    _callbacks.GLOBAL_CALLBACK_LIST.clear()
    _callbacks.GLOBAL_CALLBACK_MAP.clear()
    hooks.clear()
    yield
    _callbacks.GLOBAL_CALLBACK_LIST.clear()
    _callbacks.GLOBAL_CALLBACK_MAP.clear()
    hooks.clear()


def make_app(*children, **kwargs):
    app = Dash(__name__, **kwargs)
    app.layout = html.Div(list(children) or [html.Div(id=i) for i in ("a", "b", "c", "out", "out2")])
    return app


def dispatch(app, body):
    return asyncio.run(app.dispatch(body))


def item(component_id, prop, value=None):
    return {"id": component_id, "property": prop, "value": value}


def out(component_id, prop):
    return {"id": component_id, "property": prop}


# -- flexible signatures -------------------------------------------------------------------------

def test_dict_inputs_and_state_become_keyword_arguments():
    """Dash cbfs: are dict inputs/state passed as keyword arguments by name?"""
    app = make_app()

    @app.callback(Output("out", "children"), inputs=dict(x=Input("a", "children"), y=Input("b", "children")),
                  state=dict(z=State("c", "children")))
    def combine(y, z, x):
        return f"{x}-{y}-{z}"

    deps = app.dependencies_json()[0]
    assert [d["id"] for d in deps["inputs"]] == ["a", "b"] and deps["state"] == [{"id": "c", "property": "children"}]
    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item("a", "children", 1), item("b", "children", 2)], "state": [item("c", "children", 3)]}
    assert dispatch(app, body).body["response"] == {"out": {"children": "1-2-3"}}


def test_dict_output_takes_a_dict_return():
    """Is output=dict(...) answered from a returned dict, keyed by name?"""
    app = make_app()

    @app.callback(output=dict(first=Output("out", "children"), second=Output("out2", "children")),
                  inputs=[Input("a", "children")])
    def split(value):
        return {"second": value * 2, "first": value}

    assert app.dependencies_json()[0]["output"] == "..out.children...out2.children.."
    body = {"output": "..out.children...out2.children..",
            "outputs": [out("out", "children"), out("out2", "children")], "inputs": [item("a", "children", 4)]}
    assert dispatch(app, body).body["response"] == {"out": {"children": 4}, "out2": {"children": 8}}


def test_dict_output_with_wrong_keys_names_callback():
    """Does a dict return with the wrong keys give a clear InvalidCallbackReturnValue?"""
    app = make_app()

    @app.callback(output=dict(first=Output("out", "children"), second=Output("out2", "children")),
                  inputs=[Input("a", "children")])
    def split(value):
        return {"first": 1}

    body = {"output": "..out.children...out2.children..",
            "outputs": [out("out", "children"), out("out2", "children")], "inputs": [item("a", "children", 4)]}
    result = dispatch(app, body)
    assert result.status == 500
    assert "callback `split`" in result.body["error"] and "keys ['first', 'second']" in result.body["error"]


def test_tuple_grouping_input_is_passed_as_a_tuple_argument():
    """Is a nested (Input, Input) grouping passed as one list argument, with args_grouping alike?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), inputs=[(Input("a", "children"), Input("b", "children")),
                                                      State("c", "children")])
    def grouped(pair, third):
        seen.update(pair=pair, third=third, grouping=ctx.args_grouping, using=ctx.using_args_grouping)
        return "ok"

    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item("a", "children", 1), item("b", "children", 2)], "state": [item("c", "children", 3)],
            "changedPropIds": ["b.children"]}
    assert dispatch(app, body).status == 200
    assert seen["pair"] == [1, 2] and seen["third"] == 3 and seen["using"] is True
    assert seen["grouping"][0][1]["triggered"] is True and seen["grouping"][1]["value"] == 3


def test_old_list_syntax_and_single_list_output():
    """Does Dash 1 syntax ([Output], [Input], [State]) expect a one-item list back?"""
    app = make_app()

    @app.callback([Output("out", "children")], [Input("a", "children")], [State("b", "children")])
    def old(a, b):
        return [f"{a}{b}"]

    body = {"output": "..out.children..", "outputs": [out("out", "children")],
            "inputs": [item("a", "children", "x")], "state": [item("b", "children", "y")]}
    assert app.dependencies_json()[0]["output"] == "..out.children.."
    assert dispatch(app, body).body["response"] == {"out": {"children": "xy"}}


def test_trailing_bool_is_prevent_initial_call():
    """Is a trailing True positional argument taken as prevent_initial_call, as Dash does?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"), True)
    def f(a):
        return a

    assert app.dependencies_json()[0]["prevent_initial_call"] is True


def test_app_wide_prevent_initial_callbacks_applies_to_global_callbacks():
    """Does Dash(prevent_initial_callbacks=True) apply to @callback without its own setting?"""
    app = make_app(prevent_initial_callbacks=True)

    @callback(Output("out", "children"), Input("a", "children"))
    def f(a):
        return a

    @callback(Output("out2", "children"), Input("a", "children"), prevent_initial_call=False)
    def g(a):
        return a

    assert [d["prevent_initial_call"] for d in app.dependencies_json()] == [True, False]


def test_misordered_arguments_are_rejected():
    """Is an Input before an Output refused with a message saying the order?"""
    with pytest.raises(IncorrectTypeException, match="Outputs come first"):
        @callback(Input("a", "children"), Output("out", "children"))
        def f(a):
            return a


def test_output_keyword_with_non_output_is_rejected():
    """Is output=Input(...) refused naming the bad dependency?"""
    with pytest.raises(IncorrectTypeException, match="output= must hold Output"):
        @callback(output=[Input("a", "children")], inputs=[Input("b", "children")])
        def f(a):
            return a


# -- allow_optional ------------------------------------------------------------------------------

def test_allow_optional_missing_input_is_none():
    """Is an allow_optional input absent from the page passed as None (and listed as optional)?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"),
                  Input("not-there", "value", allow_optional=True), State("gone", "data", allow_optional=True))
    def f(a, maybe, gone):
        return f"{a}|{maybe}|{gone}"

    deps = app.dependencies_json()[0]
    assert deps["inputs"][1] == {"id": "not-there", "property": "value", "allow_optional": True}
    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item("a", "children", 1), {"id": "not-there", "property": "value", "allow_optional": True}],
            "state": [{"id": "gone", "property": "data", "value": None, "allow_optional": True}]}
    assert dispatch(app, body).body["response"] == {"out": {"children": "1|None|None"}}


# -- async callbacks -----------------------------------------------------------------------------

def test_async_callback_is_awaited():
    """Is an `async def` callback awaited, with ctx available inside?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    async def later(a):
        await asyncio.sleep(0)
        return f"{a}:{ctx.triggered_id}"

    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item("a", "children", 1)], "changedPropIds": ["a.children"]}
    assert dispatch(app, body).body["response"] == {"out": {"children": "1:a"}}


def test_two_async_callbacks_run_concurrently():
    """Do two slow async callbacks overlap (each waits for the other to start) instead of queueing?"""
    app = make_app()
    started = {"n": 0}
    both = asyncio.Event()

    async def rendezvous():
        started["n"] += 1
        if started["n"] == 2:
            both.set()
        await asyncio.wait_for(both.wait(), timeout=5)  # would time out if run one after the other

    @app.callback(Output("out", "children"), Input("a", "children"))
    async def first(a):
        await rendezvous()
        return "first"

    @app.callback(Output("out2", "children"), Input("a", "children"))
    async def second(a):
        await rendezvous()
        return "second"

    async def both_requests():
        return await asyncio.gather(
            app.dispatch({"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]}),
            app.dispatch({"output": "out2.children", "outputs": out("out2", "children"), "inputs": [item("a", "children")]}),
        )

    results = asyncio.run(both_requests())
    assert [r.body["response"] for r in results] == [{"out": {"children": "first"}}, {"out2": {"children": "second"}}]


# -- outputs -------------------------------------------------------------------------------------

def test_no_output_callback_has_placeholder_and_flag():
    """Does a callback without outputs get a unique hash output and no_output: true?"""
    app = make_app()
    ran = []

    @app.callback(Input("a", "children"))
    def side_effect(a):
        ran.append(a)
        set_props("out", {"children": "set"})

    @app.callback(Input("b", "children"))
    def other(b):
        pass

    deps = app.dependencies_json()
    assert all(d["no_output"] for d in deps)
    assert deps[0]["output"] == hashlib.sha256(b"a.children").hexdigest()
    assert deps[0]["output"] != deps[1]["output"]
    body = {"output": deps[0]["output"], "outputs": [], "inputs": [item("a", "children", 7)]}
    assert dispatch(app, body).body == {"multi": True, "response": {}, "sideUpdate": {"out": {"children": "set"}}}
    assert ran == [7]
    assert dispatch(app, {**body, "output": deps[1]["output"], "inputs": [item("b", "children")]}).status == 204


def test_no_output_callback_returning_a_value_is_an_error():
    """Is a value returned from a no-output callback refused with a clear message?"""
    app = make_app()

    @app.callback(Input("a", "children"))
    def oops(a):
        return "value"

    output = app.dependencies_json()[0]["output"]
    result = dispatch(app, {"output": output, "outputs": [], "inputs": [item("a", "children")]})
    assert result.status == 500
    assert "callback `oops`" in result.body["error"] and "must return None" in result.body["error"]
    assert "set_props" in result.body["error"]


def test_set_props_combined_with_outputs():
    """Do set_props updates and regular outputs both come back?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def both(a):
        set_props("out2", {"children": "side"})
        return "main"

    result = dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]})
    assert result.body == {"multi": True, "response": {"out": {"children": "main"}},
                           "sideUpdate": {"out2": {"children": "side"}}}


def test_set_props_with_no_update_output_still_answers():
    """Is the side update sent even when every output is no_update?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def only_side(a):
        set_props("out2", {"children": "side"})
        return no_update

    result = dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]})
    assert result.body == {"multi": True, "response": {}, "sideUpdate": {"out2": {"children": "side"}}}


def test_allow_duplicate_output_gets_hash_suffix_and_dispatches():
    """Dash cbdo: does an allow_duplicate output get @<sha256 of inputs> and answer under the plain prop?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def original(a):
        return "original"

    @app.callback(Output("out", "children", allow_duplicate=True), Input("b", "children"), prevent_initial_call=True)
    def duplicate(b):
        return "duplicate"

    digest = hashlib.sha256(b"b.children").hexdigest()
    outputs = [d["output"] for d in app.dependencies_json()]
    assert outputs == ["out.children", f"out.children@{digest}"]
    body = {"output": outputs[1], "outputs": out("out", f"children@{digest}"), "inputs": [item("b", "children")]}
    assert dispatch(app, body).body["response"] == {"out": {"children": "duplicate"}}


def test_duplicate_output_without_allow_duplicate_names_both_callbacks():
    """Is an output set by two callbacks a DuplicateCallback naming both?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def one(a):
        return a

    @app.callback(Output("out2", "children"), Output("out", "children"), Input("b", "children"))
    def two(b):
        return b, b

    with pytest.raises(DuplicateCallback, match=r"(?s)Output\(\"out\", \"children\"\) is set by two callbacks: "
                                                r"callback `one`.*callback `two`.*allow_duplicate=True"):
        app.dependencies_json()


def test_same_output_string_twice_is_rejected_at_declaration():
    """Is declaring the very same outputs twice refused at once?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def one(a):
        return a

    with pytest.raises(DuplicateCallback, match="callback `two`.*sets the same outputs as callback `one`"):
        @app.callback(Output("out", "children"), Input("b", "children"))
        def two(b):
            return b


def test_allow_duplicate_needs_prevent_initial_call():
    """Does allow_duplicate without prevent_initial_call say to add it (or 'initial_duplicate')?"""
    app = make_app()

    @app.callback(Output("out", "children", allow_duplicate=True), Input("a", "children"))
    def dup(a):
        return a

    with pytest.raises(DuplicateCallback, match="initial_duplicate"):
        app.dependencies_json()
    ok = make_app()

    @ok.callback(Output("out", "children", allow_duplicate=True), Input("a", "children"),
                 prevent_initial_call="initial_duplicate")
    def dup2(a):
        return a

    assert ok.dependencies_json()[0]["prevent_initial_call"] is False


def test_running_is_serialized_as_dash_does():
    """Is running=[(Output, on, off)] listed as {running: {...}, runningOff: {...}}?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"),
                  running=[(Output("b", "disabled"), True, False), (Output("c", "children"), html.B("..."), "done")])
    def slow(a):
        return a

    assert app.dependencies_json()[0]["running"] == {
        "running": {"b.disabled": True, "c.children": {"type": "B", "namespace": "dash_html_components",
                                                        "props": {"children": "..."}}},
        "runningOff": {"b.disabled": False, "c.children": "done"},
    }


# -- pattern matching ----------------------------------------------------------------------------

def test_all_wildcard_inputs_and_outputs_are_lists():
    """Dash cbpm: are ALL inputs passed as lists and ALL outputs answered per matched component?"""
    app = make_app()

    @app.callback(Output({"type": "label", "index": ALL}, "children"), Input({"type": "box", "index": ALL}, "value"))
    def echo(values):
        assert ctx.outputs_list == [out({"type": "label", "index": 0}, "children"),
                                    out({"type": "label", "index": 1}, "children")]
        return [str(v).upper() for v in values]

    output = app.dependencies_json()[0]["output"]
    assert output == '{"index":["ALL"],"type":"label"}.children'
    body = {"output": output,
            "outputs": [out({"type": "label", "index": 0}, "children"), out({"type": "label", "index": 1}, "children")],
            "inputs": [[item({"type": "box", "index": 0}, "value", "a"), item({"type": "box", "index": 1}, "value", "b")]]}
    assert dispatch(app, body).body["response"] == {
        '{"index":0,"type":"label"}': {"children": "A"}, '{"index":1,"type":"label"}': {"children": "B"}}


def test_all_output_with_wrong_count_is_an_error():
    """Does returning the wrong number of values for an ALL output name the callback?"""
    app = make_app()

    @app.callback(Output({"type": "label", "index": ALL}, "children"), Input({"type": "box", "index": ALL}, "value"))
    def echo(values):
        return ["only one"]

    body = {"output": app.dependencies_json()[0]["output"],
            "outputs": [out({"type": "label", "index": 0}, "children"), out({"type": "label", "index": 1}, "children")],
            "inputs": [[item({"type": "box", "index": 0}, "value"), item({"type": "box", "index": 1}, "value")]]}
    result = dispatch(app, body)
    assert result.status == 500 and "must return a list of 2 values" in result.body["error"]


def test_match_and_allsmaller_dispatch():
    """Dash cbpm: does MATCH give one value and ALLSMALLER the list of smaller indices?"""
    app = make_app()

    @app.callback(Output({"type": "out", "index": MATCH}, "children"),
                  Input({"type": "in", "index": MATCH}, "value"),
                  State({"type": "in", "index": ALLSMALLER}, "value"))
    def running_total(value, before):
        return sum(before) + value

    body = {"output": app.dependencies_json()[0]["output"],
            "outputs": out({"type": "out", "index": 2}, "children"),
            "inputs": [item({"type": "in", "index": 2}, "value", 3)],
            "state": [[item({"type": "in", "index": 0}, "value", 1), item({"type": "in", "index": 1}, "value", 2)]]}
    assert dispatch(app, body).body["response"] == {'{"index":2,"type":"out"}': {"children": 6}}


def test_wildcard_input_sent_as_object_is_400():
    """Is an ALL input sent as a single object refused naming inputs[0]?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input({"type": "box", "index": ALL}, "value"))
    def f(values):
        return values

    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item({"type": "box", "index": 0}, "value")]}
    result = dispatch(app, body)
    assert result.status == 400 and result.body["field"] == "inputs[0]"


# -- custom data hooks ---------------------------------------------------------------------------

def test_custom_data_hook_fills_ctx_custom_data():
    """Does @hooks.custom_data("ns") put its return value in ctx.custom_data["ns"]?"""
    app = make_app()

    @hooks.custom_data("user")
    def user_from_headers(state):
        return state.headers.get("x-user", "anonymous")

    @app.callback(Output("out", "children"), Input("a", "children"))
    def greet(a):
        return f"hello {ctx.custom_data['user']}"

    body = {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]}
    result = asyncio.run(app.dispatch(body, request={"headers": {"x-user": "ada"}}))
    assert result.body["response"] == {"out": {"children": "hello ada"}}


# -- start-up validation -------------------------------------------------------------------------

def test_unknown_id_in_static_layout_is_a_startup_error():
    """Does a callback naming an id missing from the layout raise naming id, prop and callback?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="button"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("buton", "n_clicks"))
    def show(n):
        return n

    with pytest.raises(NonExistentIdException, match=r"(?s)callback `show` \(test_callbacks.py:\d+\).*"
                                                     r"Input\(\"buton\", \"n_clicks\"\).*no component in the layout has "
                                                     r"the id 'buton'. Did you mean 'button'\?.*suppress_callback_exceptions"):
        app.validate()


def test_suppress_callback_exceptions_skips_the_id_check():
    """Is the id check skipped with suppress_callback_exceptions=True?"""
    app = Dash(__name__, suppress_callback_exceptions=True)
    app.layout = html.Div([html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("later", "n_clicks"))
    def show(n):
        return n

    app.validate()
    assert app.dependencies_json()[0]["output"] == "out.children"


def test_unknown_prop_is_a_startup_error_with_suggestion():
    """Does a callback naming a prop the component lacks get a Did you mean?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_click"))
    def show(n):
        return n

    with pytest.raises(NonExistentPropException, match="has no prop `n_click`. Did you mean `n_clicks`"):
        app.validate()


def test_layout_function_skips_the_id_check():
    """Is a layout function (dynamic) exempt from the id check?"""
    app = Dash(__name__)
    app.layout = lambda: html.Div(id="out")

    @app.callback(Output("out", "children"), Input("nowhere", "value"))
    def show(v):
        return v

    app.validate()
    assert len(app.dependencies_json()) == 1


def test_missing_id_does_not_stop_serving():
    """Is a missing id kept as a problem (for the page to show) while the app still serves?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("missing-input", "value"))
    def broken(value):
        return value

    assert app.layout_json()["props"]["children"][0]["props"] == {"id": "out"}
    assert len(app.dependencies_json()) == 1
    assert [type(p).__name__ for p in app.validation_problems] == ["NonExistentIdException"]
    assert 'Input("missing-input", "value")' in str(app.validation_problems[0])


def test_duplicate_ids_in_layout_are_rejected():
    """Are two components with one id a DuplicateIdError naming both?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="x"), html.Span(id="x")])
    with pytest.raises(DuplicateIdError, match=r"'x' is the id of both html.Div\(id='x'\) and html.Span\(id='x'\)"):
        app.layout_json()


# -- on_error and helpers ------------------------------------------------------------------------

def test_on_error_replaces_the_output():
    """Dash on_error: does the handler's value become the output, with ctx available?"""
    app = make_app()
    seen = {}

    def handler(error):
        seen["error"] = repr(error)
        set_props("out2", {"children": "handled"})
        return f"error: {error}"

    @app.callback(Output("out", "children"), Input("a", "children"), on_error=handler)
    def fails(a):
        raise ValueError("nope")

    result = dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]})
    assert result.body == {"multi": True, "response": {"out": {"children": "error: nope"}},
                           "sideUpdate": {"out2": {"children": "handled"}}}
    assert seen["error"] == "ValueError('nope')"


def test_app_on_error_returning_none_leaves_outputs():
    """Does Dash(on_error=...) apply to every callback, None meaning no_update?"""
    errors = []
    app = make_app(on_error=lambda error: errors.append(str(error)))

    @app.callback(Output("out", "children"), Input("a", "children"))
    def fails(a):
        raise KeyError("k")

    result = dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]})
    assert result.status == 204 and errors == ["'k'"]


def test_relative_path_helpers_and_get_app():
    """Do get_relative_path/strip_relative_path honour the prefix, and get_app find the app?"""
    from wasmdash import get_app

    app = make_app(requests_pathname_prefix="/app/")
    assert app.get_relative_path("/page-1") == "/app/page-1"
    assert app.strip_relative_path("/app/page-1/") == "page-1"
    assert app.get_asset_url("logo.png") == "/app/assets/logo.png"
    assert get_app() is app


@pytest.mark.parametrize("dep, message", [
    (lambda: Input("a.b", "value"), r"the id 'a.b' contains `.`"),
    (lambda: Input("", "value"), "is empty"),
    (lambda: Input({1: "x"}, "value"), "dict id keys must be non-empty strings"),
    (lambda: Input(3, "value"), "component_id must be a string or a dict"),
    (lambda: Input("a", None), "component_property must be a non-empty string"),
])
def test_bad_dependency_is_refused_at_declaration(dep, message):
    """Are ids with dots, non-string keys and missing props refused when the callback is declared?"""
    from wasmdash.exceptions import CallbackException

    with pytest.raises(CallbackException, match=message):
        @callback(Output("out", "children"), dep())
        def f(a):
            return a


def test_allsmaller_in_an_output_is_refused():
    """Is ALLSMALLER in an Output refused, naming what is allowed?"""
    with pytest.raises(IncorrectTypeException, match="ALLSMALLER is not allowed in an Output; allowed: MATCH, ALL"):
        @callback(Output({"i": ALLSMALLER}, "children"), Input("a", "value"))
        def f(a):
            return a


def test_request_outputs_must_match_the_callback():
    """Is a request whose outputs are not the callback's refused (400 naming outputs)?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"))
    def f(a):
        return a

    body = {"output": "out.children", "outputs": out("secret", "children"), "inputs": [item("a", "children")]}
    result = dispatch(app, body)
    assert result.status == 400 and result.body["field"] == "outputs"
    assert "is not an output of callback `f`" in result.body["error"]


def test_interleaved_state_keeps_argument_order():
    """With Input, State, Input declared in that order, are arguments passed in that order?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), Input("a", "children"), State("b", "children"), Input("c", "children"))
    def f(a, b, c):
        seen["using"] = ctx.using_args_grouping
        return f"{a}{b}{c}"

    deps = app.dependencies_json()[0]
    assert [d["id"] for d in deps["inputs"]] == ["a", "c"] and [d["id"] for d in deps["state"]] == ["b"]
    body = {"output": "out.children", "outputs": out("out", "children"),
            "inputs": [item("a", "children", 1), item("c", "children", 3)], "state": [item("b", "children", 2)]}
    assert dispatch(app, body).body["response"] == {"out": {"children": "123"}}
    assert seen["using"] is True


def test_callback_without_inputs_is_allowed_and_runs():
    """Can a callback have no Input (it runs once on load, as in Dash)?"""
    app = make_app()

    @app.callback(Output("out", "children"), [])
    def on_load():
        return "loaded"

    deps = app.dependencies_json()[0]
    assert deps["inputs"] == [] and deps["output"] == "out.children"
    assert dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": []}).body[
        "response"] == {"out": {"children": "loaded"}}


def test_no_input_with_prevent_initial_call_is_reported():
    """Is a callback that can never run reported, saying why?"""
    app = make_app()

    @app.callback(Output("out", "children"), [], prevent_initial_call=True)
    def never():
        return "x"

    with pytest.raises(Exception, match="never be called"):
        app.validate()


@pytest.mark.parametrize("deps, message", [
    (lambda: (Output({"i": MATCH}, "children"), Output({"j": MATCH}, "children"), Input({"i": MATCH}, "value")),
     "Mismatched MATCH wildcards across Outputs"),
    (lambda: (Output("out", "children"), Input({"i": ALLSMALLER}, "value")),
     "has MATCH or ALLSMALLER on key\\(s\\) i"),
    (lambda: (Output({"i": MATCH}, "children"), Input({"j": MATCH}, "value")),
     "key\\(s\\) j, but Output 0"),
    (lambda: (Output("out", "children"), Input({"i": "x", "v": [1]}, "value")),
     "dict id values must be wildcards or a string, number or boolean"),
])
def test_wildcard_rules_are_checked_at_declaration(deps, message):
    """Are dash-renderer's MATCH/ALLSMALLER consistency rules enforced when declaring?"""
    with pytest.raises(IncorrectTypeException, match=message):
        callback(*deps())(lambda *a: None)


def test_match_in_inputs_with_fixed_outputs_is_allowed():
    """Is MATCH in Inputs allowed when the Outputs have none (Dash issue #2462)?"""
    callback(Output("out", "children"), Input({"i": MATCH}, "value"))(lambda v: v)


def test_no_output_no_input_callbacks_get_distinct_placeholders():
    """Do two callbacks with neither outputs nor inputs get different output ids (by call site)?"""
    app = make_app()
    app.callback(State("a", "children"))(lambda a: None)
    app.callback(State("b", "children"))(lambda b: None)
    outputs = [d["output"] for d in app.dependencies_json()]
    assert len(set(outputs)) == 2


def test_background_callback_with_progress_runs_and_reports_progress():
    """Does a Dash background callback (set_progress first) run, its progress sent as set_props?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "children"), background=True,
                  progress=[Output("b", "children"), Output("c", "children")], prevent_initial_call=True)
    def work(set_progress, a):
        set_progress((1, 2))
        set_progress((2, 2))
        return "done"

    result = dispatch(app, {"output": "out.children", "outputs": out("out", "children"), "inputs": [item("a", "children")]})
    assert result.body == {"multi": True, "response": {"out": {"children": "done"}},
                           "sideUpdate": {"b": {"children": 2}, "c": {"children": 2}}}
