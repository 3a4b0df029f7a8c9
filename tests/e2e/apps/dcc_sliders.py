"""Sliders and a RangeSlider feeding callbacks: value, drag_value, marks, step=None, updatemode."""
import json

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div(style={"width": "600px", "padding": "20px"}, children=[
    dcc.Slider(id="slider", min=0, max=20, step=5, value=10,
               marks={0: "0\u00b0", 10: "10\u00b0", 20: {"label": "20\u00b0", "style": {"color": "red"}}},
               tooltip={"always_visible": True, "placement": "bottom"}),
    html.Div(id="out-slider"),
    html.Div(id="out-slider-drag"),
    dcc.Slider(id="slider-drag", min=0, max=100, step=1, value=50, updatemode="drag"),
    html.Div(id="out-slider-live"),
    dcc.Slider(id="slider-marks", min=0, max=10, step=None, value=3, marks={0: "a", 3: "b", 7: "c", 10: "d"}),
    html.Div(id="out-slider-marks"),
    dcc.RangeSlider(id="range", min=0, max=100, step=10, value=[20, 80]),
    html.Div(id="out-range"),
    dcc.Slider(id="slider-off", min=0, max=10, value=4, disabled=True),
])


@callback(Output("out-slider", "children"), Input("slider", "value"))
def show_value(value):
    return f"value={json.dumps(value)}"


@callback(Output("out-slider-drag", "children"), Input("slider", "drag_value"))
def show_drag_value(drag_value):
    return f"drag_value={json.dumps(drag_value)}"


@callback(Output("out-slider-live", "children"), Input("slider-drag", "value"))
def show_live(value):
    return json.dumps(value)


@callback(Output("out-slider-marks", "children"), Input("slider-marks", "value"))
def show_marks(value):
    return json.dumps(value)


@callback(Output("out-range", "children"), Input("range", "value"))
def show_range(value):
    return json.dumps(value)
