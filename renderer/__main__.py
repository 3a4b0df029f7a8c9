"""``python -m wasmdash run app.py``: the same as the ``wasmdash`` command."""

from __future__ import annotations

if __name__ == "__main__":
    from wasmdash.server.cli import main  # host only; never imported in the page

    raise SystemExit(main())
