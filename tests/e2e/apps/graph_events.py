"""A two-trace scatter in box-select mode: selections, legend toggles, unhover, extendData, removal."""
import json

from wasmdash import Dash, Input, Output, State, callback, html, dcc, no_update

app = Dash(__name__)


class Figure:
    """Stands in for a plotly.graph_objects.Figure: callbacks may return anything with to_plotly_json."""

    def __init__(self, data, layout):
        self.data, self.layout = data, layout

    def to_plotly_json(self):
        return {"data": self.data, "layout": self.layout}


def figure():
    return Figure(
        [
            {"type": "scatter", "mode": "markers", "name": "low", "x": [1, 2, 3, 4], "y": [1, 2, 1, 2],
             "marker": {"size": 14}},
            {"type": "scatter", "mode": "markers", "name": "high", "x": [1, 2, 3, 4], "y": [8, 9, 8, 9],
             "marker": {"size": 14}},
        ],
        {"dragmode": "select", "showlegend": True, "margin": {"t": 20},
         "xaxis": {"range": [0, 5]}, "yaxis": {"range": [0, 10]}},
    )


def graph():
    return dcc.Graph(id="scatter", figure=figure(), clear_on_unhover=True, style={"height": "400px", "width": "600px"})


app.layout = html.Div([
    html.Button("Add point", id="add"),
    html.Button("Toggle graph", id="toggle"),
    html.Button("Extend a missing trace", id="bad-extend"),
    html.Button("Prepend, keep 3", id="prepend"),
    html.Div(graph(), id="holder"),
    html.Div(id="selected"),
    html.Div(id="restyle"),
    html.Div(id="hover"),
])


@callback(Output("selected", "children"), Input("scatter", "selectedData"), prevent_initial_call=True)
def show_selected(selected):
    if selected is None:
        return "deselected"
    points = sorted((p["curveNumber"], p["x"], p["y"]) for p in selected["points"])
    return f"{len(points)} selected: {points} range={'range' in selected}"


@callback(Output("restyle", "children"), Input("scatter", "restyleData"), prevent_initial_call=True)
def show_restyle(restyle):
    return json.dumps(restyle)


@callback(Output("hover", "children"), Input("scatter", "hoverData"), prevent_initial_call=True)
def show_hover(hover):
    return "none" if hover is None else f"x={hover['points'][0]['x']} y={hover['points'][0]['y']}"


@callback(Output("scatter", "extendData"), Input("add", "n_clicks"), prevent_initial_call=True)
def add_point(n_clicks):
    return [{"x": [[4 + n_clicks * 0.25]], "y": [[5]]}, [0], 10]


@callback(Output("holder", "children"), Input("toggle", "n_clicks"), State("holder", "children"),
          prevent_initial_call=True)
def toggle(n_clicks, children):
    return graph() if n_clicks % 2 == 0 else html.P("no graph", id="empty")


@callback(Output("scatter", "extendData", allow_duplicate=True), Input("bad-extend", "n_clicks"),
          prevent_initial_call=True)
def bad_extend(n_clicks):
    return [{"x": [[9]], "y": [[9]]}, [7]]


@callback(Output("scatter", "prependData"), Input("prepend", "n_clicks"), prevent_initial_call=True)
def prepend(n_clicks):
    return dict(x=[[0.5]], y=[[3]]), [0], 3
