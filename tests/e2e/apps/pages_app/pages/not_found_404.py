import dash
from dash import html

dash.register_page(__name__, title="Lost")

layout = html.Div("This page does not exist", id="not-found-text")
