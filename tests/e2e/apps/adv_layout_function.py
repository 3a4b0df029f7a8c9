"""Layout as a function: it runs for every page load, so each visitor gets a fresh layout.
`suppress_callback_exceptions=True` lets a callback use ids that only appear after a click."""
import itertools

from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__, suppress_callback_exceptions=True)

VISITS = itertools.count(1)


def serve_layout():
    return html.Div([
        html.Div(f"visit {next(VISITS)}", id="visit"),
        html.Button("Reveal", id="reveal"),
        html.Div(id="later"),
    ])


app.layout = serve_layout


@callback(Output("later", "children"), Input("reveal", "n_clicks"), prevent_initial_call=True)
def reveal(_):
    return html.Button("Late button", id="late")


@callback(Output("late", "children"), Input("late", "n_clicks"), prevent_initial_call=True)
def late_clicked(n):
    return f"late clicked {n}"
