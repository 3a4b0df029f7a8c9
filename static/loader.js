// The main thread's whole job: start the Python worker, apply its op batches, forward events.
// Python (Pyodide) runs in static/worker.mjs, a module Web Worker, so it never blocks the page.
import { createPatcher } from "./patch.js";
import { createClientside } from "./clientside.js";

const EVENTS = ["click", "input", "change", "keydown", "focusout", "submit"];
// Keys worth a message: Enter submits, the rest drive keyboard widgets (dropdowns, sliders).
const KEYS = new Set(["Enter", "Escape", "ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Backspace", "Tab", "Home", "End"]);

const configElement = document.getElementById("_wasmdash-config");
const config = configElement ? JSON.parse(configElement.textContent) : {};
const prefix = config.requests_pathname_prefix || "/";
const staticUrl = new URL(config.static_url || prefix + "_wasmdash/static/", document.baseURI).href;
const baseUrl = new URL(prefix, document.baseURI).href;

const root = document.getElementById("react-entry-point") || document.body;

// Errors (and, in debug mode, warnings) go to the console and to one dismissable overlay.
function showError(message, traceback, kind = "error") {
  const text = traceback ? `${message}\n\n${traceback}` : message;
  if (kind === "warning") console.warn(text); else console.error(text);
  let overlay = document.getElementById("_wasmdash-error-overlay");
  if (!overlay) {
    overlay = document.createElement("div");
    overlay.id = "_wasmdash-error-overlay";
    overlay.setAttribute("role", "alert");
    const close = document.createElement("button");
    close.type = "button";
    close.className = "_wasmdash-error-close";
    close.setAttribute("aria-label", "Dismiss");
    close.textContent = "\u00d7";
    close.addEventListener("click", () => overlay.remove());
    const list = document.createElement("div");
    list.className = "_wasmdash-error-list";
    overlay.append(close, list);
    document.body.appendChild(overlay);
  }
  const item = document.createElement("pre");
  item.className = kind === "warning" ? "_wasmdash-error _wasmdash-warning" : "_wasmdash-error";
  item.textContent = text;
  overlay.querySelector("._wasmdash-error-list").appendChild(item);
}

