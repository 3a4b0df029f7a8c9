# A static export with callbacks that stay on a server (built with --server URL): one marked
# server_only=True, one that uses a module the page does not have (starlette, host-only).
import sys

import starlette

from dash import Dash, Input, Output, callback, html

app = Dash(__name__, title="Static export with a server")

app.layout = html.Div([
    html.Button("Ask", id="ask"),
    html.Div(id="in-page"),
    html.Div(id="on-server"),
    html.Div(id="library"),
])


@callback(Output("in-page", "children"), Input("ask", "n_clicks"))
def in_page(n_clicks):
    return f"page {sys.platform} {n_clicks or 0}"


@callback(Output("on-server", "children"), Input("ask", "n_clicks"), prevent_initial_call=True, server_only=True)
def on_server(n_clicks):
    return f"server {sys.platform} {n_clicks}"


@callback(Output("library", "children"), Input("ask", "n_clicks"), prevent_initial_call=True)
def library(n_clicks):
    return f"starlette {starlette.__version__ != ''} {n_clicks}"
