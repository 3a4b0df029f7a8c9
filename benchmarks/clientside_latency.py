"""Input-to-output latency of a Python clientside, a JS clientside and a server callback, in Chromium.

    .venv/bin/python benchmarks/clientside_latency.py [--runs N] [--warmup W]

One app (tests/e2e/apps/clientside_bench.py) echoes an input into a div three ways. Each sample is
measured in the page: `performance.now()` just before the input event is dispatched, and again when a
MutationObserver sees the output's text become the typed value. The three kinds are interleaved, so
they share the same page, worker and server; the table gives the median, 10th and 90th percentiles.
"""
from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from wasmdash.server.testing import CHROMIUM_ARGS, READY_SELECTOR, AppServer, chromium_executable

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "tests" / "e2e" / "apps" / "clientside_bench.py"
KINDS = {"python (in page)": "python", "js (main thread)": "js", "server (HTTP)": "server"}

MEASURE = """
async ([kind, value]) => {
  const input = document.getElementById(kind + "-in");
  const output = document.getElementById(kind + "-out");
  const changed = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (output.textContent === value) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(output, { childList: true, characterData: true, subtree: true });
  });
  input.value = value;
  const start = performance.now();
  input.dispatchEvent(new Event("input", { bubbles: true }));
  return (await changed) - start;
}
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50, help="samples per kind (default 50)")
    parser.add_argument("--warmup", type=int, default=5, help="unmeasured samples per kind first")
    args = parser.parse_args()

    server = AppServer(APP, debug=False)
    samples: dict[str, list[float]] = {kind: [] for kind in KINDS.values()}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(server.url)
            page.wait_for_selector(READY_SELECTOR, state="attached", timeout=120_000)
            for i in range(args.warmup + args.runs):
                for kind in KINDS.values():
                    elapsed = page.evaluate(MEASURE, [kind, f"{kind}-{i}"])
                    if i >= args.warmup:
                        samples[kind].append(elapsed)
            browser.close()
    finally:
        server.stop()

    print(f"input event -> output text, {args.runs} samples each (after {args.warmup} warm-up), Chromium (ms)")
    print(f"{'callback':<20}{'median':>10}{'p10':>10}{'p90':>10}{'min':>10}{'max':>10}")
    for label, kind in KINDS.items():
        values = samples[kind]
        print(
            f"{label:<20}{statistics.median(values):>10.2f}{percentile(values, 0.1):>10.2f}"
            f"{percentile(values, 0.9):>10.2f}{min(values):>10.2f}{max(values):>10.2f}"
        )


if __name__ == "__main__":
    main()
