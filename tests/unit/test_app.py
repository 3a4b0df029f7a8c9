"""Dash (sans I/O): layout_json, dependencies_json and dispatch, called in-process."""
from __future__ import annotations

import asyncio

import pytest

from wasmdash import Dash, Input, Output, State, callback, html, no_update
from wasmdash import _callbacks
from wasmdash.exceptions import NoLayoutException, PreventUpdate


@pytest.fixture(autouse=True)
def no_global_callbacks():
    """Global callbacks from one test must not leak into another test's app."""
    _callbacks.GLOBAL_CALLBACK_LIST.clear()
    _callbacks.GLOBAL_CALLBACK_MAP.clear()
    yield
    _callbacks.GLOBAL_CALLBACK_LIST.clear()
    _callbacks.GLOBAL_CALLBACK_MAP.clear()


def dispatch(app, body):
    return asyncio.run(app.dispatch(body))


def request(output, inputs, outputs=None, state=None, changed=()):
    body = {"output": output, "inputs": inputs, "changedPropIds": list(changed)}
    if outputs is None:
        component_id, _, prop = output.rpartition(".")
        outputs = {"id": component_id, "property": prop}
    body["outputs"] = outputs
    if state is not None:
        body["state"] = state
    return body


def make_app():
    app = Dash(__name__)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out"), html.Div(id="other")])
    return app


def test_layout_json_is_dash_component_json():
    """Is the layout served in Dash's {type, namespace, props} shape?"""
    app = make_app()
    assert app.layout_json() == {
        "type": "Div", "namespace": "dash_html_components", "props": {"children": [
            {"type": "Button", "namespace": "dash_html_components", "props": {"children": "go", "id": "btn"}},
            {"type": "Div", "namespace": "dash_html_components", "props": {"id": "out"}},
            {"type": "Div", "namespace": "dash_html_components", "props": {"id": "other"}},
        ]}}


def test_layout_function_is_called_per_request():
    """Is a layout function called each time the layout is served?"""
    app = Dash(__name__)
    calls = []
    app.layout = lambda: calls.append(1) or html.Div(str(len(calls)), id="x")
    assert app.layout_json()["props"]["children"] == "1"
    assert app.layout_json()["props"]["children"] == "2"


def test_missing_layout_raises_no_layout_exception():
    """Does serving without a layout say how to set one?"""
    with pytest.raises(NoLayoutException, match="app.layout"):
        Dash(__name__).layout_json()


def test_dependencies_json_shape():
    """Is each callback listed with Dash's keys and values?"""
    app = make_app()

    @app.callback(Output("out", "children"), Output("other", "title"), Input("btn", "n_clicks"),
                  State("out", "title"), prevent_initial_call=True)
    def update(n, title):
        return n, title

    assert app.dependencies_json() == [{
        "output": "..out.children...other.title..",
        "inputs": [{"id": "btn", "property": "n_clicks"}],
        "state": [{"id": "out", "property": "title"}],
        "clientside_function": None,
        "prevent_initial_call": True,
        "no_output": False,
    }]


def test_global_callback_is_picked_up_by_the_app():
    """Does @callback (dash.callback) register into the next app that serves?"""
    app = make_app()

    @callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return f"n={n}"

    assert [d["output"] for d in app.dependencies_json()] == ["out.children"]
    result = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks", "value": 2}]))
    assert result.status == 200
    assert result.body == {"multi": True, "response": {"out": {"children": "n=2"}}}


def test_dispatch_happy_path_serializes_components():
    """Does a returned component come back as component JSON?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return html.B(f"{n}")

    result = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks", "value": 1}]))
    assert result.body["response"]["out"]["children"] == {
        "type": "B", "namespace": "dash_html_components", "props": {"children": "1"}}


def test_prevent_update_gives_204():
    """Dash cbsc: does PreventUpdate answer 204 with no body?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        raise PreventUpdate

    result = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks", "value": 1}]))
    assert (result.status, result.body) == (204, None)


def test_no_update_skips_one_output():
    """Is an output given no_update left out of the response?"""
    app = make_app()

    @app.callback(Output("out", "children"), Output("other", "children"), Input("btn", "n_clicks"))
    def show(n):
        return no_update, "b"

    body = request("..out.children...other.children..", [{"id": "btn", "property": "n_clicks", "value": 1}],
                   outputs=[{"id": "out", "property": "children"}, {"id": "other", "property": "children"}])
    assert dispatch(app, body).body == {"multi": True, "response": {"other": {"children": "b"}}}


def test_all_no_update_gives_204():
    """Does returning no_update for everything answer 204?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return no_update

    assert dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks"}])).status == 204


def test_multi_output_wrong_length_names_callback_and_outputs():
    """Does a wrong-length return name the function, file:line and outputs?"""
    app = make_app()

    @app.callback(Output("out", "children"), Output("other", "children"), Input("btn", "n_clicks"))
    def two_outputs(n):
        return ["only one"]

    body = request("..out.children...other.children..", [{"id": "btn", "property": "n_clicks"}],
                   outputs=[{"id": "out", "property": "children"}, {"id": "other", "property": "children"}])
    result = dispatch(app, body)
    assert result.status == 500
    assert result.body["callback"] == "..out.children...other.children.."
    assert "InvalidCallbackReturnValue: callback `two_outputs` (test_app.py:" in result.body["error"]
    assert 'Output("out", "children"), Output("other", "children")' in result.body["error"]
    assert "returned 1 values, but it has 2 outputs" in result.body["error"]


def test_unserializable_value_names_the_output():
    """Does returning a set name the callback, the output and the type?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def update_table(n):
        return {1, 2, 3}

    result = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks"}]))
    assert result.status == 500
    assert "callback `update_table`" in result.body["error"]
    assert 'returned a `set` for Output("out", "children")' in result.body["error"]


