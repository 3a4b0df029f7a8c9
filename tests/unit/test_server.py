"""wasmdash.server: the Starlette routes, tested in-process with TestClient."""
from __future__ import annotations

import json
import warnings

import pytest

from wasmdash import Dash, Input, Output, html
from wasmdash.exceptions import PreventUpdate
from wasmdash.server.app import create_app

with warnings.catch_warnings():
    # starlette 1.x warns that it prefers httpx2 for its TestClient; httpx is what we have.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient


def make_app(tmp_path=None, **kwargs):
    app = Dash(__name__, **kwargs)
    app.layout = html.Div([html.Button("go", id="btn"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        if n is None:
            raise PreventUpdate
        if n == 13:
            raise RuntimeError("unlucky")
        return f"clicked {n}"

    return app


def update_body(value):
    return {"output": "out.children", "outputs": {"id": "out", "property": "children"},
            "inputs": [{"id": "btn", "property": "n_clicks", "value": value}], "changedPropIds": ["btn.n_clicks"]}


@pytest.fixture
def client():
    return TestClient(create_app(make_app()))


def test_layout_and_dependencies_routes(client):
    """Do the two GET routes serve the app's JSON?"""
    assert client.get("/_dash-layout").json()["type"] == "Div"
    assert client.get("/_dash-dependencies").json()[0]["output"] == "out.children"


def test_update_component_happy_path(client):
    """Does POST run the callback and return Dash's response?"""
    response = client.post("/_dash-update-component", json=update_body(2))
    assert response.status_code == 200
    assert response.json() == {"multi": True, "response": {"out": {"children": "clicked 2"}}}


def test_prevent_update_is_204(client):
    """Is PreventUpdate an empty 204?"""
    response = client.post("/_dash-update-component", json=update_body(None))
    assert response.status_code == 204 and response.content == b""


def test_callback_error_is_500_and_server_keeps_serving(client):
    """Does a raising callback give a JSON 500, then the next request work?"""
    bad = client.post("/_dash-update-component", json=update_body(13))
    assert bad.status_code == 500
    assert "raised RuntimeError: unlucky" in bad.json()["error"]
    assert bad.json()["callback"] == "out.children"
    assert client.post("/_dash-update-component", json=update_body(1)).status_code == 200


def test_invalid_json_is_400_naming_body(client):
    """Is a body that is not JSON a 400 naming `body`?"""
    response = client.post("/_dash-update-component", content=b"{not json",
                           headers={"content-type": "application/json"})
    assert response.status_code == 400 and response.json()["field"] == "body"


def test_bad_field_is_400_naming_it(client):
    """Does a malformed input name its JSON path?"""
    body = update_body(1)
    body["inputs"][0]["property"] = 5
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 400
    assert response.json()["field"] == "inputs[0].property"


def test_unknown_output_is_404(client):
    """Is an unknown callback a JSON 404 naming `output`?"""
    body = update_body(1)
    body["output"] = "nope.children"
    response = client.post("/_dash-update-component", json=body)
    assert response.status_code == 404 and response.json()["field"] == "output"


def test_get_on_update_component_is_405(client):
    """Is a GET to the callback endpoint a JSON 405?"""
    response = client.get("/_dash-update-component")
    assert response.status_code == 405 and "POST" in response.json()["error"]


def test_page_has_config_loader_and_css():
    """Does the page carry the mount point, config JSON, loader, CSS and external resources?"""
    app = make_app(title="My <App>", external_stylesheets=["https://x/a.css"],
                   external_scripts=[{"src": "https://x/b.js", "defer": True}])
    page = TestClient(create_app(app, debug=True)).get("/")
    assert page.status_code == 200
    text = page.text
    assert '<div id="react-entry-point">' in text  # the first render may fill it
    assert "<title>My &lt;App&gt;</title>" in text
    config = json.loads(text.split('<script id="_wasmdash-config" type="application/json">')[1].split("</script>")[0])
    assert config["requests_pathname_prefix"] == "/" and config["static_url"] == "/_wasmdash/static/"
    assert config["debug"] is True and config["title"] == "My <App>"
    assert '<script type="module" src="/_wasmdash/static/loader.js"></script>' in text
    assert '<link rel="stylesheet" href="/_wasmdash/static/wasmdash.css">' in text
    assert '<link rel="stylesheet" href="https://x/a.css">' in text
    assert '<script src="https://x/b.js" defer></script>' in text


def test_any_other_path_serves_the_page(client):
    """Do unrouted paths serve the page, as Dash does for multi-page apps?"""
    response = client.get("/some/deep/page")
    assert response.status_code == 200 and "react-entry-point" in response.text


def test_assets_are_served_and_linked_in_sorted_order(tmp_path):
    """Are assets/*.css and *.js linked in sorted order and served at /assets/?"""
    assets = tmp_path / "assets"
    (assets / "sub").mkdir(parents=True)
    (assets / "b.css").write_text("b{}")
    (assets / "a.css").write_text("a{}")
    (assets / "sub" / "c.js").write_text("1;")
    app = make_app(assets_folder=str(assets))
    client = TestClient(create_app(app))
    text = client.get("/").text
    assert text.index("/assets/a.css") < text.index("/assets/b.css")
    assert '<script src="/assets/sub/c.js"></script>' in text
    assert client.get("/assets/b.css").text == "b{}"
    missing = client.get("/assets/nope.css")
    assert missing.status_code == 404 and "error" in missing.json()


def test_missing_assets_folder_is_not_an_error(tmp_path):
    """Does an app without an assets folder serve 404 for assets, not 500?"""
    app = make_app(assets_folder=str(tmp_path / "none"))
    assert TestClient(create_app(app)).get("/assets/x.css").status_code == 404


def test_static_files_are_served(client):
    """Is static/loader.js served under /_wasmdash/static/?"""
    response = client.get("/_wasmdash/static/loader.js")
    assert response.status_code == 200 and "Worker" in response.text


def test_server_property_is_a_lazily_built_asgi_app():
    """Is app.server the Starlette app, built once?"""
    app = make_app()
    assert app.server is app.server
    assert TestClient(app.server).get("/_dash-layout").status_code == 200


def test_sync_callbacks_run_in_a_thread():
    """Does a sync callback run off the event loop thread (so it cannot block the others)?"""
    import threading

    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="b")])
    seen = {}

    @app.callback(Output("b", "children"), Input("a", "children"))
    def where(value):
        seen["thread"] = threading.current_thread().name
        return "ok"

    client = TestClient(create_app(app))
    body = {"output": "b.children", "outputs": {"id": "b", "property": "children"},
            "inputs": [{"id": "a", "property": "children", "value": 1}], "changedPropIds": []}
    assert client.post("/_dash-update-component", json=body).status_code == 200
    assert seen["thread"] != threading.main_thread().name
    loop_thread = {}

    @app.callback(Output("a", "title"), Input("a", "children"))
    async def on_loop(value):
        loop_thread["name"] = threading.current_thread().name
        return "ok"

    body2 = {**body, "output": "a.title", "outputs": {"id": "a", "property": "title"}}
    assert client.post("/_dash-update-component", json=body2).status_code == 200
    assert loop_thread["name"] != seen["thread"]


