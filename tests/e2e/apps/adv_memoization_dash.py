# The seed's memoization example with functools.lru_cache: the slow function runs once per distinct input.
import functools
import time

from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="word", value="test"),
    html.Div(id="result"),
    html.Div(id="computed"),
])

COMPUTED = []


@functools.lru_cache(maxsize=32)
def slow_function(input):
    time.sleep(0.2)
    COMPUTED.append(input)
    return f'Input was {input}'


@callback(Output("result", "children"), Output("computed", "children"), Input("word", "value"))
def show(word):
    return slow_function(word), f"computed {len(COMPUTED)} times: {', '.join(COMPUTED)}"


if __name__ == "__main__":
    app.run(debug=True)
