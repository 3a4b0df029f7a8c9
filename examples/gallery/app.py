"""The wasmdash component gallery: every dcc component on one page, each feeding a small callback.

Serve it with `python3 build.py serve` (or `wasmdash run examples/gallery/app.py`) and open
http://127.0.0.1:8050. Every callback here is ordinary Dash code; wasmdash runs the page's renderer
in Python (Pyodide) inside your browser.
"""
import base64
import datetime
import json

from wasmdash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__, title="wasmdash gallery")

FRUITS = ["apple", "banana", "cherry", "damson", "elderberry"]
CITIES = [
    {"label": "New York City", "value": "NYC"},
    {"label": "Montréal", "value": "MTL"},
    {"label": "San Francisco (disabled)", "value": "SF", "disabled": True},
]


def card(title, *children, note=None):
    """One component's box: a title, the component, and what its callback shows."""
    return html.Section(className="card", children=[
        html.H2(title),
        *([html.P(note, className="note")] if note else []),
        *children,
    ])


def shows(component_id):
    """Where a callback writes what the component sent."""
    return html.Pre(id=f"{component_id}-out", className="out")


app.layout = html.Div(className="gallery", children=[
    html.Header([
        html.H1("wasmdash gallery"),
        html.P(["Every Dash core component, rendered by Python running in your browser. ",
                "Each one feeds a callback that shows the value it sends."]),
    ]),
    dcc.Location(id="url", refresh=False),
    html.Main([
        card("dcc.Input",
             dcc.Input(id="text", placeholder="type something", debounce=False),
             dcc.Input(id="number", type="number", min=0, max=100, step=5, value=25),
             dcc.Input(id="submit", placeholder="press Enter", debounce=True),
             shows("input")),
        card("dcc.Textarea",
             dcc.Textarea(id="textarea", placeholder="several lines", rows=3),
             shows("textarea")),
        card("dcc.Dropdown",
             dcc.Dropdown(id="dropdown", options=CITIES, value="MTL"),
             dcc.Dropdown(id="dropdown-multi", options=FRUITS, value=["banana"], multi=True,
                          placeholder="pick fruit"),
             shows("dropdown")),
        card("dcc.Checklist and dcc.RadioItems",
             dcc.Checklist(id="checklist", options=FRUITS[:3], value=["apple"], inline=True),
             dcc.RadioItems(id="radio", options={"s": "Small", "m": "Medium", "l": "Large"}, value="m",
                            inline=True),
             shows("choices")),
        card("dcc.Slider and dcc.RangeSlider",
             dcc.Slider(id="slider", min=0, max=10, step=1, value=4, marks={0: "0", 5: "5", 10: "10"},
                        tooltip={"always_visible": True}),
             dcc.RangeSlider(id="range-slider", min=0, max=100, step=10, value=[20, 70]),
             shows("sliders")),
        card("dcc.DatePickerSingle and dcc.DatePickerRange",
             dcc.DatePickerSingle(id="date", date="2026-11-24", clearable=True),
             dcc.DatePickerRange(id="dates", start_date="2026-11-01", end_date="2026-11-15"),
             shows("dates")),
        card("dcc.Tabs",
             dcc.Tabs(id="tabs", value="a", children=[
                 dcc.Tab(label="First", value="a", children=html.P("The first tab's content.")),
                 dcc.Tab(label="Second", value="b", children=html.P("The second tab's content.")),
             ]),
             shows("tabs")),
        card("dcc.Markdown",
             dcc.Textarea(id="markdown-source", rows=3,
                          value="**Bold**, *italic*, `code` and a [link](https://dash.plotly.com)."),
             dcc.Markdown(id="markdown")),
        card("dcc.Graph and dcc.Tooltip",
             html.Div(style={"position": "relative"}, children=[
                 dcc.Graph(id="graph", clear_on_unhover=True, style={"height": "260px"}, figure={
                     "data": [{"type": "bar", "x": ["a", "b", "c"], "y": [3, 1, 2]}],
                     "layout": {"margin": {"t": 10, "b": 30, "l": 30, "r": 10}},
                 }),
                 dcc.Tooltip(id="graph-tooltip"),
             ]),
             shows("graph"), note="Hover or click a bar."),
        card("dcc.Upload and dcc.Download",
             dcc.Upload(id="upload", className="upload", children=html.Div(["Drop a file here or ", html.A("choose one")])),
             shows("upload"),
             html.Button("Download a CSV", id="download-button"),
             dcc.Download(id="download")),
        card("dcc.Store",
             dcc.Store(id="store", storage_type="local"),
             html.Button("Count (kept across reloads)", id="store-button"),
             shows("store")),
        card("dcc.Interval and dcc.Loading",
             dcc.Interval(id="interval", interval=1000),
             shows("interval"),
             html.Button("Run a slow callback", id="slow-button"),
             dcc.Loading(html.Pre(id="slow-out", className="out", children="not run yet"))),
        card("dcc.Location and dcc.Link",
             html.Div([dcc.Link("to #tabs", href="/?from=link#tabs"), " | ", dcc.Link("back home", href="/")]),
             shows("url")),
        card("dcc.ConfirmDialog and dcc.Clipboard",
             dcc.ConfirmDialog(id="confirm", message="Are you sure?"),
             html.Button("Ask me", id="confirm-button"),
             html.Div([html.Code("pip install wasmdash", id="install"), dcc.Clipboard(id="install-copy", target_id="install", title="Copy")],
                      className="clip"),
             shows("confirm")),
    ]),
])


