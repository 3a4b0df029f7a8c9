"""allow_duplicate=True and Patch: one button per Patch operation, each in its own callback writing
(with allow_duplicate) to the same `letters` children, plus numbers, strings and a style dict."""
from wasmdash import Dash, Input, Output, Patch, callback, html

app = Dash(__name__)

OPS = ["append", "prepend", "insert", "extend", "remove", "clear", "reverse", "assign", "delete"]

app.layout = html.Div([
    html.Div([html.Button(op, id=op) for op in OPS]),
    html.Div(["a", "b", "c"], id="letters"),
    html.Button("+1", id="add-one"),
    html.Div(10, id="number"),
    html.Button("+s", id="add-suffix"),
    html.Div("ab", id="word"),
    html.Button("style", id="restyle"),
    html.Div("styled", id="styled", style={"color": "rgb(0, 0, 255)"}),
])


def op_callback(op):
    """A callback for `op` that returns the Patch `edit` builds."""
    def register(edit):
        @callback(Output("letters", "children", allow_duplicate=True), Input(op, "n_clicks"),
                  prevent_initial_call=True)
        def run(_):
            patch = Patch()
            edit(patch)
            return patch
        run.__name__ = f"on_{op}"
        return edit
    return register


@op_callback("append")
def _(p): p.append("x")


@op_callback("prepend")
def _(p): p.prepend("x")


@op_callback("insert")
def _(p): p.insert(1, "x")


@op_callback("extend")
def _(p): p.extend(["x", "y"])


@op_callback("remove")
def _(p): p.remove("b")


@op_callback("clear")
def _(p): p.clear()


@op_callback("reverse")
def _(p): p.reverse()


@op_callback("assign")
def _(p): p[0] = "z"


@op_callback("delete")
def _(p): del p[1]


@callback(Output("number", "children"), Input("add-one", "n_clicks"), prevent_initial_call=True)
def add_one(_):
    p = Patch()
    p += 1
    return p


@callback(Output("word", "children"), Input("add-suffix", "n_clicks"), prevent_initial_call=True)
def add_suffix(_):
    p = Patch()
    p += "c"
    return p


@callback(Output("styled", "style"), Input("restyle", "n_clicks"), prevent_initial_call=True)
def restyle(_):
    p = Patch()
    p["color"] = "rgb(255, 0, 0)"
    p["fontWeight"] = "bold"
    return p
