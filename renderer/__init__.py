"""wasmdash: Dash-compatible apps whose renderer is Python running in the browser on Pyodide."""

from __future__ import annotations

__version__ = "0.1.0"
