"""`running=` around a callback that fails: the "after" values still apply, so the button comes back."""
import time

from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Try", id="try"),
    html.Div("idle", id="state"),
    html.Div(id="answer"),
])


@callback(
    Output("answer", "children"),
    Input("try", "n_clicks"),
    prevent_initial_call=True,
    running=[(Output("try", "disabled"), True, False), (Output("state", "children"), "busy", "idle")],
)
def attempt(n_clicks):
    time.sleep(0.5)
    if n_clicks == 1:
        raise RuntimeError("first attempt fails")
    return f"attempt {n_clicks} worked"
