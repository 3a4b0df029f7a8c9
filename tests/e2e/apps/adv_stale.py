"""Stale responses: the first click's request takes longer than the second's. The page must keep the
second (newest) result even when the first arrives last."""
import time

from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Click", id="click", n_clicks=0),
    html.Div(id="out"),
    html.Button("Probe", id="probe"),
    html.Div(id="probe-out"),
])


@callback(Output("out", "children"), Input("click", "n_clicks"))
def slow_then_fast(n):
    if n == 1:
        time.sleep(1.5)
    return f"result for click {n}"


@callback(Output("probe-out", "children"), Input("probe", "n_clicks"), prevent_initial_call=True)
def probe(n):
    return f"probe {n}"
