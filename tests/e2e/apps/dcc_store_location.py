"""dcc.Store in memory, local and session storage; dcc.Location and dcc.Link moving around the URL."""
import json

from wasmdash import Dash, Input, Output, State, callback, dcc, html

app = Dash(__name__)

KINDS = ["memory", "local", "session"]

app.layout = html.Div([
    *[dcc.Store(id=f"store-{kind}", storage_type=kind) for kind in KINDS],
    html.Button("save", id="save"),
    html.Button("clear local", id="clear-local"),
    *[html.Div(id=f"out-{kind}") for kind in KINDS],
    dcc.Location(id="url"),
    dcc.Location(id="url-quiet", refresh=False),
    dcc.Location(id="url-nav", refresh="callback-nav"),
    html.Div(id="out-url"),
    html.Div(id="out-url-quiet"),
    dcc.Link("to page 2", id="link", href="/page-2?tab=b#part"),
    dcc.Link("reloading link", id="link-reload", href="/reloaded", refresh=True),
    html.Button("quiet push", id="go-quiet"),
    html.Button("load by href", id="go-load"),
    html.Button("callback-nav", id="go-nav"),
])

for kind in KINDS:
    @callback(Output(f"store-{kind}", "data"), Input("save", "n_clicks"), State(f"store-{kind}", "data"),
              prevent_initial_call=True)
    def save(n_clicks, data):
        return {"saves": (data or {}).get("saves", 0) + 1}

    @callback(Output(f"out-{kind}", "children"),
              Input(f"store-{kind}", "data"), Input(f"store-{kind}", "modified_timestamp"))
    def show(data, modified_timestamp):
        stamp = "never" if modified_timestamp in (None, -1) else ("ms" if modified_timestamp > 1e12 else modified_timestamp)
        return f"{json.dumps(data)} modified={stamp}"


@callback(Output("store-local", "clear_data"), Input("clear-local", "n_clicks"), prevent_initial_call=True)
def clear_local(n_clicks):
    return True


@callback(Output("out-url", "children"),
          Input("url", "pathname"), Input("url", "search"), Input("url", "hash"), Input("url", "href"))
def show_url(pathname, search, hash_, href):
    return f"{pathname} {search!r} {hash_!r} {'/'.join((href or '').split('/')[3:])}"


@callback(Output("out-url-quiet", "children"), Input("url-quiet", "pathname"))
def show_quiet(pathname):
    return pathname


@callback(Output("url-quiet", "pathname"), Input("go-quiet", "n_clicks"), prevent_initial_call=True)
def push_quietly(n_clicks):
    return "/quiet"


@callback(Output("url", "href"), Input("go-load", "n_clicks"), prevent_initial_call=True)
def load_href(n_clicks):
    return "/loaded?via=href"


@callback(Output("url-nav", "pathname"), Input("go-nav", "n_clicks"), prevent_initial_call=True)
def navigate(n_clicks):
    return "/navigated"