def test_ctx_response_cookie_and_server_timing_headers():
    """Do ctx.response.set_cookie and ctx.record_timing reach the HTTP response headers?"""
    from wasmdash import ctx

    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("b", "children"), Input("a", "children"))
    def remember(value):
        ctx.response.set_cookie("theme", "dark", max_age=60, httponly=True)
        ctx.record_timing("db", 0.0123, "query")
        ctx.record_timing("render", 0.002)
        return f"cookie was {ctx.cookies.get('theme')}"

    client = TestClient(create_app(app))
    client.cookies.set("theme", "light")
    body = {"output": "b.children", "outputs": {"id": "b", "property": "children"},
            "inputs": [{"id": "a", "property": "children", "value": 1}]}
    response = client.post("/_dash-update-component", json=body)
    assert response.json()["response"] == {"b": {"children": "cookie was light"}}
    set_cookie = response.headers["set-cookie"]
    assert set_cookie.startswith("theme=dark") and "Max-Age=60" in set_cookie and "HttpOnly" in set_cookie
    assert response.headers.get_list("server-timing") == ['db;desc="query";dur=12', "render;dur=2"]


def test_record_timing_twice_is_a_key_error():
    """Does recording the same timing name twice fail the callback, like Dash?"""
    from wasmdash import ctx

    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="b")])

    @app.callback(Output("b", "children"), Input("a", "children"))
    def twice(value):
        ctx.record_timing("x", 1)
        ctx.record_timing("x", 1)

    body = {"output": "b.children", "outputs": {"id": "b", "property": "children"},
            "inputs": [{"id": "a", "property": "children", "value": 1}]}
    response = TestClient(create_app(app)).post("/_dash-update-component", json=body)
    assert response.status_code == 500 and "Duplicate resource name" in response.json()["error"]


