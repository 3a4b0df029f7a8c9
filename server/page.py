"""The index page: a shell that starts the Python renderer in the browser.

It holds the mount point, the page config (JSON) the loader reads, the loader module, our CSS,
the app's ``assets/`` CSS and JS (sorted, as Dash includes them) and its external resources.
"""

from __future__ import annotations

import html
import json
import logging
import os
from typing import Any

__all__ = ["render_index", "page_config", "asset_files", "first_render"]

logger = logging.getLogger(__name__)

STATIC_PREFIX = "_wasmdash/static/"


def page_config(app: Any, *, debug: bool) -> dict[str, Any]:
    """The JSON in ``<script id="_wasmdash-config">``."""
    prefix = app.config.requests_pathname_prefix
    return {
        "requests_pathname_prefix": prefix,
        "static_url": prefix + STATIC_PREFIX,
        "debug": bool(debug),
        "ui": bool(debug and app.config.get("dev_tools_ui", True) is not False),
        "title": app.title,
        "update_title": app.config.get("update_title", "Updating..."),
        # As in Dash's renderer config: the page skips its own layout checks when this is set.
        "suppress_callback_exceptions": bool(app.config.get("suppress_callback_exceptions")),
        # Start-up problems the host found (ids/props a static layout lacks), for the overlay.
        "validation_errors": [
            f"{type(problem).__name__}: {problem}" for problem in getattr(app, "validation_problems", [])
        ],
    }


def asset_files(app: Any) -> list[str]:
    """The app's asset files (relative POSIX paths), sorted, skipping hidden ones."""
    root = app.assets_path
    if not os.path.isdir(root):
        return []
    found = []
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith("."):
                continue
            full = os.path.join(directory, name)
            found.append(os.path.relpath(full, root).replace(os.sep, "/"))
    ignore = app.config.get("assets_ignore") or ""
    if ignore:
        import re

        pattern = re.compile(ignore)
        found = [f for f in found if not pattern.search(f)]
    return sorted(found)


def _attributes(resource: Any, url_key: str) -> str:
    if isinstance(resource, str):
        resource = {url_key: resource}
    parts = []
    for key, value in resource.items():
        if value is True:
            parts.append(html.escape(key))
        elif value not in (None, False):
            parts.append(f'{html.escape(key)}="{html.escape(str(value))}"')
    return " ".join(parts)


def _json_for_script(value: Any) -> str:
    """JSON safe inside ``<script>``: ``</`` cannot end the element early."""
    return json.dumps(value).replace("</", "<\\/").replace("<!--", "<\\!--")


def first_render(layout: Any) -> str:
    """The layout as HTML, rendered by the page's own code (``wasmdash.vdom``), or "" if it cannot be.

    The page shows it before Python has booted; the page's renderer then adopts these nodes.
    """
    from wasmdash._html_render import render_html
    from wasmdash.vdom import render_layout

    try:
        return render_html(render_layout(layout, report=lambda message: None))
    except Exception:  # noqa: BLE001 - the page renders (and reports) it again once booted
        logger.exception("the first render of the layout failed; the page renders it after boot")
        return ""


