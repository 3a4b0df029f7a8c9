"""`wasmdash build`: content-hashed file names, byte-identical rebuilds, requirements, server callbacks."""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from wasmdash.server.export import (
    HASH_DIR,
    BuildError,
    build_site,
    read_requirements,
    reproducible_wheel,
)

TINY_PACKAGE = Path(__file__).resolve().parents[1] / "e2e" / "apps" / "static_tinypkg"

APP = '''
from dash import Dash, Input, Output, callback, html
import static_greeting

app = Dash(__name__)
app.layout = html.Div([html.Button("Go", id="go"), html.Div("before", id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def show(n):
    return static_greeting.greet(str(n))
'''


@pytest.fixture
def app_dir(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(TINY_PACKAGE))
    directory = tmp_path / "app"
    (directory / "assets").mkdir(parents=True)
    (directory / "app.py").write_text(APP)
    (directory / "assets" / "site.css").write_text("body { margin: 0 }\n")
    (directory / "requirements.txt").write_text(f"# local\n{TINY_PACKAGE}\n")
    return directory


def site_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def page_config(out: Path) -> dict:
    html = (out / "index.html").read_text()
    return json.loads(re.search(r'<script id="_wasmdash-config" type="application/json">(.*?)</script>', html).group(1))


def test_rebuilding_an_unchanged_app_gives_byte_identical_output(app_dir, tmp_path):
    build_site(app_dir / "app.py", tmp_path / "one")
    build_site(app_dir / "app.py", tmp_path / "two")
    one, two = site_files(tmp_path / "one"), site_files(tmp_path / "two")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_hashed_files_are_named_by_their_content(app_dir, tmp_path):
    out = tmp_path / "site"
    result = build_site(app_dir / "app.py", out)
    files = site_files(out)
    assert set(files) == set(result.files)
    unhashed = {name for name in files if not name.startswith(HASH_DIR + "/")}
    assert unhashed == {"index.html", "assets/site.css"}
    config = page_config(out)
    source = config["static_app"]["source"]
    wheel = config["static_app"]["wheels"][0]
    for path in (source, wheel):
        assert path.split("/")[1] == hashlib.sha256(files[path]).hexdigest()[:16]
    assert wheel.endswith("/static_greeting-1.0-py3-none-any.whl")
    runtime = config["static_url"]
    assert re.fullmatch(r"\./_wasmdash/[0-9a-f]{16}/", runtime)
    for name in ("loader.js", "worker.mjs", "runtime/pyodide.asm.wasm", "runtime/manifest.json"):
        assert runtime[2:] + name in files


def test_a_changed_app_gets_a_new_hash_and_old_files_go(app_dir, tmp_path):
    out = tmp_path / "site"
    build_site(app_dir / "app.py", out)
    old_source = page_config(out)["static_app"]["source"]
    (app_dir / "app.py").write_text(APP.replace('"before"', '"after"'))
    build_site(app_dir / "app.py", out)
    new_source = page_config(out)["static_app"]["source"]
    assert new_source != old_source
    assert not (out / old_source).exists() and (out / new_source).exists()
    assert 'id="out">after<' in (out / "index.html").read_text()


def test_first_render_is_in_the_index(app_dir, tmp_path):
    build_site(app_dir / "app.py", tmp_path / "site")
    html = (tmp_path / "site" / "index.html").read_text()
    assert '<div id="react-entry-point"><div><button id="go">Go</button><div id="out">before</div></div></div>' in html
    assert page_config(tmp_path / "site")["hydrate"] is True
    assert './assets/site.css' in html


def test_local_wheels_are_made_reproducible():
    def wheel(date):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(zipfile.ZipInfo("pkg/__init__.py", date), b"x = 1\n")
        return buffer.getvalue()

    assert wheel((2020, 1, 1, 0, 0, 0)) != wheel((2021, 1, 1, 0, 0, 0))
    assert reproducible_wheel(wheel((2020, 1, 1, 0, 0, 0))) == reproducible_wheel(wheel((2021, 1, 1, 0, 0, 0)))


def test_requirements_reject_pip_options(tmp_path):
    path = tmp_path / "requirements.txt"
    path.write_text("# comment\nfoo==1.0  # pinned\n\n")
    assert read_requirements(path) == ["foo==1.0"]
    path.write_text("--index-url https://example.com\n")
    with pytest.raises(BuildError, match="pip options"):
        read_requirements(path)