def _two_callback_app(kind):
    import asyncio
    import threading

    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="b"), html.Div(id="c")])
    if kind == "async":
        started = {"n": 0}
        both = asyncio.Event()

        async def rendezvous():
            started["n"] += 1
            if started["n"] == 2:
                both.set()
            await asyncio.wait_for(both.wait(), timeout=5)
    else:
        barrier = threading.Barrier(2, timeout=5)

        def rendezvous():
            barrier.wait()  # raises BrokenBarrierError if the two calls do not overlap

    for target in ("b", "c"):
        if kind == "async":
            async def slow(value, target=target):
                await rendezvous()
                return target
        else:
            def slow(value, target=target):
                rendezvous()
                return target
        app.callback(Output(target, "children"), Input("a", "children"))(slow)
    return app


@pytest.mark.parametrize("kind", ["async", "sync"])
def test_two_slow_callbacks_requested_together_overlap(kind):
    """Do two slow callbacks (async on the loop, sync in threads) run at the same time over HTTP?"""
    import asyncio

    import httpx

    app = _two_callback_app(kind)
    transport = httpx.ASGITransport(app=create_app(app))

    def body(target):
        return {"output": f"{target}.children", "outputs": {"id": target, "property": "children"},
                "inputs": [{"id": "a", "property": "children", "value": 1}]}

    async def go():
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(client.post("/_dash-update-component", json=body("b")),
                                        client.post("/_dash-update-component", json=body("c")))

    responses = asyncio.run(go())
    assert [r.status_code for r in responses] == [200, 200], [r.text for r in responses]
    assert [r.json()["response"] for r in responses] == [{"b": {"children": "b"}}, {"c": {"children": "c"}}]


def test_url_base_pathname_prefixes_every_route():
    """With url_base_pathname='/app/', are the routes and the page config under /app/?"""
    app = make_app(url_base_pathname="/app/", assets_url_path="static-assets")
    client = TestClient(create_app(app))
    assert client.get("/app/_dash-layout").status_code == 200
    page = client.get("/app/").text
    assert '"requests_pathname_prefix": "/app/"' in page and "/app/_wasmdash/static/loader.js" in page
    assert client.post("/app/_dash-update-component", json=update_body(3)).json()["response"] == {
        "out": {"children": "clicked 3"}}


def _page_config(text):
    return json.loads(text.split('<script id="_wasmdash-config" type="application/json">')[1].split("</script>")[0])


