"""Time from navigation to the ready mark, in Chromium, for an app served by `wasmdash run`.

    .venv/bin/python benchmarks/ready_time.py [APP] [--runs N]

Each run opens the page in a fresh browser context (cold caches: Pyodide is downloaded, compiled and
booted every time) and a second time in the same context (warm HTTP cache). The time is read in the
page: `performance.now()` (milliseconds since navigation started) when `<html>` gets
`data-wasmdash-ready="true"`, recorded by a MutationObserver installed before any page script runs.
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from wasmdash.server.testing import CHROMIUM_ARGS, READY_SELECTOR, AppServer, chromium_executable

ROOT = Path(__file__).resolve().parents[1]

RECORD_READY = """
new MutationObserver((_, observer) => {
  if (document.documentElement.dataset.wasmdashReady === "true") {
    window.__wasmdashReadyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-wasmdash-ready"]});
"""


def measure(context, url: str) -> float:
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(READY_SELECTOR, state="attached", timeout=120_000)
    ready = page.evaluate("window.__wasmdashReadyAt")
    page.close()
    return ready


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app", nargs="?", default=str(ROOT / "examples" / "app.py"))
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    server = AppServer(args.app, debug=False)
    cold, warm = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                context = browser.new_context()
                context.add_init_script(RECORD_READY)
                cold.append(measure(context, server.url))
                warm.append(measure(context, server.url))
                context.close()
            browser.close()
    finally:
        server.stop()

    print(f"navigation -> ready mark, {Path(args.app).name}, {args.runs} runs, Chromium (ms)")
    print(f"{'cache':<8}{'median':>10}{'min':>10}{'max':>10}")
    for name, values in (("cold", cold), ("warm", warm)):
        print(f"{name:<8}{statistics.median(values):>10.0f}{min(values):>10.0f}{max(values):>10.0f}")


if __name__ == "__main__":
    main()
