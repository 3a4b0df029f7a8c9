# Dash's JavaScript clientside callbacks: inline source and ClientsideFunction from assets/,
# no_update, PreventUpdate, callback_context, set_props, Promises, pattern matching, running=,
# errors, and chains mixing them with server callbacks.
from dash import ALL, MATCH, ClientsideFunction, Dash, Input, Output, State, callback, clientside_callback, dcc, html

app = Dash(__name__, assets_folder="clientside_assets")

app.layout = html.Div([
    dcc.Input(id="text", value="abc"),
    html.Div(id="upper"),
    html.Div(id="double"),
    html.Div(id="nested"),
    html.Div("styled by assets css", id="styled"),
    dcc.Input(id="word", value="hello"),
    html.Div(id="word-upper"),
    html.Div(id="word-length"),
    html.Button("A", id="btn-a"),
    html.Button("B", id="btn-b"),
    html.Div(id="context"),
    html.Button("set", id="set-btn"),
    html.Div(id="set-target"),
    html.Div(id="later"),
    html.Button("hold", id="hold-btn"),
    html.Div(id="held"),
    html.Div([dcc.Input(id={"type": "num", "index": i}, value=i + 1) for i in range(3)]),
    html.Div(id="total"),
    html.Div([
        html.Div([dcc.Input(id={"type": "echo-in", "index": i}), html.Div(id={"type": "echo-out", "index": i})])
        for i in range(2)
    ]),
    html.Div(id="server-step"),
    html.Div(id="js-step"),
    html.Div(id="server-last"),
    html.Button("break", id="break-btn"),
    html.Div(id="broken"),
    html.Button("reject", id="reject-btn"),
    html.Div(id="rejected"),
])

# Inline JS source, as in Dash.
clientside_callback(
    "function(value) { return (value || '').toUpperCase(); }",
    Output("upper", "children"),
    Input("text", "value"),
)
app.clientside_callback(
    ClientsideFunction(namespace="ui", function_name="double"),
    Output("double", "children"),
    Input("text", "value"),
)
app.clientside_callback(ClientsideFunction("nested", "stamp"), Output("nested", "children"), Input("text", "value"))
app.clientside_callback(
    ClientsideFunction("ui", "split"),
    Output("word-upper", "children"),
    Output("word-length", "children"),
    Input("word", "value"),
)
app.clientside_callback(
    ClientsideFunction("ui", "context"),
    Output("context", "children"),
    Input("btn-a", "n_clicks"),
    Input("btn-b", "n_clicks"),
    State("text", "value"),
    prevent_initial_call=True,
)
clientside_callback(
    """function(n) {
        dash_clientside.set_props("set-target", {children: "set " + n});
        return dash_clientside.no_update;
    }""",
    Output("set-btn", "title"),
    Input("set-btn", "n_clicks"),
    prevent_initial_call=True,
)
app.clientside_callback(ClientsideFunction("ui", "later"), Output("later", "children"), Input("text", "value"))
app.clientside_callback(
    ClientsideFunction("ui", "held"),
    Output("held", "children"),
    Input("hold-btn", "n_clicks"),
    prevent_initial_call=True,
    running=[(Output("hold-btn", "disabled"), True, False)],
)
app.clientside_callback(
    ClientsideFunction("ui", "total"), Output("total", "children"), Input({"type": "num", "index": ALL}, "value")
)
app.clientside_callback(
    ClientsideFunction("ui", "echo"),
    Output({"type": "echo-out", "index": MATCH}, "children"),
    Input({"type": "echo-in", "index": MATCH}, "value"),
    prevent_initial_call=True,
)


# server -> JS -> server
@callback(Output("server-step", "children"), Input("text", "value"))
def server_step(value):
    return f"server({value})"


clientside_callback(
    "function(v) { return 'js(' + v + ')'; }", Output("js-step", "children"), Input("server-step", "children")
)


@callback(Output("server-last", "children"), Input("js-step", "children"))
def server_last(value):
    return f"server({value})"


app.clientside_callback(
    ClientsideFunction("ui", "broken"), Output("broken", "children"), Input("break-btn", "n_clicks"),
    prevent_initial_call=True,
)
app.clientside_callback(
    ClientsideFunction("ui", "rejected"), Output("rejected", "children"), Input("reject-btn", "n_clicks"),
    prevent_initial_call=True,
)
