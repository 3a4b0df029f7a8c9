"""A Graph inside dcc.Loading, its figure from a callback (Dash grbs003/grbs004)."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("More bars", id="more"),
    dcc.Loading(dcc.Graph(id="loaded", style={"height": "300px"}), id="loading"),
])


@callback(Output("loaded", "figure"), Input("more", "n_clicks"))
def bars(n_clicks):
    count = 2 + (n_clicks or 0)
    return {"data": [{"type": "bar", "x": list(range(count)), "y": list(range(1, count + 1))}]}
