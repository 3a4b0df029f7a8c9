"""ctx / callback_context: what a running callback sees about its call."""
from __future__ import annotations

import asyncio

import pytest

from wasmdash import ALL, Dash, Input, Output, State, callback_context, ctx, html, set_props
from wasmdash.exceptions import MissingCallbackContextException


def run(app, body):
    return asyncio.run(app.dispatch(body))


def make_app():
    app = Dash(__name__)
    app.layout = html.Div([html.Button(id="a"), html.Button(id="b"), html.Div(id="out"), html.Div(id="side")])
    return app


BODY = {
    "output": "out.children",
    "outputs": {"id": "out", "property": "children"},
    "inputs": [{"id": "a", "property": "n_clicks", "value": 1}, {"id": "b", "property": "n_clicks", "value": None}],
    "state": [{"id": "out", "property": "title", "value": "T"}],
    "changedPropIds": ["a.n_clicks"],
}


def test_outside_a_callback_raises():
    """Does reading ctx outside a callback raise Dash's MissingCallbackContextException?"""
    with pytest.raises(MissingCallbackContextException, match="triggered is only available from a callback"):
        ctx.triggered
    with pytest.raises(MissingCallbackContextException):
        set_props("x", {"children": 1})


def test_triggered_inputs_states_and_lists():
    """Do triggered, triggered_id, inputs, states and the *_list views match the request?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"), State("out", "title"))
    def show(a, b, title):
        seen.update(triggered=ctx.triggered, triggered_id=ctx.triggered_id,
                    prop_ids=dict(ctx.triggered_prop_ids), inputs=dict(ctx.inputs), states=dict(ctx.states),
                    outputs_list=ctx.outputs_list, inputs_list=ctx.inputs_list, states_list=ctx.states_list,
                    same=callback_context is ctx)
        return "x"

    assert run(app, BODY).status == 200
    assert seen["triggered"] == [{"prop_id": "a.n_clicks", "value": 1}]
    assert seen["triggered_id"] == "a"
    assert seen["prop_ids"] == {"a.n_clicks": "a"}
    assert seen["inputs"] == {"a.n_clicks": 1, "b.n_clicks": None}
    assert seen["states"] == {"out.title": "T"}
    assert seen["outputs_list"] == {"id": "out", "property": "children"}
    assert seen["inputs_list"] == BODY["inputs"] and seen["states_list"] == BODY["state"]


def test_initial_call_triggered_is_falsy_but_indexable():
    """On the initial call, is ctx.triggered falsy yet triggered[0]['prop_id'] == '.'?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"), State("out", "title"))
    def show(a, b, title):
        seen.update(falsy=not ctx.triggered, first=ctx.triggered[0]["prop_id"], tid=ctx.triggered_id)
        return "x"

    run(app, {**BODY, "changedPropIds": []})
    assert seen == {"falsy": True, "first": ".", "tid": None}


def test_pattern_matching_triggered_id_is_a_dict():
    """Is triggered_id a dict (with attribute access) for a pattern-matching input?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), Input({"type": "btn", "index": ALL}, "n_clicks"))
    def show(clicks):
        seen.update(tid=ctx.triggered_id, index=ctx.triggered_id.index, clicks=clicks)
        return "x"

    body = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
            "inputs": [[{"id": {"type": "btn", "index": 0}, "property": "n_clicks", "value": 1},
                        {"id": {"type": "btn", "index": 1}, "property": "n_clicks", "value": 5}]],
            "changedPropIds": ['{"index":1,"type":"btn"}.n_clicks']}
    assert run(app, body).status == 200
    assert seen == {"tid": {"type": "btn", "index": 1}, "index": 1, "clicks": [1, 5]}


def test_set_props_goes_to_side_update():
    """Do set_props calls come back as sideUpdate next to the response?"""
    app = make_app()

    @app.callback(Output("out", "children"), Input("a", "n_clicks"), Input("b", "n_clicks"), State("out", "title"))
    def show(a, b, title):
        set_props("side", {"children": html.I("side")})
        ctx.set_props({"type": "x", "index": 1}, {"title": "t"})
        return "main"

    assert run(app, BODY).body == {
        "multi": True,
        "response": {"out": {"children": "main"}},
        "sideUpdate": {"side": {"children": {"type": "I", "namespace": "dash_html_components",
                                             "props": {"children": "side"}}},
                       '{"index":1,"type":"x"}': {"title": "t"}},
    }


def test_args_grouping_has_both_id_str_spellings():
    """Does args_grouping give id, id_str, str_id, property, value, triggered per argument?"""
    app = make_app()
    seen = {}

    @app.callback(Output("out", "children"), inputs=dict(btn1=Input("a", "n_clicks"), second=Input("b", "n_clicks")),
                  state=dict(title=State("out", "title")))
    def show(btn1, second, title):
        seen["g"] = ctx.args_grouping
        seen["values"] = (btn1, second, title)
        return "x"

    assert run(app, BODY).status == 200
    grouping = seen["g"]
    assert grouping.btn1.triggered is True and grouping.second.triggered is False
    assert grouping.btn1 == {"id": "a", "id_str": "a", "str_id": "a", "property": "n_clicks", "value": 1,
                              "triggered": True}
    assert grouping.title.value == "T"
    assert seen["values"] == (1, None, "T")
