"""The same pages, for a site served under /sub/ (a static host's sub-path, like GitHub Pages)."""
import dash
from dash import Dash, dcc, html

app = Dash(__name__, use_pages=True, requests_pathname_prefix="/sub/")

app.layout = html.Div(
    [
        html.Nav(
            [
                dcc.Link(page["name"], href=page["relative_path"], id="link-" + page["module"].split(".")[-1])
                for page in dash.page_registry.values()
            ]
            + [dcc.Link("Report 42", href=dash.get_relative_path("/report/42"), id="link-report-42")],
        ),
        dash.page_container,
    ]
)
