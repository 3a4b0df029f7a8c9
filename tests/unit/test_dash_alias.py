"""_dash_alias: `import dash` resolves to wasmdash only after install(), in that process."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def run(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_dash_imports_resolve_to_wasmdash():
    """Do the usual Dash imports give wasmdash's objects after install()?"""
    result = run("""
        import json
        from wasmdash import _dash_alias
        _dash_alias.install()
        from dash import Dash, html, dcc, Input, Output, State, callback, ctx, no_update, ALL
        from dash.exceptions import PreventUpdate
        from dash.dependencies import Input as DepInput
        import dash, dash.html, dash_html_components, dash_core_components
        import wasmdash
        print(json.dumps({
            "Dash": Dash is wasmdash.Dash,
            "html": html is wasmdash.html and dash.html is html and dash_html_components is html,
            "dcc": dcc is wasmdash.dcc and dash_core_components is dcc,
            "Input": Input is DepInput is wasmdash.Input,
            "PreventUpdate": PreventUpdate is wasmdash.exceptions.PreventUpdate,
            "callback_context": dash.callback_context is wasmdash.callback_context,
            "callback": callback is wasmdash.callback,
        }))
    """)
    assert all(result.values()), result


def test_not_installed_means_no_alias():
    """Without install(), is `dash` left alone (not shadowed by wasmdash)?"""
    result = run("""
        import json, sys
        import wasmdash, wasmdash.html
        try:
            import dash
            name = dash.__name__
        except ImportError:
            name = None
        print(json.dumps({"name": name}))
    """)
    assert result["name"] != "wasmdash"


def test_unknown_dash_module_says_what_is_covered():
    """Does importing a Dash module wasmdash lacks fail with a clear ModuleNotFoundError?"""
    result = run("""
        import json
        from wasmdash import _dash_alias
        _dash_alias.install()
        try:
            import dash.dash_table_experiments
        except ModuleNotFoundError as error:
            print(json.dumps({"message": str(error), "name": error.name}))
    """)
    assert result["name"] == "dash.dash_table_experiments"
    assert "has no wasmdash counterpart" in result["message"]


def test_uninstall_forgets_the_alias():
    """Does uninstall() remove the finder and the aliased modules?"""
    from wasmdash import _dash_alias

    _dash_alias.install()
    try:
        import dash  # noqa: F401

        assert sys.modules["dash"].__name__ == "wasmdash"
    finally:
        _dash_alias.uninstall()
    assert "dash" not in sys.modules and not _dash_alias.is_installed()


def test_wasmdash_keeps_its_own_spec():
    """After `import dash`, does wasmdash still report its own module spec (not `dash`)?"""
    result = run("""
        import json, importlib.util
        from wasmdash import _dash_alias
        _dash_alias.install()
        import dash, dash.html
        import wasmdash, wasmdash.html
        print(json.dumps([wasmdash.__spec__.name, wasmdash.html.__spec__.name,
                          importlib.util.find_spec("wasmdash").name]))
    """)
    assert result == ["wasmdash", "wasmdash.html", "wasmdash"]


def test_dash_pages_names_resolve_to_wasmdash():
    """Do `from dash import register_page, page_registry, page_container, ...` work after install()?"""
    result = run("""
        import json
        from wasmdash import _dash_alias
        _dash_alias.install()
        import dash
        from dash import register_page, page_registry, page_container, get_relative_path, strip_relative_path
        import wasmdash
        from wasmdash import _pages
        print(json.dumps({
            "register_page": register_page is wasmdash.register_page is _pages.register_page,
            "page_registry": page_registry is dash.page_registry is _pages.PAGE_REGISTRY,
            "page_container": page_container is dash.page_container and page_container.children[1].id == "_pages_content",
            "get_relative_path": get_relative_path("/a") == "/a",
            "strip_relative_path": strip_relative_path("/a/b/") == "a/b",
        }))
    """)
    assert all(result.values()), result
