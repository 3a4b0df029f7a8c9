"""A to-do list with pattern-matching ids: add items, mark them done, remove them."""
from wasmdash import ALL, MATCH, Dash, Input, Output, State, callback, ctx, dcc, html
from wasmdash.exceptions import PreventUpdate

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="new-item", placeholder="What needs doing?"),
    html.Button("Add", id="add"),
    html.Div(id="items", children=[]),
    html.Div(id="left"),
])

NEXT_INDEX = [0]


def item_row(index, text):
    return html.Div([
        html.Button("done", id={"type": "done", "index": index}),
        html.Span(text, id={"type": "text", "index": index}),
        html.Button("remove", id={"type": "remove", "index": index}),
    ], id={"type": "item", "index": index}, className="item")


@callback(
    Output("items", "children"),
    Output("new-item", "value"),
    Input("add", "n_clicks"),
    Input({"type": "remove", "index": ALL}, "n_clicks"),
    State("new-item", "value"),
    State("items", "children"),
    prevent_initial_call=True,
)
def edit_list(add_clicks, remove_clicks, text, items):
    trigger = ctx.triggered_id
    if trigger == "add":
        if not text:
            raise PreventUpdate
        index = NEXT_INDEX[0]
        NEXT_INDEX[0] += 1
        return items + [item_row(index, text)], ""
    if isinstance(trigger, dict) and ctx.triggered[0]["value"]:
        kept = [item for item in items if item["props"]["id"]["index"] != trigger["index"]]
        return kept, text
    raise PreventUpdate


@callback(
    Output({"type": "text", "index": MATCH}, "style"),
    Input({"type": "done", "index": MATCH}, "n_clicks"),
    prevent_initial_call=True,
)
def mark_done(n):
    return {"textDecoration": "line-through"} if n % 2 else {}


@callback(
    Output("left", "children"),
    Input({"type": "text", "index": ALL}, "style"),
    Input({"type": "text", "index": ALL}, "children"),
)
def count_left(styles, texts):
    done = sum(1 for style in styles if style and style.get("textDecoration") == "line-through")
    return f"{len(texts) - done} of {len(texts)} left"
