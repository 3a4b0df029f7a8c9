# The same echo three ways, for benchmarks/clientside_latency.py: Python in the page, JS, server.
from dash import Dash, Input, Output, callback, clientside_callback, dcc, html

app = Dash(__name__)
app.layout = html.Div([
    dcc.Input(id="python-in"), html.Div(id="python-out"),
    dcc.Input(id="js-in"), html.Div(id="js-out"),
    dcc.Input(id="server-in"), html.Div(id="server-out"),
])


@callback(Output("python-out", "children"), Input("python-in", "value"), clientside=True, prevent_initial_call=True)
def python_echo(value):
    return value


clientside_callback(
    "function(value) { return value; }", Output("js-out", "children"), Input("js-in", "value"),
    prevent_initial_call=True,
)


@callback(Output("server-out", "children"), Input("server-in", "value"), prevent_initial_call=True)
def server_echo(value):
    return value
