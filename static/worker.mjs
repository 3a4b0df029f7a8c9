// The module Web Worker that runs Python: loads Pyodide (self-hosted in runtime/), installs the
// page-side wasmdash wheel and hands control to wasmdash.browser.boot. Messages both ways are JSON
// strings; Python posts op batches itself (renderer/browser/).
let handleEvent = null;
const early = [];

function post(message) {
  self.postMessage(JSON.stringify(message));
}

// The layout and dependencies are fetched while Pyodide boots; Python gets the texts (or null, and
// then fetches them itself, reporting any failure in the page).
function prefetch(url) {
  return fetch(url).then((r) => (r.ok ? r.text() : null), () => null);
}

async function start(config) {
  const layout = prefetch(config.base_url + "_dash-layout");
  const dependencies = prefetch(config.base_url + "_dash-dependencies");
  const runtimeUrl = new URL("runtime/", config.static_url_abs).href;
  const pyodideModule = import(runtimeUrl + "pyodide.mjs");  // in parallel with the manifest
  const manifest = await (await fetch(runtimeUrl + "manifest.json")).json();
  // Start downloading the wheel while Pyodide boots.
  const download = (name) => fetch(runtimeUrl + name).then((r) => {
    if (!r.ok) throw new Error(`cannot fetch ${name}: HTTP ${r.status}`);
    return r.arrayBuffer();
  });
  const wheel = download(manifest.wheel);
  // Pure-Python wheels the page-side package may import (markdown-it-py for dcc.Markdown...).
  const extras = (manifest.page_wheels || []).map(download);
  const { loadPyodide } = await pyodideModule;
  const pyodide = await loadPyodide({ indexURL: runtimeUrl });
  // unpackArchive, not micropip: one small pure-Python wheel with no dependencies needs no
  // resolver, and skipping micropip saves loading it (and its imports) on every page load.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  for (const extra of await Promise.all(extras)) pyodide.unpackArchive(extra, "wheel", { extractDir: sitePackages });
  const boot = pyodide.pyimport("wasmdash.browser.boot");
  handleEvent = boot.handle_event;
  for (const message of early.splice(0)) handleEvent(message);
  await boot.boot(JSON.stringify(config), await layout, await dependencies);
}

self.onmessage = (e) => {
  const message = JSON.parse(e.data);
  if (message.type === "start") {
    start(message.config).catch((err) => {
      post({ type: "error", message: `wasmdash failed to start: ${err.message || err}`, traceback: err.stack || "" });
      post({ type: "ready" });  // nothing will settle; show the error instead of waiting forever
    });
  } else if (handleEvent !== null) {
    handleEvent(e.data);
  } else {
    early.push(e.data);
  }
};
