# A callback that raises for some inputs: the error is shown (with its traceback in debug mode) and the
# app keeps working. Unmodified Dash.
from dash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="divisor", value="2"),
    html.Div(id="quotient"),
])


@callback(Output("quotient", "children"), Input("divisor", "value"))
def divide(divisor):
    return f"100 / {divisor} = {100 / int(divisor):g}"


if __name__ == "__main__":
    app.run(debug=True)
