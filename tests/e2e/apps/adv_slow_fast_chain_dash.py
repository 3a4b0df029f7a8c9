# The seed's "As an Indirect Result of User Interaction" example, unmodified Dash apart from the clock:
# the third callback waits for the slow one when both of its inputs are being recomputed.
import time

from dash import Dash, html, Input, Output, callback

app = Dash(__name__)

app.layout = html.Div([
    html.Button('execute fast callback', id='button_3'),
    html.Button('execute slow callback', id='button_4'),
    html.Div(children='callback not executed', id='first_output_3'),
    html.Div(children='callback not executed', id='second_output_3'),
    html.Div(children='callback not executed', id='third_output_3')
])

CALLS = []


@callback(Output('first_output_3', 'children'), Input('button_3', 'n_clicks'))
def first_callback(n):
    return f"in the fast callback ({n})"


@callback(Output('second_output_3', 'children'), Input('button_4', 'n_clicks'))
def second_callback(n):
    if n:
        time.sleep(1.5)
    return f"in the slow callback ({n})"


@callback(Output('third_output_3', 'children'),
          Input('first_output_3', 'children'), Input('second_output_3', 'children'))
def third_callback(n, m):
    CALLS.append(1)
    return f"in the third callback: {n} / {m} (call {len(CALLS)})"


if __name__ == '__main__':
    app.run(debug=True)
