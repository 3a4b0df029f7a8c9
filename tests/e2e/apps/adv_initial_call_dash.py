# The seed's "When Are Callbacks Executed?" examples, unmodified Dash apart from the clock: the first
# callback runs on load with n_clicks None; the three prevent_initial_call callbacks run only after a click,
# in dependency order, each once (the call counter replaces the seed's time of day).
from dash import Dash, html, Input, Output, callback

app = Dash(__name__)

app.layout = html.Div([
    html.Button('execute callback', id='button_1'),
    html.Div(children='callback not executed', id='first_output_1'),
    html.Div(children='callback not executed', id='second_output_1'),
    html.Button('execute callbacks', id='button_2'),
    html.Div(children='callback not executed', id='first_output_2'),
    html.Div(children='callback not executed', id='second_output_2'),
    html.Div(children='callback not executed', id='third_output_2'),
    html.Div(children='callback not executed', id='fourth_output_2'),
])

CALLS = []


@callback(
    Output('first_output_1', 'children'),
    Output('second_output_1', 'children'),
    Input('button_1', 'n_clicks'))
def change_text(n_clicks):
    return ["n_clicks is " + str(n_clicks), "n_clicks is " + str(n_clicks)]


@callback(
    Output('first_output_2', 'children'),
    Output('second_output_2', 'children'),
    Input('button_2', 'n_clicks'), prevent_initial_call=True)
def first_callback(n):
    CALLS.append("first")
    return ["in the first callback " + " ".join(CALLS), "in the first callback " + " ".join(CALLS)]


@callback(
    Output('third_output_2', 'children'), Input('second_output_2', 'children'), prevent_initial_call=True)
def second_callback(n):
    CALLS.append("second")
    return "in the second callback " + " ".join(CALLS)


@callback(
    Output('fourth_output_2', 'children'),
    Input('first_output_2', 'children'),
    Input('third_output_2', 'children'), prevent_initial_call=True)
def third_output(n, m):
    CALLS.append("third")
    return "in the third callback " + " ".join(CALLS)


if __name__ == '__main__':
    app.run(debug=True)
