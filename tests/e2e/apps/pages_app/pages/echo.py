import dash
from dash import Input, Output, callback, dcc, html

dash.register_page(__name__)

layout = html.Div([dcc.Input(id="echo-in", value="hi"), html.Div(id="echo-out")])


# wasmdash's own kind of callback (Python in the page); Dash would refuse `clientside=True`.
@callback(Output("echo-out", "children"), Input("echo-in", "value"), clientside=True)
def echo(value):
    import sys

    return f"{value} from {sys.platform}"
