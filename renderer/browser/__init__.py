"""The browser edge: the only wasmdash code that imports ``js`` or ``pyodide``.

It runs inside the module Web Worker started by ``static/loader.js``: ``boot`` fetches the layout and
the dependencies and builds a ``Runtime`` with the implementations below.
"""