def test_page_config_carries_validation_errors_for_the_overlay():
    """Does the page config list the missing-id problem (naming id and prop) for the page to show?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("missing-input", "value"))
    def broken(value):
        return value

    config = _page_config(TestClient(create_app(app)).get("/").text)
    assert config["suppress_callback_exceptions"] is False
    assert len(config["validation_errors"]) == 1
    assert config["validation_errors"][0].startswith("NonExistentIdException: callback `broken`")
    assert 'Input("missing-input", "value")' in config["validation_errors"][0]


def test_page_config_is_script_safe():
    """Can a title holding </script> not end the config element early?"""
    app = make_app(title="</script><script>alert(1)</script>")
    text = TestClient(create_app(app)).get("/").text
    assert _page_config(text)["title"] == "</script><script>alert(1)</script>"


def test_broken_app_answers_json_500_on_every_route():
    """Served without `wasmdash run` (uvicorn app:app.server), does a DuplicateCallback give JSON 500s?"""
    app = Dash(__name__)
    app.layout = html.Div([html.Div(id="a"), html.Div(id="out")])

    @app.callback(Output("out", "children"), Input("a", "children"))
    def one(a):
        return a

    @app.callback(Output("out", "children"), Output("a", "title"), Input("a", "n_clicks"))
    def two(a):
        return a, a

    client = TestClient(create_app(app))
    for response in (client.get("/"), client.get("/_dash-layout"), client.get("/_dash-dependencies")):
        assert response.status_code == 500
        assert "DuplicateCallback" in response.json()["error"]


def test_custom_index_string_is_interpolated():
    """Does app.index_string with Dash's placeholders wrap our page parts?"""
    app = make_app(title="Custom")
    app.index_string = """<!DOCTYPE html><html><head>{%metas%}{%title%}{%favicon%}{%css%}
        <script>window.analytics = 1;</script></head>
        <body><header>Brand</header>{%app_entry%}<footer>{%config%}{%scripts%}{%renderer%}</footer></body></html>"""
    text = TestClient(create_app(app)).get("/").text
    assert "<title>Custom</title>" in text and "<header>Brand</header>" in text
    assert text.index('<div id="react-entry-point">') < text.index("<footer>")
    assert '<script type="module" src="/_wasmdash/static/loader.js"></script>' in text
    assert _page_config(text)["title"] == "Custom"


def test_index_string_missing_a_placeholder_is_a_clear_error():
    """Is an index_string without {%renderer%} refused naming it?"""
    from wasmdash.exceptions import InvalidIndexException
    from wasmdash.server.page import render_index

    app = make_app(index_string="<html>{%app_entry%}{%config%}{%scripts%}</html>")
    with pytest.raises(InvalidIndexException, match="missing \\{%renderer%\\}"):
        render_index(app)


def test_redirect_from_answers_with_the_page_url():
    """Dash Pages' redirect_from: the old path redirects to the page's path, query string kept."""
    from wasmdash import _pages

    app = Dash(__name__, use_pages=True, pages_folder="", url_base_pathname="/app/")
    app.layout = html.Div(_pages.make_page_container())
    try:
        _pages.register_page("new_home", path="/new", redirect_from=["/old"], layout=html.Div("new"))
        client = TestClient(create_app(app))
        response = client.get("/app/old?x=1", follow_redirects=False)
        assert response.status_code == 308
        assert response.headers["location"] == "/app/new?x=1"
        assert client.get("/app/new").status_code == 200
    finally:
        _pages.PAGE_REGISTRY.clear()


def test_a_page_url_serves_that_page_and_its_title():
    """Dash Pages: the HTML of /about has the About page rendered and its title; so does
    /_dash-layout?url=/about, so the page adopts that first render."""
    from wasmdash import _pages

    app = Dash(__name__, use_pages=True, pages_folder="")
    app.layout = html.Div(_pages.make_page_container())
    try:
        _pages.register_page("about", path="/about", title="About us", layout=html.P("We make things", id="p"))
        client = TestClient(create_app(app))
        page = client.get("/about").text
        assert "<title>About us</title>" in page and "We make things" in page
        layout = client.get("/_dash-layout", params={"url": "/about"}).json()
        assert "We make things" in json.dumps(layout)
        assert "We make things" not in json.dumps(client.get("/_dash-layout").json())
    finally:
        _pages.PAGE_REGISTRY.clear()