def render_index(
    app: Any,
    *,
    debug: bool = False,
    layout: Any = None,
    prefix: str | None = None,
    static_url: str | None = None,
    extra_config: dict[str, Any] | None = None,
    url: str | None = None,
) -> str:
    """The HTML of the page for ``app``, with the layout's first render in the mount point.

    Args:
        layout: the layout JSON to render into the page; by default ``app.layout_json()``.
        prefix, static_url: override the app's URLs (a static export uses relative ones).
        extra_config: more keys for the page config (a static export's app and wheels).
        url: the requested path and query: a Dash Pages app renders that page, with its title.
    """
    app._setup()  # so validation_problems is current
    config = page_config(app, debug=debug)
    if prefix is not None:
        config["requests_pathname_prefix"] = prefix
    if static_url is not None:
        config["static_url"] = static_url
    config.update(extra_config or {})
    # A layout function runs once per page load, for /_dash-layout: its page has no first render.
    from wasmdash.component import Component

    is_function = callable(app.layout) and not isinstance(app.layout, Component)
    if layout is None and not is_function:
        try:
            layout = app.layout_json(url=url)
        except Exception:  # noqa: BLE001 - /_dash-layout answers with the error; the page shows it
            layout = None
    initial = "" if layout is None else first_render(layout)
    config["hydrate"] = bool(initial)
    prefix = config["requests_pathname_prefix"]
    static = config["static_url"]
    assets = asset_files(app)
    assets_url = f"{prefix}{app.config.get('assets_url_path', 'assets').strip('/')}/"
    metas = ['<meta name="viewport" content="width=device-width, initial-scale=1">']
    metas += [f"<meta {_attributes(meta, 'content')}>" for meta in app.config.get("meta_tags") or []]
    page_title = None
    if layout is not None and getattr(app, "use_pages", False):
        from wasmdash._pages import stored_title

        page_title = stored_title(layout)
    title = f"<title>{html.escape(str(app.title if page_title is None else page_title))}</title>"
    favicon = (
        f'<link rel="icon" type="image/x-icon" href="{assets_url}favicon.ico">' if "favicon.ico" in assets else ""
    )
    css = [f'<link rel="stylesheet" {_attributes(sheet, "href")}>' for sheet in app.config.external_stylesheets]
    css.append(f'<link rel="stylesheet" href="{static}wasmdash.css">')
    css += [
        f'<link rel="stylesheet" href="{assets_url}{html.escape(name)}">' for name in assets if name.endswith(".css")
    ]
    app_entry = f'<div id="react-entry-point">{initial}</div>'
    config_script = f'<script id="_wasmdash-config" type="application/json">{_json_for_script(config)}</script>'
    scripts = [f"<script {_attributes(script, 'src')}></script>" for script in app.config.external_scripts]
    scripts += [
        f'<script src="{assets_url}{html.escape(name)}"></script>' for name in assets if name.endswith(".js")
    ]
    for inline in getattr(app, "_inline_scripts", []):
        safe = inline.replace("</script", "<\\/script")
        scripts.append(f"<script>{safe}</script>")
    renderer = f'<script type="module" src="{static}loader.js"></script>'
    parts = {
        "metas": "\n".join(metas),
        "title": title,
        "favicon": favicon,
        "css": "\n".join(css),
        "app_entry": app_entry,
        "config": config_script,
        "scripts": "\n".join(scripts),
        "renderer": renderer,
    }
    custom = index_string(app)
    if custom is not None:
        return interpolate_index(custom, parts)
    head = ['<meta charset="utf-8">', *metas, title] + ([favicon] if favicon else []) + css
    body = [app_entry, config_script, *scripts, renderer]
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


#: Placeholders a custom ``index_string`` must contain (Dash's rule), and the optional ones.
REQUIRED_PLACEHOLDERS = ("app_entry", "config", "scripts", "renderer")
OPTIONAL_PLACEHOLDERS = ("metas", "title", "favicon", "css")


def index_string(app: Any) -> str | None:
    """The app's custom ``index_string`` (``app.index_string = ...`` or ``Dash(index_string=...)``)."""
    custom = getattr(app, "index_string", None) or app.config.get("index_string")
    return custom if isinstance(custom, str) and custom else None


def interpolate_index(template: str, parts: dict[str, str]) -> str:
    """Fill Dash's ``{%name%}`` placeholders.

    Raises:
        InvalidIndexException: a required placeholder is missing (named, as Dash does).
    """
    from wasmdash.exceptions import InvalidIndexException

    missing = [name for name in REQUIRED_PLACEHOLDERS if f"{{%{name}%}}" not in template]
    if missing:
        raise InvalidIndexException(
            "The index_string is missing " + ", ".join(f"{{%{name}%}}" for name in missing)
            + f". It must contain {', '.join(f'{{%{n}%}}' for n in REQUIRED_PLACEHOLDERS)}; "
            f"{', '.join(f'{{%{n}%}}' for n in OPTIONAL_PLACEHOLDERS)} are optional."
        )
    out = template
    for name, value in parts.items():
        out = out.replace(f"{{%{name}%}}", value)
    return out
