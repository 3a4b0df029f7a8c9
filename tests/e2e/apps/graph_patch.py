"""Partial figure updates with Patch, and a figure that toggles between valid and None (Dash grbs008/010)."""
from wasmdash import Dash, Input, Output, Patch, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Patch title", id="patch-title"),
    html.Button("Patch color", id="patch-color"),
    html.Button("Toggle figure", id="toggle"),
    dcc.Graph(
        id="graph",
        figure={"data": [{"type": "scatter", "mode": "markers", "x": [1, 2, 3], "y": [1, 2, 3],
                          "marker": {"color": "red", "size": 10}}],
                "layout": {"title": {"text": "Initial Title"}}},
        style={"width": 600, "height": 400},
    ),
    html.Div(id="color"),
])


@callback(Output("graph", "figure"), Input("patch-title", "n_clicks"), prevent_initial_call=True)
def patch_title(n):
    patch = Patch()
    patch.layout.title.text = f"Updated Title {n}"
    return patch


@callback(Output("graph", "figure", allow_duplicate=True), Input("patch-color", "n_clicks"), prevent_initial_call=True)
def patch_color(n):
    patch = Patch()
    patch.data[0].marker.color = "blue" if n % 2 else "green"
    return patch


@callback(Output("graph", "figure", allow_duplicate=True), Input("toggle", "n_clicks"), prevent_initial_call=True)
def toggle(n):
    if n % 2:
        return None
    return {"data": [], "layout": {"title": {"text": "Valid Figure"}}}


@callback(Output("color", "children"), Input("graph", "figure"))
def show_color(figure):
    if not figure or not figure.get("data"):
        return "no data"
    return figure["data"][0]["marker"]["color"]
