"""Python callbacks shipped to the page: only their own source, and only when self-contained."""
from __future__ import annotations

import importlib.util
import sys
import textwrap

import pytest

from wasmdash._clientside import ClientsideSourceError, page_function, page_module_source


@pytest.fixture
def load_module(tmp_path):
    """Write `source` to an app file and import it, as `wasmdash run` would."""

    def load(source: str, name: str = "clientside_app"):
        path = tmp_path / f"{name}.py"
        path.write_text(textwrap.dedent(source))
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    yield load
    sys.modules.pop("clientside_app", None)


def test_source_is_the_function_without_decorators(load_module):
    """Is the shipped source just the def, with the decorator and the rest of the module left out?"""
    module = load_module(
        '''
        SECRET = "hunter2"

        def decorate(f):
            return f

        @decorate
        def shout(value):
            return (value or "").upper()
        '''
    )
    shipped = page_function(module.shout)
    assert shipped.source.startswith("def shout(value):")
    assert "SECRET" not in page_module_source([shipped])
    assert "decorate" not in shipped.source


def test_module_level_constant_is_refused_naming_function_and_name(load_module):
    """Does using a module-level value fail with the function's name and the name at fault?"""
    module = load_module(
        '''
        API_KEY = "hunter2"

        def leak(value):
            return f"{value} {API_KEY}"
        '''
    )
    with pytest.raises(ClientsideSourceError, match=r"`leak` \(clientside_app.py:4\) uses `API_KEY`"):
        page_function(module.leak)


def test_stdlib_and_wasmdash_imports_travel_with_the_function(load_module):
    """Are module-level imports the page can satisfy turned into import lines?"""
    module = load_module(
        '''
        import math as m
        from wasmdash import no_update

        def root(value):
            if value is None:
                return no_update
            return m.sqrt(value)
        '''
    )
    shipped = page_function(module.root)
    assert shipped.imports == ("from wasmdash import no_update", "import math as m")
    namespace: dict = {}
    exec(page_module_source([shipped]), namespace)
    assert namespace["root"](16) == 4.0


def test_locals_builtins_and_nested_functions_are_fine(load_module):
    """Do names the function defines itself, builtins and comprehensions count as self-contained?"""
    module = load_module(
        '''
        def tally(values):
            def double(x):
                return 2 * x
            return sum(double(v) for v in sorted(values or []))
        '''
    )
    assert page_function(module.tally).imports == ()


def test_closure_is_refused(load_module):
    """Is a function that closes over an enclosing function's variable refused?"""
    module = load_module(
        '''
        def make():
            prefix = "x"
            def inner(value):
                return prefix + value
            return inner
        '''
    )
    with pytest.raises(ClientsideSourceError, match="closes over `prefix`"):
        page_function(module.make())


def test_third_party_module_is_refused(load_module):
    """Is a module the page may not have (not stdlib, not wasmdash) refused?"""
    module = load_module(
        '''
        import pytest as testing_tool

        def use(value):
            return testing_tool.approx(value)
        '''
    )
    with pytest.raises(ClientsideSourceError, match="`testing_tool`"):
        page_function(module.use)


APP_WITH_LEAK = '''
from wasmdash import Dash, Input, Output, html

API_KEY = "hunter2"
app = Dash(__name__)
app.layout = html.Div([html.Div(id="in"), html.Div(id="out")])


@app.callback(Output("out", "children"), Input("in", "children"), clientside=True)
def leak(value):
    return f"{value} {API_KEY}"
'''


def test_wasmdash_run_refuses_a_clientside_callback_using_a_module_name(tmp_path, capsys):
    """Does `wasmdash run` exit non-zero, naming the function and the name, before serving?"""
    from wasmdash.server.cli import main

    path = tmp_path / "leaky_app.py"
    path.write_text(APP_WITH_LEAK)
    try:
        assert main(["run", str(path), "--port", "1"]) == 1
    finally:
        sys.modules.pop("leaky_app", None)
    err = capsys.readouterr().err
    assert "ClientsideSourceError" in err
    assert "`leak` (leaky_app.py:9) uses `API_KEY`" in err


