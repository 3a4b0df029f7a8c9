"""A bar chart whose figure comes from a callback; clicks, hovers and relayouts feed other callbacks."""
import json

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

DATASETS = {
    "fruit": (["apples", "pears", "plums"], [4, 7, 2]),
    "veg": (["beans", "kale", "leeks", "peas", "leaves"], [3, 1, 6, 2, 5]),
}

app.layout = html.Div([
    html.Button("Switch data", id="switch"),
    dcc.Graph(id="bars", className="chart", style={"height": "360px"}),
    html.Div(id="clicked"),
    html.Div(id="hovered"),
    html.Div(id="relayout"),
])


@callback(Output("bars", "figure"), Input("switch", "n_clicks"))
def draw(n_clicks):
    name = "veg" if (n_clicks or 0) % 2 else "fruit"
    x, y = DATASETS[name]
    return {"data": [{"type": "bar", "x": x, "y": y, "customdata": [f"{name}-{i}" for i in range(len(x))]}],
            "layout": {"title": {"text": name}, "margin": {"t": 40}}}


@callback(Output("clicked", "children"), Input("bars", "clickData"))
def show_click(click):
    if not click:
        return "no click"
    point = click["points"][0]
    return f"x={point['x']} y={point['y']} custom={point.get('customdata')}"


@callback(Output("hovered", "children"), Input("bars", "hoverData"))
def show_hover(hover):
    return "no hover" if not hover else f"hover x={hover['points'][0]['x']}"


@callback(Output("relayout", "children"), Input("bars", "relayoutData"))
def show_relayout(relayout):
    return json.dumps(relayout, sort_keys=True)
