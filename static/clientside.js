// Dash's JavaScript clientside callbacks, run on the main thread (where window, the DOM and the
// functions of the app's assets live) for the Python scheduler in the worker.
//
// The worker sends {type: "clientside", call, function: {namespace, function_name}, body}, body being
// a _dash-update-component request; we call window.dash_clientside[namespace][function_name] with
// the input then state values and answer {type: "clientside-result", call, status, ...}:
// "ok" with response (the server's {multi, response} shape), "prevent" (dash_clientside.PreventUpdate
// thrown), or "error" with error and stack. dash_clientside.set_props(id, props) is sent at once as
// {type: "clientside-set-props", id, props}. Semantics follow dash-renderer's handleClientside.

function stringifyId(id) {
  if (typeof id !== "object" || id === null) return String(id);
  return "{" + Object.keys(id).sort().map((k) => JSON.stringify(k) + ":" + JSON.stringify(id[k])).join(",") + "}";
}

function valuesOf(item) {
  return Array.isArray(item) ? item.map((one) => one.value) : item.value;
}

// {"id.prop": value} over resolved inputs (a wildcard input is an array of them).
function byPropId(items) {
  const out = {};
  for (const item of items || []) {
    for (const one of Array.isArray(item) ? item : [item]) out[`${stringifyId(one.id)}.${one.property}`] = one.value ?? null;
  }
  return out;
}

function triggeredId(changed) {
  if (!changed || !changed.length) return undefined;
  const first = changed[0];
  return first.startsWith("{") ? JSON.parse(first.slice(0, first.lastIndexOf("}") + 1)) : first.slice(0, first.lastIndexOf("."));
}

function short(value) {
  let text;
  try { text = JSON.stringify(value); } catch (err) { text = String(value); }
  if (text === undefined) text = String(value);
  return text.length > 200 ? text.slice(0, 200) + "..." : text;
}

// window.dash_clientside with no_update and PreventUpdate, which the app compares by identity.
function namespaceRoot(post) {
  const dc = (window.dash_clientside = window.dash_clientside || {});
  if (!("no_update" in dc)) {
    Object.defineProperty(dc, "no_update", { value: { description: "Return to prevent updating an Output." }, writable: false });
    Object.defineProperty(dc, "PreventUpdate", { value: { description: "Throw to prevent updating all Outputs." }, writable: false });
  }
  if (!dc.set_props || !dc.set_props.wasmdash) {
    const setProps = (id, props) => post({ type: "clientside-set-props", id, props });
    setProps.wasmdash = true;
    dc.set_props = setProps;
  }
  return dc;
}

function lookup(dc, { namespace, function_name: name }) {
  const ns = dc[namespace];
  if (ns === undefined || ns === null) {
    throw new Error(`window.dash_clientside.${namespace} is not defined: no script in assets/ (or inline) defines the namespace "${namespace}" for ClientsideFunction("${namespace}", "${name}")`);
  }
  if (typeof ns[name] !== "function") {
    const known = Object.keys(ns).filter((k) => typeof ns[k] === "function");
    throw new Error(`window.dash_clientside.${namespace}.${name} is not a function (${typeof ns[name]}); the namespace has: ${known.join(", ") || "nothing"}`);
  }
  return ns[name];
}

// The callback's value(s) as {idStr: {prop: value}}, skipping no_update (Dash's zipIfArray rule).
function collect(dc, outputs, value, fn) {
  const result = {};
  const put = (out, val) => {
    if (val === dc.no_update) return;
    const key = stringifyId(out.id);
    (result[key] = result[key] || {})[out.property.split("@")[0]] = val;
  };
  const pairs = (outs, vals, what) => {
    if (!Array.isArray(outs)) return [[outs, vals]];
    if (vals === dc.no_update) return [];
    if (!Array.isArray(vals) || vals.length !== outs.length) {
      throw new Error(`clientside function ${fn.namespace}.${fn.function_name} must return an array of ${outs.length} values (${what}), got ${short(vals)}`);
    }
    return outs.map((o, i) => [o, vals[i]]);
  };
  for (const [out, val] of pairs(outputs, value, "one per output")) {
    for (const [one, v] of pairs(out, val, "one per component matched by the wildcard output")) put(one, v);
  }
  return result;
}

export function createClientside(post) {
  namespaceRoot(post);
  return async function run({ call, function: fn, body }) {
    const dc = namespaceRoot(post);
    try {
      const func = lookup(dc, fn);
      const inputs = body.inputs || [];
      const state = body.state || [];
      const args = inputs.map(valuesOf).concat(state.map(valuesOf));
      const inputDict = byPropId(inputs);
      const changed = body.changedPropIds || [];
      dc.callback_context = {
        triggered: changed.map((prop_id) => ({ prop_id, value: inputDict[prop_id] })),
        triggered_id: triggeredId(changed),
        inputs_list: inputs,
        inputs: inputDict,
        states_list: state,
        states: byPropId(state),
        outputs_list: body.outputs,
      };
      let value;
      try {
        value = func(...args);
      } finally {
        delete dc.callback_context;  // as in Dash: only during the synchronous part of the call
      }
      if (value && typeof value.then === "function") value = await value;
      const response = collect(dc, body.outputs, value, fn);
      post({ type: "clientside-result", call, status: "ok", response: { multi: true, response } });
    } catch (err) {
      if (err === dc.PreventUpdate) {
        post({ type: "clientside-result", call, status: "prevent" });
        return;
      }
      const error = err instanceof Error ? `${err.name}: ${err.message}` : `the clientside function threw ${short(err)}`;
      post({ type: "clientside-result", call, status: "error", error, stack: (err && err.stack) || "" });
    }
  };
}
