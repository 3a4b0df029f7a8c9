"""Three callbacks in a chain: typing in `source` flows to `upper`, then `length`, then `summary`."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Input(id="source", value="abc"),
    html.Div(id="upper"),
    html.Div(id="length"),
    html.Div(id="summary"),
    html.Div(id="calls"),
])

CALLS: list[str] = []


@callback(Output("upper", "children"), Input("source", "value"))
def to_upper(value):
    CALLS.append("upper")
    return (value or "").upper()


@callback(Output("length", "children"), Input("upper", "children"))
def count(upper):
    CALLS.append("length")
    return len(upper or "")


@callback(Output("summary", "children"), Output("calls", "children"),
          Input("upper", "children"), Input("length", "children"))
def summarize(upper, length):
    CALLS.append("summary")
    return f"{upper} has {length} letters", " ".join(CALLS)
