"""server/cli.py: loading an app file by path and finding its Dash app."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

DASH_APP = textwrap.dedent("""
    from dash import Dash, html, Input, Output, callback
    from dash.exceptions import PreventUpdate

    app = Dash(__name__)
    app.layout = html.Div([html.Button("b", id="btn"), html.Div(id="out")])

    @callback(Output("out", "children"), Input("btn", "n_clicks"))
    def show(n):
        if n is None:
            raise PreventUpdate
        return f"n={n}"

    if __name__ == "__main__":
        raise SystemExit("the __main__ block must not run under wasmdash run")
""")


def probe(app_file, code):
    script = textwrap.dedent(f"""
        import json, asyncio
        from wasmdash.server.cli import load_app, AppLoadError
        try:
            app = load_app({str(app_file)!r})
        except AppLoadError as error:
            print(json.dumps({{"error": str(error)}}))
            raise SystemExit(0)
    """) + textwrap.dedent(code)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_load_app_runs_an_unmodified_dash_file(tmp_path):
    """Does a `from dash import ...` file load, skip its __main__ block, and dispatch?"""
    app_file = tmp_path / "myapp.py"
    app_file.write_text(DASH_APP)
    result = probe(app_file, """
        body = {"output": "out.children", "outputs": {"id": "out", "property": "children"},
                "inputs": [{"id": "btn", "property": "n_clicks", "value": 4}], "changedPropIds": []}
        r = asyncio.run(app.dispatch(body))
        print(json.dumps({"status": r.status, "body": r.body, "deps": app.dependencies_json()}))
    """)
    assert result["status"] == 200
    assert result["body"]["response"] == {"out": {"children": "n=4"}}
    assert result["deps"][0]["output"] == "out.children"


def test_single_dash_instance_is_found_without_app_name(tmp_path):
    """Is the only Dash instance found when it is not called `app`?"""
    app_file = tmp_path / "other.py"
    app_file.write_text("from wasmdash import Dash\nmy_dash = Dash(__name__, title='T')\n")
    assert probe(app_file, "print(json.dumps({'title': app.title}))") == {"title": "T"}


@pytest.mark.parametrize("source, message", [
    ("x = 1\n", "defines no Dash app"),
    ("from wasmdash import Dash\na = Dash()\nb = Dash()\n", "several Dash apps (a, b)"),
])
def test_no_or_ambiguous_app_is_a_clear_error(tmp_path, source, message):
    """Does a file without one clear app say so?"""
    app_file = tmp_path / "bad.py"
    app_file.write_text(source)
    assert message in probe(app_file, "")["error"]


def test_cli_reports_missing_file(tmp_path):
    """Does `wasmdash run missing.py` exit 2 with a message?"""
    out = subprocess.run([sys.executable, "-m", "wasmdash", "run", str(tmp_path / "missing.py")],
                         capture_output=True, text=True)
    assert out.returncode == 2 and "no such app file" in out.stderr


def test_duplicate_callback_outputs_stop_the_server_with_a_clear_message(tmp_path):
    """Does `wasmdash run` refuse an app whose output is owned by two callbacks, naming both?"""
    app_file = tmp_path / "dup.py"
    app_file.write_text(textwrap.dedent("""
        from wasmdash import Dash, Input, Output, callback, html
        app = Dash(__name__)
        app.layout = html.Div([html.Div(id="a"), html.Div(id="b"), html.Div(id="out")])

        @callback(Output("out", "children"), Input("a", "children"))
        def first(a):
            return a

        @callback(Output("out", "children"), Output("b", "title"), Input("b", "children"))
        def second(b):
            return b, b
    """))
    out = subprocess.run([sys.executable, "-m", "wasmdash", "run", str(app_file), "--port", "1"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "DuplicateCallback" in out.stderr and "callback `first`" in out.stderr and "callback `second`" in out.stderr


def test_app_run_reads_host_and_port_from_the_environment(monkeypatch):
    """Does Dash.run() take HOST/PORT from the environment like Dash, and arguments over them?"""
    from wasmdash import Dash
    from wasmdash.server import cli

    calls = []
    monkeypatch.setattr(cli, "serve", lambda app, **kwargs: calls.append(kwargs))
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9123")
    monkeypatch.delenv("DASH_DEBUG", raising=False)
    app = Dash(__name__)
    app.run()
    app.run(host="127.0.0.2", port=8000, debug=True)
    assert calls == [{"host": "0.0.0.0", "port": 9123, "debug": False},
                     {"host": "127.0.0.2", "port": 8000, "debug": True}]


def test_unguarded_app_run_in_the_file_does_not_serve(tmp_path):
    """Does a module-level app.run() (no __main__ guard) return at once under wasmdash run's loader?"""
    app_file = tmp_path / "unguarded.py"
    app_file.write_text("from dash import Dash, html\napp = Dash(__name__)\napp.layout = html.Div()\napp.run(port=1)\n")
    assert probe(app_file, "print(json.dumps({'loaded': app.layout_json()['type']}))") == {"loaded": "Div"}


def test_app_run_in_the_page_does_nothing(monkeypatch):
    """In Pyodide (sys.platform == 'emscripten'), is app.run() a no-op instead of importing the server?"""
    from wasmdash import Dash
    from wasmdash.server import cli

    monkeypatch.setattr(cli, "serve", lambda *a, **k: pytest.fail("must not serve in the page"))
    monkeypatch.setattr(sys, "platform", "emscripten")
    Dash(__name__).run()
