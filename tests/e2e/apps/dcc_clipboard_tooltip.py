"""dcc.Clipboard (a target's text, content from a callback on n_clicks, rich content) and a dcc.Tooltip
placed by a callback, with an app stylesheet (dcc_clipboard_tooltip_assets/theme.css)."""
from wasmdash import Dash, Input, Output, State, callback, ctx, dcc, html

app = Dash(__name__, assets_folder="dcc_clipboard_tooltip_assets")

app.layout = html.Div([
    dcc.Textarea(id="source", value="copied from a textarea"),
    dcc.Clipboard(id="copy-target", target_id="source", title="copy the textarea", style={"fontSize": 32}),
    dcc.Input(id="words", value="typed words"),
    dcc.Clipboard(id="copy-content", title="copy from a callback"),
    html.Div(id="out-clicks"),
    dcc.Clipboard(id="copy-html", content="plain words", html_content="<b>bold words</b>", children="copy rich"),
    html.Button("show tip", id="show-tip"),
    html.Button("hide tip", id="hide-tip"),
    html.Div(
        [html.Div("anchor", id="anchor", style={"position": "absolute", "left": "40px", "top": "30px",
                                                 "width": "20px", "height": "10px"}),
         dcc.Tooltip(id="tip", show=False, direction="bottom")],
        id="container",
        style={"position": "relative", "width": "300px", "height": "200px", "background": "#f4f4f4"},
    ),
])


@callback(Output("copy-content", "content"), Input("copy-content", "n_clicks"), State("words", "value"),
          prevent_initial_call=True)
def content_to_copy(n_clicks, words):
    return f"{words} #{n_clicks}"


@callback(Output("out-clicks", "children"),
          Input("copy-target", "n_clicks"), Input("copy-content", "n_clicks"))
def show_clicks(target_clicks, content_clicks):
    return f"target={target_clicks} content={content_clicks}"


@callback(Output("tip", "show"), Output("tip", "bbox"), Output("tip", "children"),
          Input("show-tip", "n_clicks"), Input("hide-tip", "n_clicks"), prevent_initial_call=True)
def place_tip(shown, hidden):
    if ctx.triggered_id == "hide-tip":
        return False, None, None
    return True, {"x0": 40, "y0": 30, "x1": 60, "y1": 40}, [html.B("tip"), f" {shown}"]
