// dcc.Graph on the main thread: draws figures with plotly.js and reports plotly.js events to Python.
// Imported by loader.js on a page's first Graph (see renderer/dcc/graph.py for the calls and the
// event shapes). plotly.js itself is self-hosted at <static>/runtime/plotly.min.js and loaded by a
// <script> tag on the first draw, so pages without a Graph never fetch it.

const graphs = new Map(); // root ref -> {gd, outer, spec, plotted, observer}
let plotlyLoading = null;

function loadPlotly(staticUrl) {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (plotlyLoading === null) {
    plotlyLoading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("runtime/plotly.min.js", staticUrl).href;
      script.async = true;
      script.onload = () => (window.Plotly ? resolve(window.Plotly) : reject(new Error(`${script.src} did not define Plotly`)));
      script.onerror = () => {
        plotlyLoading = null;
        script.remove();
        reject(new Error(`could not load ${script.src}`));
      };
      document.head.appendChild(script);
    });
  }
  return plotlyLoading;
}

const isPlain = (value) => value === null || typeof value !== "object";

// Dash's shape of click/hover/selection data: each point keeps its scalar fields (not the trace,
// axes or layout objects plotly.js hangs on it), plus bbox, customdata and pointNumbers.
function filterPoints(gd, eventData) {
  if (eventData === null || eventData === undefined || !Array.isArray(eventData.points)) return null;
  const points = eventData.points.map((full) => {
    const point = {};
    for (const key in full) if (isPlain(full[key])) point[key] = full[key];
    if ("bbox" in full) point.bbox = full.bbox;
    const trace = gd.data && gd.data[point.curveNumber];
    if ("curveNumber" in full && trace && "customdata" in trace) {
      if ("pointNumber" in full) {
        if (typeof full.pointNumber === "number") point.customdata = trace.customdata[full.pointNumber];
        else if (!full.pointNumber && full.data && String(full.data.mode || "").includes("lines")) point.customdata = trace.customdata;
      } else if ("pointNumbers" in full) {
        point.customdata = full.pointNumbers.map((n) => trace.customdata[n]);
      }
    }
    if ("pointNumbers" in full) point.pointNumbers = full.pointNumbers;
    return point;
  });
  const out = { points };
  if ("range" in eventData) out.range = eventData.range;
  if ("lassoPoints" in eventData) out.lassoPoints = eventData.lassoPoints;
  return out;
}

// JSON round trip: drops what cannot cross to the worker (functions, DOM nodes would throw).
function plain(value) {
  try {
    return JSON.parse(JSON.stringify(value === undefined ? null : value));
  } catch (err) {
    return null;
  }
}

function bindEvents(page, ref, state) {
  const gd = state.gd;
  const emit = (props) => page.emit(ref, props);
  gd.on("plotly_click", (data) => {
    const clickData = filterPoints(gd, data);
    if (clickData !== null) emit({ clickData: plain({ ...clickData, timestamp: Date.now() }) });
  });
  gd.on("plotly_clickannotation", (data) => {
    const { event, fullAnnotation, ...rest } = data || {};
    emit({ clickAnnotationData: plain({ ...rest, timestamp: Date.now() }) });
  });
  gd.on("plotly_hover", (data) => {
    const hoverData = filterPoints(gd, data);
    if (hoverData !== null) emit({ hoverData: plain(hoverData) });
  });
  gd.on("plotly_unhover", () => {
    if (state.spec.clear_on_unhover) emit({ hoverData: null });
  });
  gd.on("plotly_selected", (data) => {
    const selectedData = filterPoints(gd, data);
    if (selectedData !== null) emit({ selectedData: plain(selectedData) });
  });
  gd.on("plotly_deselect", () => emit({ selectedData: null }));
  gd.on("plotly_relayout", (data) => {
    if (data === null || data === undefined) return;
    const props = { relayoutData: plain(data) };
    if (Object.keys(data).some((k) => k === "shapes" || k.startsWith("shapes[")) && gd.layout) {
      props.shapes = plain(gd.layout.shapes || []);
    }
    emit(props);
  });
  gd.on("plotly_restyle", (data) => {
    if (data !== null && data !== undefined) emit({ restyleData: plain(data) });
  });
}

