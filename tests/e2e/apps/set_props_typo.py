"""set_props to an id that is not in the layout: a typo Dash lets pass in silence."""
from dash import Dash, Input, Output, callback, html, set_props

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Go", id="go"),
    html.Div("before", id="out"),
    html.Div("side before", id="side"),
])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n):
    set_props("sdie", {"children": f"side {n}"})   # the typo
    set_props("side", {"title": f"title {n}"})
    return f"clicked {n}"
