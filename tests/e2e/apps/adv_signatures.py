"""Flexible callback signatures: dict and tuple groupings of inputs/outputs, keyword arguments, and
ctx.args_grouping (also for a pattern-matching id)."""
import json

from wasmdash import Dash, Input, Output, State, callback, ctx, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="x", type="number", value=3),
    dcc.Input(id="y", type="number", value=4),
    dcc.Input(id="unit", value="cm"),
    html.Div(id="sum"),
    html.Div(id="product"),
    html.Pre(id="grouping"),
    html.Button("Go", id={"kind": "go", "n": 1}),
    html.Div(id="kw-out"),
    html.Div(id="tuple-a"),
    html.Div(id="tuple-b"),
])


@callback(
    output={"total": Output("sum", "children"), "times": Output("product", "children")},
    inputs={"numbers": (Input("x", "value"), Input("y", "value")), "unit": State("unit", "value")},
)
def arithmetic(numbers, unit):
    x, y = numbers
    return {"total": f"{x + y} {unit}", "times": f"{x * y} {unit}"}


@callback(
    Output("grouping", "children"),
    inputs={"go": Input({"kind": "go", "n": 1}, "n_clicks"), "x": Input("x", "value")},
    prevent_initial_call=True,
)
def describe(go, x):
    groups = ctx.args_grouping
    return json.dumps({
        name: {key: groups[name].get(key) for key in ("id", "property", "value", "triggered", "str_id", "id_str")}
        for name in ("go", "x")
    })


@callback(
    Output("kw-out", "children"),
    inputs=dict(second=Input("y", "value"), first=Input("x", "value")),
)
def keyword_only(*, first, second):
    return f"first={first} second={second}"


@callback(
    (Output("tuple-a", "children"), Output("tuple-b", "children")),
    Input("x", "value"),
)
def as_tuple(x):
    return f"a{x}", f"b{x}"
