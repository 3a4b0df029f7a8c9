"""Every dcc.Input type and a dcc.Textarea, each feeding a callback that shows what it received."""
import json

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

TEXT_TYPES = ["text", "password", "email", "search", "tel", "url"]

app.layout = html.Div([
    *[html.Div([dcc.Input(id=f"in-{kind}", type=kind), html.Span(id=f"out-{kind}")]) for kind in TEXT_TYPES],
    # Dash inni003's input: range [10, 10000], step 3
    dcc.Input(id="in-number", type="number", min=10, max=10000, step=3, value=100),
    html.Div(id="out-number"),
    dcc.Input(id="in-range", type="range", min=0, max=10, step=1, value=5),
    html.Div(id="out-range"),
    dcc.Input(id="in-hidden", type="hidden", value="kept out of sight"),
    html.Div(id="out-hidden"),
    dcc.Input(id="in-debounce", debounce=True, placeholder="debounce=True"),
    html.Div(id="out-debounce"),
    html.Div(id="out-debounce-calls"),
    html.Div(id="out-submit-blur"),
    dcc.Input(id="in-debounce-s", debounce=0.4, placeholder="debounce=0.4"),
    html.Div(id="out-debounce-s"),
    dcc.Textarea(id="in-textarea", placeholder="several lines", className="notes"),
    html.Pre(id="out-textarea"),
    html.Div(id="out-textarea-blur"),
    html.Button("elsewhere", id="elsewhere"),
])

for kind in TEXT_TYPES:
    @callback(Output(f"out-{kind}", "children"), Input(f"in-{kind}", "value"))
    def show_text(value):
        return json.dumps(value)


@callback(Output("out-number", "children"), Input("in-number", "value"))
def show_number(value):
    return f"{json.dumps(value)} {type(value).__name__}"


@callback(Output("out-range", "children"), Input("in-range", "value"))
def show_range(value):
    return json.dumps(value)


@callback(Output("out-hidden", "children"), Input("in-hidden", "value"))
def show_hidden(value):
    return json.dumps(value)


DEBOUNCE_CALLS = []


@callback(Output("out-debounce", "children"), Output("out-debounce-calls", "children"),
          Input("in-debounce", "value"))
def show_debounced(value):
    DEBOUNCE_CALLS.append(value)
    return json.dumps(value), str(len(DEBOUNCE_CALLS))


@callback(Output("out-submit-blur", "children"),
          Input("in-debounce", "n_submit"), Input("in-debounce", "n_blur"))
def show_submit_blur(n_submit, n_blur):
    return f"submit={n_submit} blur={n_blur}"


SECONDS_CALLS = []


@callback(Output("out-debounce-s", "children"), Input("in-debounce-s", "value"))
def show_seconds(value):
    SECONDS_CALLS.append(value)
    return f"{json.dumps(value)} after {len(SECONDS_CALLS)} calls"


@callback(Output("out-textarea", "children"), Input("in-textarea", "value"))
def show_textarea(value):
    return json.dumps(value)


@callback(Output("out-textarea-blur", "children"), Input("in-textarea", "n_blur"))
def show_textarea_blur(n_blur):
    return f"blur={n_blur}"
