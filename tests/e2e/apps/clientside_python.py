# Python callbacks that run in the page (Pyodide), written as an unmodified-style Dash file:
# @callback(clientside=True), app.callback(clientside=True) and clientside_callback(function).
# Only these functions' source reaches the page; SECRET and server_only stay on the server.
import asyncio
import json

from dash import ALL, MATCH, Dash, Input, Output, State, callback, clientside_callback, ctx, dcc, html, no_update, set_props
from dash.exceptions import PreventUpdate

SECRET = "the-server-secret-4711"

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="text", value="abc"),
    html.Div(id="shout"),
    html.Div(id="length"),
    html.Div(id="server-step"),
    html.Div(id="python-step"),
    html.Div(id="js-step"),
    html.Button("A", id="btn-a"),
    html.Button("B", id="btn-b"),
    html.Div(id="which"),
    html.Div(id="kept", children="initial"),
    html.Button("go", id="go"),
    html.Button("release", id="release"),
    html.Div(id="status"),
    html.Div(id="result"),
    html.Div(id="released"),
    html.Div([dcc.Input(id={"type": "num", "index": i}, value=i + 1) for i in range(3)]),
    html.Div(id="total"),
    html.Div([
        html.Div([dcc.Input(id={"type": "in", "index": i}), html.Div(id={"type": "out", "index": i})])
        for i in range(2)
    ]),
    dcc.Input(id="first", value="Ada"),
    dcc.Input(id="last", value="Lovelace"),
    html.Div(id="full"),
    html.Div(id="full-upper"),
    html.Button("fail", id="fail"),
    html.Div(id="failed"),
    html.Button("recover", id="recover"),
    html.Div(id="recovered"),
    html.Div(id="recovery-note"),
])


def server_only(value):
    return f"{SECRET}:{value}"


@callback(Output("shout", "children"), Input("text", "value"), clientside=True)
def shout(value):
    return (value or "").upper() + "!"


@app.callback(Output("length", "children"), Input("text", "value"), clientside=True)
def length(value):
    if value == "stop":
        raise PreventUpdate
    return f"{len(value or '')} letters"


# server -> Python in the page -> JS
@callback(Output("server-step", "children"), Input("text", "value"))
def server_step(value):
    return f"server({value})"


def python_step(value):
    return f"python({value})"


clientside_callback(python_step, Output("python-step", "children"), Input("server-step", "children"))
clientside_callback(
    "function(v) { return 'js(' + v + ')'; }", Output("js-step", "children"), Input("python-step", "children")
)


@callback(
    Output("which", "children"),
    Output("kept", "children"),
    Input("btn-a", "n_clicks"),
    Input("btn-b", "n_clicks"),
    prevent_initial_call=True,
    clientside=True,
)
def which(a, b):
    triggered = [t["prop_id"] for t in ctx.triggered]
    return json.dumps({"id": ctx.triggered_id, "triggered": triggered, "a": a, "b": b}), no_update


@callback(
    Output("result", "children"),
    Input("go", "n_clicks"),
    prevent_initial_call=True,
    running=[(Output("go", "disabled"), True, False)],
    clientside=True,
)
async def slow(n):
    set_props("status", {"children": f"working {n}"})
    gate = globals().setdefault("_gate", asyncio.Event())
    await gate.wait()
    gate.clear()
    set_props("status", {"children": f"finished {n}"})
    return f"done {n}"


@callback(Output("released", "children"), Input("release", "n_clicks"), prevent_initial_call=True, clientside=True)
def release(n):
    globals().setdefault("_gate", asyncio.Event()).set()
    return f"released {n}"


@callback(Output("total", "children"), Input({"type": "num", "index": ALL}, "value"), clientside=True)
def total(values):
    return f"total {sum(int(v or 0) for v in values)}"


@callback(
    Output({"type": "out", "index": MATCH}, "children"),
    Input({"type": "in", "index": MATCH}, "value"),
    prevent_initial_call=True,
    clientside=True,
)
def echo(value):
    return f"{ctx.triggered_id['index']}:{value}"


@callback(
    output={"full": Output("full", "children"), "upper": Output("full-upper", "children")},
    inputs={"first": Input("first", "value"), "last": Input("last", "value")},
    clientside=True,
)
def full_name(first, last):
    name = f"{first} {last}"
    return {"full": name, "upper": name.upper()}


@callback(Output("failed", "children"), Input("fail", "n_clicks"), prevent_initial_call=True, clientside=True)
def fail(n):
    values = {"n": n}
    return values["missing"]


def fallback(error):
    set_props("recovery-note", {"children": "handled in the page"})
    return f"recovered from {type(error).__name__}"


@callback(Output("recovered", "children"), Input("recover", "n_clicks"), prevent_initial_call=True,
          clientside=True, on_error=fallback)
def recover(n):
    return n / 0