const actions = {
  focus(ref) { patcher.get(ref)?.focus(); },
  reveal(ref) { patcher.get(ref)?.scrollIntoView({ block: "nearest" }); },
  // dcc.Download: save content as a file through a temporary link.
  download(content, filename, isBase64, type) {
    const body = isBase64 ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
    const url = URL.createObjectURL(new Blob([body], type ? { type } : {}));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },
  // dcc.Clipboard: copy text (and HTML), or the text of the element with id targetId.
  clipboard(content, html, targetId) {
    if (targetId !== null && targetId !== undefined) {
      const target = document.getElementById(targetId);
      if (!target) {
        showError(`dcc.Clipboard copy failed: no element found for target_id ${targetId}`);
        return;
      }
      content = target.innerText || (typeof target.value === "string" ? target.value : "");
      html = null;
      if (!content) return;
    }
    if (!navigator.clipboard) {
      console.warn("dcc.Clipboard: copy to clipboard is not available in this browser");
      return;
    }
    const done = html
      ? navigator.clipboard.write([new ClipboardItem({
          "text/plain": new Blob([content ?? html], { type: "text/plain" }),
          "text/html": new Blob([html], { type: "text/html" }),
        })])
      : navigator.clipboard.writeText(content);
    done.catch((err) => showError(`dcc.Clipboard could not write to the clipboard: ${err.message || err}`));
  },
  // dcc.ConfirmDialog: confirm() blocks, so it runs after this batch is applied, not inside it.
  confirm(ref, message) {
    setTimeout(() => {
      const result = window.confirm(message);
      post({ type: "event", event: { type: "confirm", refs: [ref], result, timestamp: Date.now() } });
    }, 0);
  },
  storage(kind, key, json) {
    const store = kind === "session" ? window.sessionStorage : window.localStorage;
    if (json === null) store.removeItem(key); else store.setItem(key, json);
  },
  // Dash Pages: the page's title (wasmdash.dcc._document_title).
  title(text) {
    document.title = text;
  },
  // push/replace: change the URL without loading; notify: tell Python's Locations (as popstate).
  location(how, href, notify) {
    if (how === "push" || how === "replace") {
      const url = new URL(href, window.location.href).href;
      if (url !== window.location.href) {
        if (how === "push") window.history.pushState({}, "", url);
        else window.history.replaceState({}, "", url);
        if (notify) window.scrollTo(0, 0);
      }
      if (notify) post({ type: "event", event: { type: "popstate", refs: [], href: window.location.href, timestamp: Date.now() } });
    } else if (how === "reload") {
      window.location.reload();
    } else {
      window.location.assign(href);
    }
  },
};
// Components drawn by a JS library (dcc.Graph over plotly.js) bring a main-thread module in static/,
// imported on first use: ["call", "module", [src, fn, ...args]] calls its export fn(page, ...args).
// Calls to one module run in order, after its import.
const modules = new Map();
actions.module = (src, fn, ...args) => {
  let loaded = modules.get(src);
  if (loaded === undefined) {
    loaded = import(new URL(src, staticUrl).href);
    modules.set(src, loaded);
  }
  const next = loaded.then(async (mod) => {
    await mod[fn](modulePage, ...args);
    return mod;
  }).catch((err) => {
    showError(`wasmdash: ${src} ${fn} failed: ${err.message || err}`, err.stack);
    return loaded;
  });
  modules.set(src, next);
};
const modulePage = {
  node: (ref) => patcher.get(ref),
  staticUrl,
  // Report prop changes of the component whose root node is `ref` (see wasmdash.events "widget").
  emit: (ref, props) => post({ type: "event", event: { type: "widget", refs: [ref], props, timestamp: Date.now() } }),
};
const patcher = createPatcher(root, actions);

const worker = new Worker(new URL("worker.mjs", staticUrl), { type: "module" });
const post = (message) => worker.postMessage(JSON.stringify(message));
// Dash's JS clientside callbacks run here, called by the Python scheduler in the worker.
const runClientside = createClientside(post);

worker.onmessage = (e) => {
  const message = JSON.parse(e.data);
  switch (message.type) {
    case "ops":
      try {
        patcher.apply(message.ops);
      } catch (err) {
        showError(`wasmdash could not apply a DOM update: ${err.message}`, err.stack);
      }
      if (early !== null && message.ops.some((op) => op[0] === "hydrate" || (op[0] === "insert" && op[1] === 0))) replayEarly();
      break;
    case "ready":
      if (early !== null) replayEarly();
      document.documentElement.setAttribute("data-wasmdash-ready", "true");
      break;
    case "error":
      showError(message.message, message.traceback);
      break;
    case "warning":
      showError(message.message, "", "warning");
      break;
    case "clientside":
      runClientside(message);
      break;
  }
};
worker.onerror = (e) => showError(`wasmdash worker failed: ${e.message}`);

// The host renders the first page into the HTML. Until Python adopts those nodes (the "hydrate"
// op) they have no refs, so events on them are kept, with their target, and sent right after.
let early = root.hasChildNodes() ? [] : null;

function replayEarly() {
  const queued = early || [];
  early = null;
  for (const [target, event, related] of queued) send(target, event, related);
}

function send(target, event, related) {
  // a first render the page could not adopt was rebuilt: find the new node by its id
  if (!target.isConnected && target.id) target = document.getElementById(target.id) || target;
  const refs = patcher.refsOf(target);
  if (refs.length === 0) return;
  event.refs = refs;
  if (related) event.related = patcher.refsOf(related);
  post({ type: "event", event });
}

