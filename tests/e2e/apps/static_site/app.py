# The static export test app, written for Dash (unmodified `dash` imports). Every callback runs in
# the page after `wasmdash build`; static_greeting is a local pure-Python requirement.
import sys

from dash import Dash, Input, Output, State, callback, clientside_callback, dcc, html

import static_greeting

app = Dash(__name__, title="Static export")

app.layout = html.Div([
    html.H1("Static export", id="title"),
    html.P("Rendered on the host", id="first"),
    dcc.Input(id="name", value="world", type="text"),
    html.Div(id="greeting"),
    html.Button("Add", id="add"),
    html.Div("no clicks", id="count"),
    html.Div(id="where"),
    html.Div(id="js-upper"),
    html.Div(id="py-length"),
], id="page")


@callback(Output("greeting", "children"), Input("name", "value"))
def greet(name):
    return static_greeting.greet(name)


@callback(Output("count", "children"), Input("add", "n_clicks"), State("name", "value"))
def count(n_clicks, name):
    return f"{n_clicks or 0} clicks by {name}"


@callback(Output("where", "children"), Input("add", "n_clicks"))
def where(n_clicks):
    return f"ran on {sys.platform}"


# Dash's JavaScript clientside callback, and a Python one marked clientside: both work in the site.
clientside_callback(
    "function(name) { return (name || '').toUpperCase(); }",
    Output("js-upper", "children"),
    Input("name", "value"),
)


@callback(Output("py-length", "children"), Input("name", "value"), clientside=True)
def length(name):
    return f"{len(name or '')} letters"
