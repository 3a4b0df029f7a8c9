"""The seed's prevent_initial_call subtlety, with a button instead of dcc.Location inserting the content:
`update_output` (input and output inserted together) is not called on insertion, `update_layout_div`
(output already on the page) is."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__, suppress_callback_exceptions=True)
app.layout = html.Div([
    html.Button("Show", id="show"),
    html.Div(id="layout-div"),
    html.Div(id="content"),
])


@callback(Output("content", "children"), Input("show", "n_clicks"), prevent_initial_call=True)
def display_page(n_clicks):
    return html.Div([
        dcc.Input(id="input", value="hello world"),
        html.Div(id="output"),
    ])


@callback(Output("output", "children"), Input("input", "value"), prevent_initial_call=True)
def update_output(value):
    return value


@callback(Output("layout-div", "children"), Input("input", "value"), prevent_initial_call=True)
def update_layout_div(value):
    return value
