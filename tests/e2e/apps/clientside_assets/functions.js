// Functions for ClientsideFunction("ui", ...), loaded from the app's assets folder as in Dash.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  ui: {
    double: function (value) {
      return value === undefined || value === null ? "" : String(value) + String(value);
    },
    // [upper, length]; "same" keeps the length as it is; "stop" prevents the whole update.
    split: function (value) {
      if (value === "stop") throw window.dash_clientside.PreventUpdate;
      return [value.toUpperCase(), value === "same" ? window.dash_clientside.no_update : value.length];
    },
    context: function (a, b, label) {
      const c = window.dash_clientside.callback_context;
      return JSON.stringify({
        triggered_id: c.triggered_id,
        triggered: c.triggered,
        inputs: c.inputs,
        states: c.states,
        inputs_list: c.inputs_list.map((i) => i.id),
        states_list: c.states_list.map((s) => s.id),
        outputs_list: c.outputs_list,
      });
    },
    later: function (value) {
      return new Promise((resolve) => setTimeout(() => resolve("later: " + value), 0));
    },
    // Waits until the test calls window.releaseHeld(); running= disables the button meanwhile.
    held: function (n) {
      return new Promise((resolve) => { window.releaseHeld = () => resolve("released " + n); });
    },
    total: function (values) {
      return "total " + values.reduce((a, b) => a + (Number(b) || 0), 0);
    },
    echo: function (value) {
      const id = window.dash_clientside.callback_context.triggered_id;
      return value ? id.index + ":" + value : "";
    },
    broken: function (n) {
      return undefined.crash;
    },
    rejected: function (n) {
      return Promise.reject(new Error("the promise was rejected " + n));
    },
  },
});
