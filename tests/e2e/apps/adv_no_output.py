"""Callbacks with no outputs, and set_props.

- `save` has no outputs: it records each click on the server; `show_saved` displays the record.
- `bad_return` has no outputs but returns a value, which Dash reports as an error.
- `with_side_effect` returns its output and calls set_props on another component in the same run.
- `only_set_props` has no outputs and changes two props of one component with set_props.
"""
from dash import Dash, Input, Output, callback, html, set_props

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Save", id="save"),
    html.Button("Show saved", id="show-saved"),
    html.Div(id="saved"),
    html.Button("Bad", id="bad"),
    html.Button("Both", id="both"),
    html.Div("output before", id="main-out"),
    html.Div("side before", id="side-out"),
    html.Button("Set props only", id="only"),
    html.Div("untouched", id="target"),
])

SAVED = []


@callback(Input("save", "n_clicks"), prevent_initial_call=True)
def save(n_clicks):
    SAVED.append(n_clicks)


@callback(Output("saved", "children"), Input("show-saved", "n_clicks"), prevent_initial_call=True)
def show_saved(_):
    return f"saved clicks: {SAVED}"


@callback(Input("bad", "n_clicks"), prevent_initial_call=True)
def bad_return(n_clicks):
    return f"clicked {n_clicks}"


@callback(Output("main-out", "children"), Input("both", "n_clicks"), prevent_initial_call=True)
def with_side_effect(n):
    set_props("side-out", {"children": f"side {n}"})
    return f"output {n}"


@callback(Input("only", "n_clicks"), prevent_initial_call=True)
def only_set_props(n):
    set_props("target", {"children": f"changed {n}"})
    set_props("target", {"style": {"color": "rgb(255, 0, 0)"}})
