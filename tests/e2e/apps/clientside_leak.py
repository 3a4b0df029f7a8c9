# A Python clientside callback using a module-level constant: `wasmdash run` must refuse to start.
from dash import Dash, Input, Output, callback, html

API_KEY = "hunter2"

app = Dash(__name__)
app.layout = html.Div([html.Div(id="in"), html.Div(id="out")])


@callback(Output("out", "children"), Input("in", "children"), clientside=True)
def leak(value):
    return f"{value} {API_KEY}"
