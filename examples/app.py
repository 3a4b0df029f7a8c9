"""A small wasmdash app: served by `python3 build.py serve` (or `wasmdash run examples/app.py`)."""
from wasmdash import Dash, Input, Output, State, callback, dcc, html, no_update
from wasmdash.exceptions import PreventUpdate

app = Dash(__name__, title="wasmdash example")

app.layout = html.Div(
    [
        html.H1("wasmdash"),
        html.P("A Dash app whose renderer is Python running in your browser."),
        html.Label("Your name ", htmlFor="name"),
        dcc.Input(id="name", placeholder="type here", value=""),
        html.Div(id="greeting"),
        html.Button("Count", id="count", n_clicks=0),
        html.Div(id="clicks"),
        html.Label("A number ", htmlFor="number"),
        dcc.Input(id="number", type="number", value=12),
        html.Div(id="factors"),
        html.Div(id="error", style={"color": "crimson"}),
    ],
    style={"fontFamily": "system-ui, sans-serif", "maxWidth": "40rem", "margin": "2rem auto"},
)


@callback(Output("greeting", "children"), Input("name", "value"))
def greet(name):
    return f"Hello, {name}!" if name else "Hello, whoever you are."


@callback(Output("clicks", "children"), Input("count", "n_clicks"))
def count(n_clicks):
    if not n_clicks:
        raise PreventUpdate
    return f"Clicked {n_clicks} time{'s' if n_clicks != 1 else ''}."


@callback(Output("factors", "children"), Output("error", "children"), Input("number", "value"))
def factorize(number):
    if number is None or number < 2:
        return no_update, "Enter a whole number of 2 or more."
    factors, n, i = [], int(number), 2
    while i * i <= n:
        while n % i == 0:
            factors.append(i)
            n //= i
        i += 1
    if n > 1:
        factors.append(n)
    return f"{int(number)} = {' × '.join(map(str, factors))}", ""


if __name__ == "__main__":
    app.run(debug=True)