@callback(Output("input-out", "children"),
          Input("text", "value"), Input("number", "value"), Input("submit", "value"), Input("submit", "n_submit"))
def show_inputs(text, number, submitted, n_submit):
    return f"text={text!r}\nnumber={number!r}\nsubmitted={submitted!r} (Enter pressed {n_submit or 0}x)"


@callback(Output("textarea-out", "children"), Input("textarea", "value"))
def show_textarea(value):
    lines = (value or "").splitlines()
    return f"{len(lines)} line(s): {lines!r}"


@callback(Output("dropdown-out", "children"), Input("dropdown", "value"), Input("dropdown-multi", "value"))
def show_dropdowns(city, fruits):
    return f"city={city!r}\nfruits={fruits!r}"


@callback(Output("choices-out", "children"), Input("checklist", "value"), Input("radio", "value"))
def show_choices(checked, size):
    return f"checked={checked!r}\nsize={size!r}"


@callback(Output("sliders-out", "children"), Input("slider", "value"), Input("range-slider", "value"))
def show_sliders(value, span):
    return f"slider={value!r}\nrange={span!r}"


@callback(Output("dates-out", "children"),
          Input("date", "date"), Input("dates", "start_date"), Input("dates", "end_date"))
def show_dates(date, start, end):
    nights = ""
    if start and end:
        days = (datetime.date.fromisoformat(end) - datetime.date.fromisoformat(start)).days
        nights = f" ({days} nights)"
    return f"date={date!r}\nrange={start!r} to {end!r}{nights}"


@callback(Output("tabs-out", "children"), Input("tabs", "value"))
def show_tab(value):
    return f"tab={value!r}"


@callback(Output("markdown", "children"), Input("markdown-source", "value"))
def render_markdown(source):
    return source or "_(empty)_"


@callback(Output("graph-out", "children"),
          Output("graph-tooltip", "show"), Output("graph-tooltip", "bbox"), Output("graph-tooltip", "children"),
          Input("graph", "hoverData"), Input("graph", "clickData"))
def show_graph(hover, click):
    clicked = click["points"][0]["x"] if click else None
    if not hover:
        return f"clicked={clicked!r}", False, None, None
    point = hover["points"][0]
    return f"clicked={clicked!r}", True, point.get("bbox"), f"{point['x']}: {point['y']}"


@callback(Output("upload-out", "children"), Input("upload", "contents"), State("upload", "filename"),
          prevent_initial_call=True)
def show_upload(contents, filename):
    body = base64.b64decode(contents.partition(",")[2])
    preview = body[:60].decode("utf-8", errors="replace")
    return f"{filename}: {len(body)} bytes\n{preview!r}"


@callback(Output("download", "data"), Input("download-button", "n_clicks"), prevent_initial_call=True)
def download_csv(n_clicks):
    rows = ["fruit,letters"] + [f"{fruit},{len(fruit)}" for fruit in FRUITS]
    return dcc.send_string("\n".join(rows) + "\n", "fruits.csv")


@callback(Output("store", "data"), Input("store-button", "n_clicks"), State("store", "data"),
          prevent_initial_call=True)
def count_in_store(n_clicks, data):
    return {"count": (data or {}).get("count", 0) + 1}


@callback(Output("store-out", "children"), Input("store", "data"), Input("store", "modified_timestamp"))
def show_store(data, modified_timestamp):
    when = "never"
    if modified_timestamp and modified_timestamp > 0:
        when = datetime.datetime.fromtimestamp(modified_timestamp / 1000).strftime("%H:%M:%S")
    return f"data={json.dumps(data)}\nsaved at {when}"


@callback(Output("interval-out", "children"), Input("interval", "n_intervals"))
def show_ticks(n_intervals):
    return f"{n_intervals or 0} second(s) on this page"


@callback(Output("slow-out", "children"), Input("slow-button", "n_clicks"), prevent_initial_call=True)
def slow(n_clicks):
    import time

    time.sleep(1)  # so the spinner has time to show
    return f"finished run {n_clicks}"


@callback(Output("url-out", "children"), Input("url", "pathname"), Input("url", "search"), Input("url", "hash"))
def show_url(pathname, search, hash_):
    return f"pathname={pathname!r} search={search!r} hash={hash_!r}"


@callback(Output("confirm", "displayed"), Input("confirm-button", "n_clicks"), prevent_initial_call=True)
def ask(n_clicks):
    return True


@callback(Output("confirm-out", "children"),
          Input("confirm", "submit_n_clicks"), Input("confirm", "cancel_n_clicks"))
def show_answers(ok, cancel):
    return f"OK {ok or 0}x, Cancel {cancel or 0}x"


if __name__ == "__main__":
    app.run(debug=True)
