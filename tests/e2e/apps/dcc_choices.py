"""Dropdowns (every options spelling, single and multi), a Checklist and RadioItems feeding callbacks."""
import json

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

CITIES = [
    {"label": "New York City", "value": "NYC"},
    {"label": "Montreal", "value": "MTL"},
    {"label": "San Francisco", "value": "SF", "disabled": True},
    {"label": "Oslo", "value": "OSL"},
]

app.layout = html.Div([
    dcc.Dropdown(id="dd-single", options=CITIES, value="MTL", className="cities"),
    html.Div(id="out-single"),
    html.Div(id="out-search"),
    dcc.Dropdown(id="dd-multi", options=["apple", "banana", "cherry", "damson"], value=["banana"], multi=True),
    html.Div(id="out-multi"),
    dcc.Dropdown(id="dd-dict", options={"r": "Red", "g": "Green", "b": "Blue"}, placeholder="Pick a colour",
                 clearable=False, searchable=False),
    html.Div(id="out-dict"),
    dcc.Dropdown(
        id="dd-components",
        options=[
            {"label": html.Span(["\u2600 ", html.B("Sunny")], className="weather"), "value": "sun", "search": "sunny"},
            {"label": html.Span(["\u2602 ", html.B("Rainy")], className="weather"), "value": "rain", "search": "rainy"},
        ],
    ),
    html.Div(id="out-components"),
    dcc.Dropdown(id="dd-disabled", options=["locked"], value="locked", disabled=True),
    dcc.Checklist(id="checklist", options=CITIES, value=["NYC"], inline=True),
    html.Div(id="out-checklist"),
    dcc.RadioItems(id="radio", options={"a": "Alpha", "b": "Beta", "c": "Gamma"}, value="a", inline=True,
                   labelStyle={"marginRight": "20px"}, inputClassName="radio-box", labelClassName="radio-label"),
    html.Div(id="out-radio"),
])


@callback(Output("out-single", "children"), Input("dd-single", "value"))
def show_single(value):
    return json.dumps(value)


@callback(Output("out-search", "children"), Input("dd-single", "search_value"))
def show_search(search_value):
    return json.dumps(search_value)


@callback(Output("out-multi", "children"), Input("dd-multi", "value"))
def show_multi(value):
    return json.dumps(value)


@callback(Output("out-dict", "children"), Input("dd-dict", "value"))
def show_dict(value):
    return json.dumps(value)


@callback(Output("out-components", "children"), Input("dd-components", "value"))
def show_components(value):
    return json.dumps(value)


@callback(Output("out-checklist", "children"), Input("checklist", "value"))
def show_checklist(value):
    return json.dumps(value)


@callback(Output("out-radio", "children"), Input("radio", "value"))
def show_radio(value):
    return json.dumps(value)
