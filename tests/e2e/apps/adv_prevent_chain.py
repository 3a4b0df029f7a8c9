"""PreventUpdate and no_update in a multi-output callback whose outputs feed other callbacks.

Typing a word in `word` runs `split`, which writes `left` and `right`:
  "stop"  -> PreventUpdate: nothing changes and nothing downstream runs;
  "right" -> no_update for `left`: only `right` (and what depends on it) changes;
  "left"  -> no_update for `right`: only `left` (and what depends on it) changes;
  anything else -> both change.
Each downstream callback shows how many times it ran, so the page tells which ones fired.
"""
from wasmdash import Dash, Input, Output, callback, dcc, html, no_update
from wasmdash.exceptions import PreventUpdate

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="word", value="start"),
    html.Div(id="left"),
    html.Div(id="right"),
    html.Div(id="left-echo"),
    html.Div(id="right-echo"),
    html.Div(id="both"),
])

CALLS = {"left-echo": 0, "right-echo": 0, "both": 0}


@callback(Output("left", "children"), Output("right", "children"), Input("word", "value"))
def split(word):
    if word == "stop":
        raise PreventUpdate
    if word == "right":
        return no_update, f"R:{word}"
    if word == "left":
        return f"L:{word}", no_update
    return f"L:{word}", f"R:{word}"


@callback(Output("left-echo", "children"), Input("left", "children"))
def echo_left(left):
    CALLS["left-echo"] += 1
    return f"{left} ({CALLS['left-echo']} calls)"


@callback(Output("right-echo", "children"), Input("right", "children"))
def echo_right(right):
    CALLS["right-echo"] += 1
    return f"{right} ({CALLS['right-echo']} calls)"


@callback(Output("both", "children"), Input("left", "children"), Input("right", "children"))
def join(left, right):
    CALLS["both"] += 1
    return f"{left} + {right} ({CALLS['both']} calls)"