def test_a_pyodide_built_package_needs_a_package_url(app_dir, tmp_path):
    (app_dir / "requirements.txt").write_text(f"{TINY_PACKAGE}\nnumpy\n")
    with pytest.raises(BuildError, match="numpy.*--pyodide-packages"):
        build_site(app_dir / "app.py", tmp_path / "site")
    build_site(app_dir / "app.py", tmp_path / "site", pyodide_packages="https://packages.example/full/")
    static_app = page_config(tmp_path / "site")["static_app"]
    assert static_app["pyodide_packages"] == ["numpy"]
    assert static_app["pyodide_packages_url"] == "https://packages.example/full/"


def test_a_missing_local_requirement_is_named(app_dir, tmp_path):
    (app_dir / "requirements.txt").write_text("./nowhere\n")
    with pytest.raises(BuildError, match="nowhere"):
        build_site(app_dir / "app.py", tmp_path / "site")


SERVER_APP = '''
import sys
import starlette
from wasmdash import Dash, Input, Output, callback, html

app = Dash(__name__)
app.layout = html.Div([html.Button(id="b"), html.Div(id="page"), html.Div(id="marked"), html.Div(id="lib")])


@callback(Output("page", "children"), Input("b", "n_clicks"))
def in_page(n):
    return sys.platform


@callback(Output("marked", "children"), Input("b", "n_clicks"), server_only=True)
def marked(n):
    return "server"


@callback(Output("lib", "children"), Input("b", "n_clicks"))
def uses_starlette(n):
    return starlette.__version__
'''


def test_server_callbacks_need_a_server_url(tmp_path):
    (tmp_path / "server_app.py").write_text(SERVER_APP)
    with pytest.raises(BuildError) as error:
        build_site(tmp_path / "server_app.py", tmp_path / "site")
    assert "`marked` is marked server_only=True" in str(error.value)
    assert "`uses_starlette` uses `starlette`" in str(error.value)
    assert "in_page" not in str(error.value)
    result = build_site(tmp_path / "server_app.py", tmp_path / "site", server="http://127.0.0.1:9/")
    static_app = page_config(tmp_path / "site")["static_app"]
    assert static_app["server_url"] == "http://127.0.0.1:9/"
    assert static_app["server_outputs"] == result.server_outputs == ["lib.children", "marked.children"]
    assert static_app["server_modules"] == ["starlette"]


def test_out_must_not_be_the_app_folder(app_dir):
    with pytest.raises(BuildError, match="overwrite"):
        build_site(app_dir / "app.py", app_dir)


def test_dom_view_adopts_the_host_render_once():
    """With hydrate=True the first render adopts the host's HTML (one op); later ones rebuild."""
    from wasmdash._html_render import render_html
    from wasmdash.vdom import render_layout
    from wasmdash.view import DomView

    layout = {"namespace": "dash_html_components", "type": "Div", "props": {"id": "a", "children": "hi"}}
    view = DomView(hydrate=True)
    ops = view.render(layout)
    assert [op[0] for op in ops] == ["hydrate"]
    assert ops[0][1] == 0 and ops[0][2]["tag"] == "div" and ops[0][2]["children"][0]["text"] == "hi"
    assert render_html(render_layout(layout)) == '<div id="a">hi</div>'
    assert [op[0] for op in view.render(layout)] == ["clear", "insert"]
    assert [op[0] for op in DomView().render(layout)] == ["clear", "insert"]


def _offline_index(tmp_path, monkeypatch, *wheels: tuple[str, bytes]) -> None:
    """pip finds packages only in a local folder (pip reads PIP_* from the environment)."""
    index = tmp_path / "index"
    index.mkdir()
    for name, data in wheels:
        (index / name).write_bytes(data)
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(index))


def _wheel(name: str, version: str, tag: str) -> tuple[str, bytes]:
    buffer = io.BytesIO()
    info = f"{name}-{version}.dist-info"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"{name}/__init__.py", "VALUE = 1\n")
        archive.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n")
        archive.writestr(f"{info}/WHEEL", f"Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: {tag}\n")
        archive.writestr(f"{info}/RECORD", "")
    return f"{name}-{version}-{tag}.whl", buffer.getvalue()


def test_a_named_requirement_is_downloaded_as_the_registrys_wheel(app_dir, tmp_path, monkeypatch):
    name, data = _wheel("tinydep", "2.0", "py3-none-any")
    _offline_index(tmp_path, monkeypatch, (name, data))
    (app_dir / "requirements.txt").write_text(f"{TINY_PACKAGE}\ntinydep==2.0\n")
    result = build_site(app_dir / "app.py", tmp_path / "site")
    assert result.wheels == ["static_greeting-1.0-py3-none-any.whl", name]
    shipped = [p for p in (tmp_path / "site").rglob(name)]
    assert len(shipped) == 1 and shipped[0].read_bytes() == data  # unchanged bytes


