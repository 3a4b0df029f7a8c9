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

// A static export (wasmdash build) has no server for the layout: the app's own source runs here,
// and its pure-Python requirements (wheels next to the page) are installed with micropip.
async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  return response.text();
}

async function installRequirements(pyodide, app, baseUrl) {
  if (app.pyodide_packages && app.pyodide_packages.length) await pyodide.loadPackage(app.pyodide_packages);
  if (!app.wheels || !app.wheels.length) return;
  await pyodide.loadPackage("micropip");
  const micropip = pyodide.pyimport("micropip");
  const urls = app.wheels.map((wheel) => new URL(wheel, baseUrl).href);
  await micropip.install.callKwargs(urls, { deps: false });
}

// Packages Pyodide builds itself (numpy...) come from the package base URL the build was given;
// micropip stays the copy in runtime/ (its lock entry names that file).
async function pyodideOptions(runtimeUrl, app) {
  const options = { indexURL: runtimeUrl };
  if (app && app.pyodide_packages_url) {
    const lock = await (await fetch(runtimeUrl + "pyodide-lock.json")).json();
    lock.packages.micropip.file_name = new URL(lock.packages.micropip.file_name, runtimeUrl).href;
    options.lockFileContents = lock;
    options.packageBaseUrl = app.pyodide_packages_url;
  }
  return options;
}

// The page's path and query: a Dash Pages app answers with that page already in its layout.
function layoutQuery(config) {
  const here = new URL(config.href);
  return "?url=" + encodeURIComponent(here.pathname + here.search);
}

async function start(config) {
  const app = config.static_app || null;
  const layout = app ? null : prefetch(config.base_url + "_dash-layout" + layoutQuery(config));
  const dependencies = app ? null : prefetch(config.base_url + "_dash-dependencies");
  const appSource = app ? fetchText(new URL(app.source, config.base_url).href) : null;
  // The page's Python clientside callbacks (a small module), when the app has some.
  const clientside = dependencies && dependencies.then((text) => (
    text && text.includes('"_wasmdash_python"') ? prefetch(config.base_url + "_wasmdash/clientside.py") : null));
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
  const pyodide = await loadPyodide(await pyodideOptions(runtimeUrl, app));
  // unpackArchive, not micropip: one small pure-Python wheel with no dependencies needs no
  // resolver, and skipping micropip saves loading it (and its imports) on every page load.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  pyodide.unpackArchive(await wheel, "wheel", { extractDir: sitePackages });
  for (const extra of await Promise.all(extras)) pyodide.unpackArchive(extra, "wheel", { extractDir: sitePackages });
  if (app) await installRequirements(pyodide, app, config.base_url);
  const boot = pyodide.pyimport("wasmdash.browser.boot");
  handleEvent = boot.handle_event;
  for (const message of early.splice(0)) handleEvent(message);
  await boot.boot(
    JSON.stringify(config), await layout, await dependencies, app ? await appSource : null, clientside ? await clientside : null);
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
