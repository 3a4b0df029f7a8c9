"""A page without a Graph: it must never fetch plotly.js."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([dcc.Input(id="text", value="hi"), html.Div(id="echo")])


@callback(Output("echo", "children"), Input("text", "value"))
def echo(value):
    return value
