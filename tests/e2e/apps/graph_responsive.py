"""responsive=True: the plot follows its container's size; animate=True moves points with Plotly.animate."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Widen", id="widen"),
    html.Button("Move", id="move"),
    html.Div(
        dcc.Graph(id="fluid", responsive=True,
                  figure={"data": [{"type": "bar", "x": [1, 2], "y": [1, 2]}], "layout": {"height": 150, "width": 150}}),
        id="box", style={"width": "300px", "height": "200px"},
    ),
    dcc.Graph(id="moving", animate=True, style={"height": "250px", "width": "400px"}),
])


@callback(Output("box", "style"), Input("widen", "n_clicks"), prevent_initial_call=True)
def widen(n_clicks):
    return {"width": "500px", "height": "200px"}


@callback(Output("moving", "figure"), Input("move", "n_clicks"))
def move(n_clicks):
    y = 8 if n_clicks else 2
    return {"data": [{"type": "scatter", "mode": "markers", "x": [1], "y": [y], "marker": {"size": 12}}],
            "layout": {"yaxis": {"range": [0, 10]}, "xaxis": {"range": [0, 2]}, "margin": {"t": 10, "b": 30}}}
