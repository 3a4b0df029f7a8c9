"""Components added by a callback trigger the callbacks whose inputs they carry, once per settled set.

`load` inserts inputs `x` and `y`. Then `middle` (x) and `final` (middle + y) must run, `final` once,
after `middle`; `pair` (x, y) once with both values. Each callback shows its own call count.
"""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, suppress_callback_exceptions=True)

app.layout = html.Div([
    html.Button("Load", id="load"),
    html.Div(id="container"),
    html.Div(id="pair"),
    html.Div(id="middle"),
    html.Div(id="final"),
])

CALLS = {"pair": 0, "middle": 0, "final": 0}


@callback(Output("container", "children"), Input("load", "n_clicks"), prevent_initial_call=True)
def load(n):
    return [dcc.Input(id="x", value="1"), dcc.Input(id="y", value="2")]


@callback(Output("pair", "children"), Input("x", "value"), Input("y", "value"))
def pair(x, y):
    CALLS["pair"] += 1
    return f"{x}+{y} (pair call {CALLS['pair']})"


@callback(Output("middle", "children"), Input("x", "value"))
def middle(x):
    CALLS["middle"] += 1
    return f"m{x}"


@callback(Output("final", "children"), Input("middle", "children"), Input("y", "value"))
def final(middle, y):
    CALLS["final"] += 1
    return f"{middle}/{y} (final call {CALLS['final']})"