def test_raising_callback_gives_500_and_app_keeps_working():
    """Does an exception give 500 naming the callback, and the next request still succeed?"""
    app = make_app()
    app.debug = True

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def fragile(n):
        if n == 1:
            raise ValueError("boom")
        return n

    bad = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks", "value": 1}]))
    assert bad.status == 500
    assert bad.body["error"].startswith("callback `fragile` (test_app.py:")
    assert bad.body["error"].endswith("raised ValueError: boom")
    assert "Traceback" in bad.body["traceback"]
    good = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks", "value": 2}]))
    assert good.body == {"multi": True, "response": {"out": {"children": 2}}}


def test_traceback_only_in_debug():
    """Is the traceback left out when debug is off?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def fragile(n):
        raise ValueError("boom")

    result = dispatch(app, request("out.children", [{"id": "btn", "property": "n_clicks"}]))
    assert result.status == 500 and "traceback" not in result.body


@pytest.mark.parametrize("mutate, field", [
    (lambda b: b.pop("output"), "output"),
    (lambda b: b.update(output=3), "output"),
    (lambda b: b.pop("outputs"), "outputs"),
    (lambda b: b.update(inputs={"id": "btn"}), "inputs"),
    (lambda b: b["inputs"][0].update(property=None), "inputs[0].property"),
    (lambda b: b["inputs"][0].pop("id"), "inputs[0].id"),
    (lambda b: b.update(inputs=[["x"]]), "inputs[0][0]"),
    (lambda b: b.update(state=[{"id": "", "property": "x"}]), "state[0].id"),
    (lambda b: b.update(changedPropIds=[1]), "changedPropIds[0]"),
    (lambda b: b["outputs"].update(property=""), "outputs.property"),
    (lambda b: b.update(inputs=[]), "inputs"),
    (lambda b: b.update(state=[{"id": "a", "property": "b"}]), "state"),
])
def test_malformed_request_names_the_field(mutate, field):
    """Does each malformed request give 400 naming the JSON path of the bad field?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return n

    body = request("out.children", [{"id": "btn", "property": "n_clicks", "value": 1}])
    mutate(body)
    result = dispatch(app, body)
    assert result.status == 400, result.body
    assert result.body["field"] == field
    assert result.body["error"].startswith(field.split("[")[0].split(".")[0])


def test_unknown_output_is_404_with_suggestion():
    """Does an unknown output string give 404 with a Did you mean?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        return n

    result = dispatch(app, request("out.childen", [{"id": "btn", "property": "n_clicks"}]))
    assert result.status == 404
    assert result.body["field"] == "output"
    assert "Did you mean 'out.children'?" in result.body["error"]


def test_body_not_an_object_is_400():
    """Is a JSON array body refused naming `body`?"""
    result = dispatch(make_app(), [1, 2])
    assert (result.status, result.body["field"]) == (400, "body")


def test_public_api_names_resolve():
    """Does every name in wasmdash.__all__ resolve (lazy html/dcc/Patch included)?"""
    import wasmdash

    for name in wasmdash.__all__:
        assert getattr(wasmdash, name) is not None, name
    namespace: dict = {}
    exec("from wasmdash import *", namespace)
    assert {"Dash", "html", "dcc", "Patch", "ctx", "no_update", "set_props", "ALLSMALLER"} <= set(namespace)
    assert wasmdash.callback_context is wasmdash.ctx
    assert wasmdash.PreventUpdate is wasmdash.exceptions.PreventUpdate


def test_dispatch_result_unwrap_is_what_a_transport_returns():
    """Does unwrap() give the body, None for 204, and raise CallbackError with the traceback?"""
    from wasmdash.app import DispatchResult
    from wasmdash.exceptions import CallbackError

    assert DispatchResult(200, {"multi": True, "response": {}}).unwrap() == {"multi": True, "response": {}}
    assert DispatchResult(204, None).unwrap() is None
    with pytest.raises(CallbackError, match="callback `f` raised ValueError: x") as info:
        DispatchResult(500, {"error": "callback `f` raised ValueError: x", "callback": "out.children",
                             "traceback": "Traceback ..."}).unwrap()
    assert info.value.traceback == "Traceback ..." and info.value.callback == "out.children"
    with pytest.raises(CallbackError, match="inputs\\[0\\].property"):
        DispatchResult(400, {"error": "inputs[0].property: expected a string", "field": "inputs[0].property"}).unwrap()


def test_dates_and_decimals_serialize_like_plotlys_encoder():
    """Are datetime/date/Decimal return values sent as ISO text and float, as Dash does?"""
    import datetime
    import decimal

    app = make_app()

    @app.callback(Output("out", "children"), Output("other", "children"), Input("btn", "n_clicks"))
    def when(n):
        return datetime.date(2024, 5, 17), html.P([datetime.datetime(2024, 5, 17, 9, 30), decimal.Decimal("1.5")])

    body = request("..out.children...other.children..", [{"id": "btn", "property": "n_clicks", "value": 1}],
                   outputs=[{"id": "out", "property": "children"}, {"id": "other", "property": "children"}])
    response = dispatch(app, body).body["response"]
    assert response["out"]["children"] == "2024-05-17"
    assert response["other"]["children"]["props"]["children"] == ["2024-05-17T09:30:00", 1.5]


def test_layout_with_a_date_prop_serializes():
    """Does a layout holding a date (a date picker's value) serialize as ISO text?"""
    import datetime

    app = Dash(__name__)
    app.layout = html.Div(html.Time(datetime.date(2024, 1, 2), id="t"))
    assert app.layout_json()["props"]["children"]["props"]["children"] == "2024-01-02"
