# The seed's async/await example, written for Dash and run unmodified (shorter sleeps), plus two slow
# async callbacks fired by one click.
import asyncio
import time

from dash import html, Input, Output, Dash

app = Dash()


def get_sync_data(iteration):
    time.sleep(0.1)
    return f"Result ({iteration}) from sync task"


async def get_async_data(iteration):
    await asyncio.sleep(0.5)
    return f"Result ({iteration}) from async task"


app.layout = html.Div([
    html.Button("Run Sync Tasks", id="sync-btn"),
    html.Button("Run Async Tasks", id="async-btn"),
    html.Div(id="sync-output"),
    html.Div(id="async-output"),
    html.Button("Run both slow", id="both-btn"),
    html.Div(id="slow-1"),
    html.Div(id="slow-2"),
])


@app.callback(
    Output("sync-output", "children"),
    Input("sync-btn", "n_clicks"),
    prevent_initial_call=True,
)
def sync_callback_example(n_clicks):
    if n_clicks:
        results = [get_sync_data(i) for i in range(5)]
        return html.Div([html.Div(result) for result in results])
    return ""


@app.callback(
    Output("async-output", "children"),
    Input("async-btn", "n_clicks"),
    prevent_initial_call=True,
)
async def async_callback_example(n_clicks):
    if n_clicks:
        coros = [get_async_data(i) for i in range(5)]
        results = await asyncio.gather(*coros)
        return html.Div([html.Div(result) for result in results])
    return ""


ARRIVED = set()


async def meet(name):
    """Wait (up to 5s) until the other slow callback has started too: only concurrent runs meet."""
    ARRIVED.add(name)
    for _ in range(100):
        if len(ARRIVED) == 2:
            return "met the other"
        await asyncio.sleep(0.05)
    return "ran alone"


@app.callback(Output("slow-1", "children"), Input("both-btn", "n_clicks"), prevent_initial_call=True)
async def slow_one(n):
    return f"slow one {await meet('one')}"


@app.callback(Output("slow-2", "children"), Input("both-btn", "n_clicks"), prevent_initial_call=True)
async def slow_two(n):
    return f"slow two {await meet('two')}"


if __name__ == "__main__":
    app.run(debug=True)
