"""dcc.Interval, dcc.Loading, dcc.Tabs, dcc.Markdown and dcc.ConfirmDialog(Provider) feeding callbacks."""
import time

from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Interval(id="ticker", interval=100, max_intervals=5),
    html.Div(id="out-ticker"),
    dcc.Interval(id="paused", interval=100, max_intervals=3, disabled=True),
    html.Button("start", id="start-paused"),
    html.Div(id="out-paused"),
    html.Button("slow work", id="slow"),
    dcc.Loading(id="loading", children=html.Div(id="out-slow", children="idle")),
    dcc.Tabs(id="tabs", value="one", children=[
        dcc.Tab(label="One", value="one", children=html.P("first tab body", id="tab-one-body")),
        dcc.Tab(label="Two", value="two", children=html.P("second tab body")),
        dcc.Tab(label="Locked", value="three", disabled=True, children=html.P("never shown")),
    ]),
    html.Div(id="out-tabs"),
    dcc.Textarea(id="md-source", style={"width": "400px", "height": "80px"}),
    dcc.Markdown(id="md", children="# Title\n\nSome *emphasis* and `code`."),
    dcc.Markdown(id="md-html", dangerously_allow_html=True,
                 children='plain <span class="raw">raw span</span> text'),
    dcc.Markdown(id="md-table", children="""
        | a | b |
        |---|---|
        | 1 | 2 |

        ~~gone~~ [a link](https://example.org)
    """, link_target="_blank"),
    dcc.ConfirmDialog(id="confirm", message="Delete everything?"),
    html.Button("delete", id="ask"),
    html.Div(id="out-confirm"),
    dcc.ConfirmDialogProvider(id="provider", message="Really send?", children=html.Button("send", id="send")),
    html.Div(id="out-provider"),
])


@callback(Output("out-ticker", "children"), Input("ticker", "n_intervals"))
def show_ticks(n_intervals):
    return f"ticks={n_intervals}"


@callback(Output("paused", "disabled"), Input("start-paused", "n_clicks"), prevent_initial_call=True)
def start(n_clicks):
    return False


@callback(Output("out-paused", "children"), Input("paused", "n_intervals"))
def show_paused(n_intervals):
    return f"paused ticks={n_intervals}"


@callback(Output("out-slow", "children"), Input("slow", "n_clicks"), prevent_initial_call=True)
def slow_work(n_clicks):
    time.sleep(1.5)  # long enough for the spinner to be seen
    return f"done {n_clicks}"


@callback(Output("out-tabs", "children"), Input("tabs", "value"))
def show_tab(value):
    return f"tab={value}"


@callback(Output("md", "children"), Input("md-source", "value"), prevent_initial_call=True)
def render_markdown(source):
    return source


@callback(Output("confirm", "displayed"), Input("ask", "n_clicks"), prevent_initial_call=True)
def ask(n_clicks):
    return True


@callback(Output("out-confirm", "children"),
          Input("confirm", "submit_n_clicks"), Input("confirm", "cancel_n_clicks"))
def show_answer(submitted, cancelled):
    return f"ok={submitted} cancel={cancelled}"


@callback(Output("out-provider", "children"), Input("provider", "submit_n_clicks"))
def show_provider(submitted):
    return f"sent={submitted}"
