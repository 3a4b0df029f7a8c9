"""Dash's graph tooltip recipe: hoverData's bbox places a dcc.Tooltip beside the hovered point."""
from wasmdash import Dash, Input, Output, callback, dcc, html, no_update

app = Dash(__name__)

FIGURE = {
    "data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3, 4], "y": [2, 8, 4, 6], "marker": {"size": 16},
              "hoverinfo": "none"}],
    "layout": {"margin": {"t": 20, "l": 40, "r": 20, "b": 40}, "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 10]}},
}

app.layout = html.Div([
    html.H3("offset so the container is not at the page's corner"),
    html.Div(
        [dcc.Graph(id="graph", figure=FIGURE, clear_on_unhover=True, style={"height": "400px", "width": "500px"}),
         dcc.Tooltip(id="graph-tooltip", loading_text="thinking...")],
        style={"position": "relative", "marginLeft": "60px"},
    ),
])


@callback(Output("graph-tooltip", "show"), Output("graph-tooltip", "bbox"), Output("graph-tooltip", "children"),
          Input("graph", "hoverData"))
def display_hover(hover_data):
    if hover_data is None:
        return False, no_update, no_update
    point = hover_data["points"][0]
    return True, point["bbox"], [html.P(f"x={point['x']} y={point['y']}", id="tip-text")]
