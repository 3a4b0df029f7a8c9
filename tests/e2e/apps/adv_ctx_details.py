"""callback_context in detail: each callback writes what it saw as JSON into a <pre>, for the test to read.

- `report` (buttons `a`, `b` + state `note`): triggered, triggered_id, triggered_prop_ids, the initial
  call's placeholder, inputs, states, inputs_list, states_list, outputs_list.
- `fan_out` writes `left` and `right` from one click; `both_changed` then sees both as triggered.
- `pick` has pattern-matching inputs: triggered_id is the dict id of the clicked button.
- `derive` runs on load from `note`; `after_derive` runs on load after it, so on that initial call its
  input did get a value from another callback and ctx.triggered is not empty.
"""
import json

from dash import ALL, Dash, Input, Output, State, callback, ctx, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("A", id="a"),
    html.Button("B", id="b"),
    dcc.Input(id="note", value="hi"),
    html.Pre(id="report"),
    html.Button("Fan out", id="fan"),
    html.Div(id="left"),
    html.Div(id="right"),
    html.Pre(id="both"),
    html.Div([html.Button(f"pick {i}", id={"type": "pick", "index": i}) for i in range(3)]),
    html.Pre(id="picked"),
    html.Div(id="derived"),
    html.Pre(id="after-derived"),
])


@callback(
    Output("report", "children"),
    Input("a", "n_clicks"),
    Input("b", "n_clicks"),
    State("note", "value"),
)
def report(a, b, note):
    first = ctx.triggered[0]["prop_id"].split(".")
    return json.dumps({
        "truthy": bool(ctx.triggered),
        "triggered": list(ctx.triggered),
        "first_split": first,
        "triggered_id": ctx.triggered_id,
        "triggered_prop_ids": dict(ctx.triggered_prop_ids),
        "inputs": ctx.inputs,
        "states": ctx.states,
        "inputs_list": ctx.inputs_list,
        "states_list": ctx.states_list,
        "outputs_list": ctx.outputs_list,
    })


@callback(Output("left", "children"), Output("right", "children"), Input("fan", "n_clicks"),
          prevent_initial_call=True)
def fan_out(n):
    return f"left {n}", f"right {n}"


@callback(Output("both", "children"), Input("left", "children"), Input("right", "children"),
          prevent_initial_call=True)
def both_changed(left, right):
    return json.dumps({
        "triggered_prop_ids": dict(ctx.triggered_prop_ids),
        "n_triggered": len(ctx.triggered),
    })


@callback(Output("picked", "children"), Input({"type": "pick", "index": ALL}, "n_clicks"),
          prevent_initial_call=True)
def pick(clicks):
    return json.dumps({
        "triggered_id": ctx.triggered_id,
        "index": ctx.triggered_id["index"],
        "triggered_prop_ids": dict(ctx.triggered_prop_ids),
        "clicks": clicks,
    })


@callback(Output("derived", "children"), Input("note", "value"))
def derive(note):
    return note.upper()


@callback(Output("after-derived", "children"), Input("derived", "children"))
def after_derive(derived):
    return json.dumps({"truthy": bool(ctx.triggered), "triggered": list(ctx.triggered)})
