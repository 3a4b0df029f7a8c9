"""A circular chain across two callbacks (a -> b -> a), which Dash refuses."""
from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)

app.layout = html.Div([html.Div("A", id="a"), html.Div("B", id="b"), html.Div("still here", id="c")])


@callback(Output("a", "children"), Input("b", "children"))
def copy_b_to_a(b):
    return b


@callback(Output("b", "children"), Input("a", "children"))
def copy_a_to_b(a):
    return a
