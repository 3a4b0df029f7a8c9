"""Without suppress_callback_exceptions, a callback whose input id is not in the layout is an error that
names the id and the property."""
from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)

app.layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def fine(n):
    return f"go {n}"


@callback(Output("out", "title"), Input("missing-input", "value"))
def broken(value):
    return value
