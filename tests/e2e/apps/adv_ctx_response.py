"""ctx.response (a cookie), ctx.record_timing (Server-Timing) and ctx.custom_data from a hook."""
from dash import Dash, Input, Output, callback, ctx, hooks, html


@hooks.custom_data("greeting")
def greeting(_context):
    return {"text": "hello from a hook"}


app = Dash(__name__)

app.layout = html.Div([
    html.Button("Remember me", id="remember"),
    html.Div(id="remembered"),
    html.Button("Timed", id="timed"),
    html.Div(id="timed-out"),
    html.Button("Custom", id="custom"),
    html.Div(id="custom-out"),
])


@callback(Output("remembered", "children"), Input("remember", "n_clicks"), prevent_initial_call=True)
def remember(n):
    ctx.response.set_cookie("wasmdash-e2e", f"clicked-{n}")
    return f"cookie set ({n})"


@callback(Output("timed-out", "children"), Input("timed", "n_clicks"), prevent_initial_call=True)
def timed(n):
    ctx.record_timing("lookup", 0.25, "database lookup")
    return f"timed {n}"


@callback(Output("custom-out", "children"), Input("custom", "n_clicks"), prevent_initial_call=True)
def custom(n):
    return ctx.custom_data.greeting["text"]
