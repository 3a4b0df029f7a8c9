"""`running=` with several outputs: while `work` runs, the button is disabled and relabelled and a status
line says so; afterwards all three get their "after" values. The callback sleeps so the running state
lasts long enough to be seen. `status-log` listens to the status line: running= values trigger callbacks,
as in Dash."""
import time

from wasmdash import Dash, Input, Output, State, callback, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Go", id="go"),
    html.Div("idle", id="status"),
    html.Div(id="result"),
    html.Div(id="status-log"),
])


@callback(
    Output("result", "children"),
    Input("go", "n_clicks"),
    prevent_initial_call=True,
    running=[
        (Output("go", "disabled"), True, False),
        (Output("go", "children"), "Working", "Go"),
        (Output("status", "children"), "running", "done"),
    ],
)
def work(n_clicks):
    time.sleep(1)
    return f"finished run {n_clicks}"


@callback(Output("status-log", "children"), Input("status", "children"), State("status-log", "children"))
def log_status(status, log):
    return f"{log} > {status}" if log else status
