"""Pattern-matching callbacks over rows added with a button.

Each row `i` has an input {"type": "num", "index": i} (value i + 1) and three outputs:
- MATCH:       {"type": "square", "index": i}  = its number squared;
- ALLSMALLER:  {"type": "running", "index": i} = sum of the numbers of rows 0..i;
- ALL:         `total` = sum of all numbers, `count` = how many rows.
"""
from wasmdash import ALL, ALLSMALLER, MATCH, Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    html.Button("Add row", id="add"),
    html.Div(id="rows", children=[]),
    html.Div(id="total"),
    html.Div(id="count"),
])


def as_number(value):
    return 0 if value in (None, "") else float(value)


@callback(Output("rows", "children"), Input("add", "n_clicks"), State("rows", "children"),
          prevent_initial_call=True)
def add_row(n, rows):
    i = len(rows)
    row = html.Div([
        dcc.Input(id={"type": "num", "index": i}, type="number", value=i + 1),
        html.Span(id={"type": "square", "index": i}),
        html.Span(id={"type": "running", "index": i}),
    ], id={"type": "row", "index": i})
    return rows + [row]


@callback(Output({"type": "square", "index": MATCH}, "children"),
          Input({"type": "num", "index": MATCH}, "value"))
def square(value):
    return f"sq={as_number(value) ** 2:g}"


@callback(Output({"type": "running", "index": MATCH}, "children"),
          Input({"type": "num", "index": MATCH}, "value"),
          Input({"type": "num", "index": ALLSMALLER}, "value"))
def running(value, smaller):
    return f"run={as_number(value) + sum(as_number(v) for v in smaller):g}"


@callback(Output("total", "children"), Output("count", "children"),
          Input({"type": "num", "index": ALL}, "value"))
def total(values):
    return f"total={sum(as_number(v) for v in values):g}", f"rows={len(values)}"