def test_server_serves_the_page_module(tmp_path):
    """GET /_wasmdash/clientside.py: the shipped functions and nothing else of the module."""
    path = tmp_path / "served_app.py"
    path.write_text(APP_WITH_LEAK.replace("{API_KEY}", "!").replace('API_KEY = "hunter2"', 'SECRET = "hunter2"'))
    spec = importlib.util.spec_from_file_location("served_app", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import warnings

    with warnings.catch_warnings():
        # starlette 1.x warns that it prefers httpx2 for its TestClient; httpx is what we have.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

        from wasmdash.server.app import create_app

        client = TestClient(create_app(module.app))

    response = client.get("/_wasmdash/clientside.py")
    assert response.status_code == 200
    assert "def leak(value):" in response.text
    assert "hunter2" not in response.text
    namespace: dict = {}
    exec(response.text, namespace)
    assert [d["output"] for d in namespace["app"].dependencies_json()] == ["out.children"]


def test_three_ways_to_declare_a_python_clientside_callback(load_module):
    """@callback(clientside=True), app.callback(clientside=True), clientside_callback(function)."""
    module = load_module(
        '''
        from wasmdash import Dash, Input, Output, callback, clientside_callback, html

        app = Dash(__name__)
        app.layout = html.Div([html.Div(id=i) for i in ("in", "a", "b", "c", "d")])

        @callback(Output("a", "children"), Input("in", "children"), clientside=True)
        def a(value):
            return value

        @app.callback(Output("b", "children"), Input("in", "children"), clientside=True)
        def b(value):
            return value

        def c(value):
            return value

        app.clientside_callback(c, Output("c", "children"), Input("in", "children"))

        @app.callback(Output("d", "children"), Input("in", "children"))
        def d(value):
            return value
        '''
    )
    functions = {dep["output"]: dep["clientside_function"] for dep in module.app.dependencies_json()}
    assert functions["d.children"] is None
    for output, name in (("a.children", "a"), ("b.children", "b"), ("c.children", "c")):
        assert functions[output]["namespace"] == "_wasmdash_python"
        assert functions[output]["function_name"].startswith(name + "_")
    assert len({f["function_name"] for f in functions.values() if f}) == 3
    assert all("clientside" not in spec.extra for spec in module.app._callback_list)


# -- on_error handlers travel with the page's callbacks ------------------------------------------
APP_WITH_HANDLERS = """
from wasmdash import Dash, Input, Output, html, set_props

def fallback(error):
    set_props("status", {"children": f"app handler: {error}"})
    return "app fallback"

def own_fallback(error):
    return f"own handler: {type(error).__name__}"

app = Dash(__name__, on_error=fallback)
app.layout = html.Div([html.Div(id=i) for i in ("in", "a", "b", "status")])

@app.callback(Output("a", "children"), Input("in", "children"), clientside=True, on_error=own_fallback)
def a(value):
    return 1 / 0

@app.callback(Output("b", "children"), Input("in", "children"), clientside=True)
def b(value):
    raise ValueError("broken")
"""


def _page_app(module, on_error="app"):
    from wasmdash._clientside import page_app_source

    namespace: dict = {}
    handler = module.app.on_error if on_error == "app" else on_error
    exec(page_app_source(module.app._callback_list, on_error=handler), namespace)
    return namespace["app"]


def _call(page_app, output):
    import asyncio

    dep = next(d for d in page_app.dependencies_json() if d["output"] == output)
    body = {"output": output, "outputs": {"id": output.split(".")[0], "property": "children"},
            "inputs": [{"id": "in", "property": "children", "value": "x"}], "changedPropIds": ["in.children"],
            "state": []}
    assert dep["clientside_function"]["namespace"] == "_wasmdash_python"
    return asyncio.run(page_app.dispatch(body)).body


def test_on_error_handlers_run_in_the_page(load_module):
    """A callback's own on_error and the app's Dash(on_error=...) answer for page callbacks too."""
    module = load_module(APP_WITH_HANDLERS)
    page_app = _page_app(module)
    assert _call(page_app, "a.children")["response"] == {"a": {"children": "own handler: ZeroDivisionError"}}
    answer = _call(page_app, "b.children")
    assert answer["response"] == {"b": {"children": "app fallback"}}
    assert answer["sideUpdate"] == {"status": {"children": "app handler: broken"}}


def test_an_app_handler_that_cannot_travel_stays_on_the_server(load_module, caplog):
    """Dash(on_error=lambda ...) cannot be shipped: the page module still builds, and the log says why."""
    module = load_module(APP_WITH_HANDLERS)
    page_app = _page_app(module, on_error=lambda error: "never in the page")
    assert page_app.on_error is None
    assert "Dash(on_error=...) handler `<lambda>`" in caplog.text
    assert "lambdas cannot be shipped" in caplog.text


def test_a_callback_handler_using_a_module_name_is_refused_naming_both(load_module):
    """A callback's own on_error must be self-contained too; the error names it and its callback."""
    module = load_module(APP_WITH_HANDLERS.replace(
        'return f"own handler: {type(error).__name__}"', 'return PREFIX + str(error)'
    ))
    with pytest.raises(ClientsideSourceError,
                       match="on_error handler of clientside Python callback `a`, `own_fallback` .* uses `PREFIX`"):
        _page_app(module)
