import dash
from dash import dcc, html

dash.register_page(__name__, redirect_from=["/find"])


def layout(q="", **other_query_parameters):
    return html.Div([dcc.Input(id="search-box", value=q), html.Div(f"Results for {q}", id="search-text")])