function resize(Plotly, state) {
  const gd = state.gd;
  gd.classList.add("dash-graph--pending");
  return Promise.resolve(Plotly.Plots.resize(gd))
    .catch(() => {})
    .finally(() => gd.classList.remove("dash-graph--pending"));
}

function observe(Plotly, state) {
  if (typeof ResizeObserver === "undefined") return;
  let first = true;
  let frame = 0;
  state.observer = new ResizeObserver(() => {
    if (first) { first = false; return; } // observing reports the current size once
    if (!state.spec.responsive || frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (graphs.get(state.ref) === state) resize(Plotly, state);
    });
  });
  state.observer.observe(state.outer);
}

function forget(ref) {
  const state = graphs.get(ref);
  if (state === undefined) return;
  graphs.delete(ref);
  if (state.observer) state.observer.disconnect();
  if (state.gd.removeAllListeners) state.gd.removeAllListeners();
  if (state.plotted && window.Plotly) window.Plotly.purge(state.gd);
}

// Errors name the Graph (loader.js shows them in the error overlay).
function named(outer, err) {
  const id = outer && outer.id ? `dcc.Graph id=${JSON.stringify(outer.id)}` : "dcc.Graph (no id)";
  const wrapped = new Error(`${id}: ${err && err.message ? err.message : err}`);
  if (err && err.stack) wrapped.stack = err.stack;
  return wrapped;
}

export async function draw(page, ref, plotRef, spec) {
  try {
    await drawNow(page, ref, plotRef, spec);
  } catch (err) {
    throw named(page.node(ref), err);
  }
}

async function drawNow(page, ref, plotRef, spec) {
  const Plotly = await loadPlotly(page.staticUrl);
  const outer = page.node(ref);
  const gd = page.node(plotRef);
  if (!outer || !gd || !gd.isConnected) return; // removed before plotly.js arrived
  let state = graphs.get(ref);
  if (state !== undefined && state.gd !== gd) {
    forget(ref);
    state = undefined;
  }
  if (state === undefined) {
    state = { ref, gd, outer, spec, plotted: false, observer: null };
    graphs.set(ref, state);
  }
  state.spec = spec;
  const figure = { data: spec.data || [], layout: spec.layout ?? undefined, frames: spec.frames ?? undefined, config: spec.config || {} };
  if (spec.animate && state.plotted && Array.isArray(gd.data) && figure.data.length === gd.data.length) {
    if (spec.frames) {
      await Plotly.deleteFrames(gd);
      await Plotly.addFrames(gd, spec.frames);
    }
    await Plotly.animate(gd, figure, spec.animation_options);
    return;
  }
  gd.classList.add("dash-graph--pending");
  await Plotly.react(gd, figure);
  if (graphs.get(ref) !== state) return;
  gd.classList.remove("dash-graph--pending");
  if (!state.plotted) {
    state.plotted = true;
    bindEvents(page, ref, state);
    observe(Plotly, state);
    await resize(Plotly, state); // as Dash does after the first plot (relayoutData {autosize: true})
  }
}

// extendData / prependData: [update, traceIndices?, maxPoints?] or just update.
export async function amend(page, ref, how, value) {
  const state = graphs.get(ref);
  if (state === undefined || !state.plotted) return;
  let update = value;
  let indices;
  let maxPoints;
  if (Array.isArray(value) && value[0] !== null && typeof value[0] === "object") {
    [update, indices, maxPoints] = value;
  }
  if (update === null || typeof update !== "object") return;
  if (!indices) {
    const first = update[Object.keys(update)[0]];
    indices = Array.from(Array(first ? first.length : 0).keys());
  }
  try {
    await window.Plotly[how](state.gd, update, indices, maxPoints);
  } catch (err) {
    throw named(state.outer, err);
  }
}

export function purge(page, ref) {
  forget(ref);
}
