"""dcc.Clipboard (target_id, and content from a callback) and dcc.Tooltip placed by a callback."""
from wasmdash import Dash, Input, Output, callback, dcc, html

app = Dash(__name__)

app.layout = html.Div([
    dcc.Textarea(id="source", value="copied from a textarea"),
    dcc.Clipboard(id="copy-target", target_id="source", title="copy the textarea"),
    dcc.Clipboard(id="copy-content"),
    html.Div(id="out-clicks"),
    html.Button("show tip", id="show-tip"),
    html.Button("hide tip", id="hide-tip"),
    html.Div(style={"position": "relative", "width": "300px", "height": "120px", "border": "1px solid #ccc"},
             children=dcc.Tooltip(id="tip", show=False, direction="bottom")),
])


@callback(Output("copy-content", "content"), Input("copy-content", "n_clicks"), prevent_initial_call=True)
def content_to_copy(n_clicks):
    return f"made by a callback on click {n_clicks}"


@callback(Output("out-clicks", "children"),
          Input("copy-target", "n_clicks"), Input("copy-content", "n_clicks"))
def show_clicks(target_clicks, content_clicks):
    return f"target={target_clicks} content={content_clicks}"


@callback(Output("tip", "show"), Output("tip", "bbox"), Output("tip", "children"),
          Input("show-tip", "n_clicks"), Input("hide-tip", "n_clicks"), prevent_initial_call=True)
def place_tip(shown, hidden):
    from wasmdash import ctx

    if ctx.triggered_id == "hide-tip":
        return False, None, None
    return True, {"x0": 100, "y0": 40, "x1": 120, "y1": 60}, html.B(f"tip {shown}")