function forward(e) {
  if (e.type === "keydown" && !KEYS.has(e.key)) return;
  if (early === null && patcher.refsOf(e.target).length === 0) return;
  const t = e.target;
  const event = { type: e.type, timestamp: Date.now() };
  if (e.type === "keydown") event.key = e.key;
  if (typeof t.value === "string" && t.tagName !== "BUTTON" && t.tagName !== "LI") event.value = t.value;
  if (t.type === "checkbox" || t.type === "radio") event.checked = t.checked;
  if (t.validity) event.valid = t.validity.valid;
  const related = e.type === "focusout" ? e.relatedTarget : null;
  if (t.tagName === "SELECT" && t.multiple) event.selected = Array.from(t.selectedOptions, (o) => o.value);
  // Links rendered by dcc.Link navigate in the page (history API), not by loading a new document.
  if (e.type === "click") {
    const link = t.closest && t.closest("a[data-wasmdash-link]");
    if (link && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey && e.button === 0) e.preventDefault();
    else if (link) event.modified = true;
  }
  if (early !== null) early.push([t, event, related]);
  else send(t, event, related);
}
for (const type of EVENTS) root.addEventListener(type, forward);

// Widgets drawn by Python that keep the keyboard in one field (dcc.Dropdown's search box) mark
// their root with data-wasmdash-focus="<selector>": pressing anywhere inside focuses that field at
// once, before the click reaches Python, so typing right after a click is not lost.
root.addEventListener("mousedown", (e) => {
  const host = e.target.closest && e.target.closest("[data-wasmdash-focus]");
  if (!host) return;
  const field = host.querySelector(host.getAttribute("data-wasmdash-focus"));
  if (!field || field === e.target || field.disabled) return;
  e.preventDefault();
  field.focus();
});

// dcc.Upload: the file picker opens only inside the user's click, and files are read here.
function readFiles(files) {
  return Promise.all(Array.from(files, (file) => new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ name: file.name, type: file.type, size: file.size, last_modified: file.lastModified, contents: reader.result });
    reader.onerror = () => resolve(null);
    reader.readAsDataURL(file);
  }))).then((read) => read.filter(Boolean));
}
function sendFiles(area, files) {
  readFiles(files).then((read) => {
    if (read.length) post({ type: "event", event: { type: "upload", refs: patcher.refsOf(area), files: read, timestamp: Date.now() } });
  });
}
root.addEventListener("click", (e) => {
  const area = e.target.closest && e.target.closest("[data-wasmdash-upload-click]");
  if (!area || e.target.matches("input[type=file]")) return;
  area.querySelector(":scope > input[type=file]")?.click();
});
root.addEventListener("change", (e) => {
  const area = e.target.matches("input[type=file]") && e.target.closest("[data-wasmdash-upload]");
  if (!area) return;
  sendFiles(area, e.target.files);
  e.target.value = "";  // choosing the same file again is a new upload
});
root.addEventListener("dragover", (e) => {
  if (e.target.closest && e.target.closest("[data-wasmdash-upload]")) e.preventDefault();
});
root.addEventListener("drop", (e) => {
  const area = e.target.closest && e.target.closest("[data-wasmdash-upload]");
  if (!area) return;
  e.preventDefault();
  sendFiles(area, e.dataTransfer.files);
});
window.addEventListener("popstate", () => post({ type: "event", event: { type: "popstate", refs: [], href: window.location.href, timestamp: Date.now() } }));

window.addEventListener("storage", (e) => {
  if (e.storageArea === window.localStorage && e.key !== null) {
    post({ type: "event", event: { type: "storage", refs: [], key: e.key, value: e.newValue, timestamp: Date.now() } });
  }
});

// dcc.Store reads browser storage synchronously in Python, from this snapshot.
function snapshot(store) {
  const out = {};
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      out[key] = store.getItem(key);
    }
  } catch (err) {
    // storage can be unavailable (privacy settings); Stores then start empty
  }
  return out;
}

post({
  type: "start",
  config: {
    ...config,
    base_url: baseUrl,
    static_url_abs: staticUrl,
    href: window.location.href,
    storage: { local: snapshot(window.localStorage), session: snapshot(window.sessionStorage) },
  },
});
