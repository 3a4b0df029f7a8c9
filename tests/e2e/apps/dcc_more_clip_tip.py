"""Clipboard (a target's text, content from a callback on n_clicks) and a Tooltip shown by a callback."""
from wasmdash import Dash, Input, Output, State, callback, dcc, html, no_update

app = Dash(__name__)

app.layout = html.Div([
    dcc.Textarea(id="source", value="text from the textarea"),
    dcc.Clipboard(id="copy-target", target_id="source", title="copy the textarea"),
    dcc.Input(id="words", value="typed words"),
    dcc.Clipboard(id="copy-content", title="copy from a callback"),
    html.Div(id="clicks"),
    dcc.Clipboard(id="copy-html", content="plain words", html_content="<b>bold words</b>", children="copy rich"),
    html.Button("show tip", id="show"),
    html.Button("hide tip", id="hide"),
    html.Div(
        [html.Div("anchor", id="anchor", style={"position": "absolute", "left": "40px", "top": "30px",
                                                 "width": "20px", "height": "10px"}),
         dcc.Tooltip(id="tip", direction="bottom")],
        id="container",
        style={"position": "relative", "width": "300px", "height": "200px", "marginTop": "20px"},
    ),
])


@callback(Output("copy-content", "content"), Output("clicks", "children"),
          Input("copy-content", "n_clicks"), State("words", "value"), prevent_initial_call=True)
def content_on_click(n_clicks, words):
    return f"{words} #{n_clicks}", f"copied {n_clicks} times"


@callback(Output("tip", "show"), Output("tip", "bbox"), Output("tip", "children"),
          Input("show", "n_clicks"), prevent_initial_call=True)
def show_tip(n_clicks):
    return True, {"x0": 40, "x1": 60, "y0": 30, "y1": 40}, [html.B("Tip"), f" #{n_clicks}"]


@callback(Output("tip", "show", allow_duplicate=True), Input("hide", "n_clicks"), prevent_initial_call=True)
def hide_tip(n_clicks):
    return False