def test_a_requirement_with_compiled_code_is_refused(app_dir, tmp_path, monkeypatch):
    from packaging.tags import sys_tags

    tag = next(iter(sys_tags()))
    _offline_index(tmp_path, monkeypatch, _wheel("fastthing", "1.0", f"{tag.interpreter}-{tag.abi}-{tag.platform}"))
    (app_dir / "requirements.txt").write_text(f"{TINY_PACKAGE}\nfastthing\n")
    with pytest.raises(BuildError, match="fastthing is not pure Python"):
        build_site(app_dir / "app.py", tmp_path / "site")


def test_the_build_command_writes_the_site_or_says_what_to_change(app_dir, tmp_path, capsys):
    from wasmdash.server.cli import main

    assert main(["build", str(app_dir / "app.py"), "--out", str(tmp_path / "site")]) == 0
    assert (tmp_path / "site" / "index.html").is_file()
    (tmp_path / "server_app.py").write_text(SERVER_APP)
    assert main(["build", str(tmp_path / "server_app.py"), "--out", str(tmp_path / "other")]) == 2
    assert "no --server URL" in capsys.readouterr().err
    assert main(["build", str(tmp_path / "nowhere.py"), "--out", str(tmp_path / "x")]) == 2


def test_a_removed_asset_leaves_the_site_on_rebuild(app_dir, tmp_path):
    out = tmp_path / "site"
    (app_dir / "assets" / "old.js").write_text("window.old = 1;\n")
    build_site(app_dir / "app.py", out)
    assert (out / "assets" / "old.js").is_file()
    (app_dir / "assets" / "old.js").unlink()
    (out / "CNAME").write_text("site.example\n")  # the user's own file beside the build's
    build_site(app_dir / "app.py", out)
    assert not (out / "assets" / "old.js").exists()
    assert (out / "assets" / "site.css").is_file() and (out / "CNAME").is_file()


def test_server_only_and_clientside_contradict():
    from wasmdash import Input, Output, callback
    from wasmdash.exceptions import IncorrectTypeException

    with pytest.raises(IncorrectTypeException, match="both server_only=True and clientside"):

        @callback(Output("x", "children"), Input("y", "value"), server_only=True, clientside=True)
        def both(value):
            return value


PAGES_APP = '''
import dash
from dash import Dash, html

app = Dash(__name__, use_pages=True)
app.layout = html.Div([html.H1("Site"), dash.page_container])
'''

HOME_PAGE = '''
import dash
from dash import Input, Output, callback, html
from pages.util import shout

dash.register_page(__name__, path="/")
layout = html.Div([html.Button("Go", id="go"), html.Div(id="out")])


@callback(Output("out", "children"), Input("go", "n_clicks"))
def show(n):
    return shout(n)
'''


@pytest.fixture
def pages_state():
    import sys

    from wasmdash import _callbacks, _pages

    yield
    _pages.PAGE_REGISTRY.clear()
    _callbacks.GLOBAL_CALLBACK_LIST.clear()
    _callbacks.GLOBAL_CALLBACK_MAP.clear()
    for name in [n for n in sys.modules if n == "pages" or n.startswith("pages.")]:
        del sys.modules[name]


def test_a_pages_app_ships_its_pages_folder(tmp_path, pages_state, monkeypatch):
    """Every .py file of the pages folder is in the site and listed for the page; the pages'
    callbacks, using a helper module of that folder, still run in the page."""
    directory = tmp_path / "app"
    (directory / "pages" / "__pycache__").mkdir(parents=True)
    (directory / "app.py").write_text(PAGES_APP)
    (directory / "pages" / "home.py").write_text(HOME_PAGE)
    (directory / "pages" / "util.py").write_text("def shout(n):\n    return f'{n}!'\n")
    (directory / "pages" / "__pycache__" / "junk.py").write_text("")
    monkeypatch.syspath_prepend(str(directory))
    result = build_site(directory / "app.py", tmp_path / "site")
    listed = dict(page_config(tmp_path / "site")["static_app"]["files"])
    assert sorted(listed) == ["pages/home.py", "pages/util.py"]
    assert (tmp_path / "site" / listed["pages/home.py"]).read_text() == HOME_PAGE
    assert result.server_outputs == []


def test_the_page_refuses_app_file_paths_outside_its_folder():
    """A listed file cannot be written outside the app's folder in the page."""
    from wasmdash.browser.static_app import write_app_files

    with pytest.raises(ValueError, match="must stay inside the app's folder"):
        write_app_files({"../evil.py": ""})
