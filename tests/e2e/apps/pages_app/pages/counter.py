import dash
from dash import Input, Output, callback, html

dash.register_page(__name__, name="Counter", title="Count clicks")

layout = html.Div([html.Button("Add one", id="add"), html.Div("0 clicks", id="clicks")])


@callback(Output("clicks", "children"), Input("add", "n_clicks"), prevent_initial_call=True)
def count(n_clicks):
    return f"{n_clicks} clicks"
