"""A multi-page app written for Dash (Dash Pages), run unmodified: pages/ holds most of the pages
(pages/echo.py adds a wasmdash-only in-page Python callback)."""
import dash
from dash import Dash, dcc, html

app = Dash(__name__, use_pages=True)

# A page registered from the app file itself, with its layout given here.
dash.register_page("about", path="/about", title="About us", layout=html.Div("About this app", id="about-text"))

app.layout = html.Div(
    [
        html.Nav(
            [
                dcc.Link(page["name"], href=page["relative_path"], id="link-" + page["module"].split(".")[-1])
                for page in dash.page_registry.values()
            ]
            + [dcc.Link("Report 42", href="/report/42", id="link-report-42"),
               dcc.Link("Search dash", href="/search?q=dash", id="link-search-dash"),
               dcc.Link("Nowhere", href="/no/such/page", id="link-nowhere")],
            id="nav",
        ),
        dash.page_container,
    ]
)

if __name__ == "__main__":
    app.run(debug=True)
