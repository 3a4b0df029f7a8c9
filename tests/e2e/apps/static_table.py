# A layout whose HTML the browser parses into a different tree (it adds <tbody> to a table), so the
# page cannot adopt the first render and rebuilds it; the app must work all the same.
from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)

app.layout = html.Div([
    html.Table([html.Tr([html.Td("cell", id="cell")])]),
    html.Button("Go", id="go"),
    html.Div("idle", id="out"),
])


@callback(Output("out", "children"), Input("go", "n_clicks"), prevent_initial_call=True)
def go(n_clicks):
    return f"went {n_clicks}"
