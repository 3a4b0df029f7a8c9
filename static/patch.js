// Applies the worker's op batches to the DOM and maps DOM nodes back to refs.
// The op format is documented at the top of renderer/vdom.py. Refs are integers; ref 0 is the
// mount point. A node's ref is kept on the node itself (an expando), so a delegated listener can
// walk from an event target to the root collecting refs without asking Python anything.

const REF = "__wasmdashRef";

export function createPatcher(root, actions = {}) {
  const nodes = new Map([[0, root]]);
  root[REF] = 0;

  function build(spec) {
    let node;
    if (spec.text !== undefined) {
      node = document.createTextNode(spec.text);
    } else if (spec.comment !== undefined) {
      node = document.createComment(spec.comment);
    } else {
      node = spec.tag === "svg" || spec.ns === "svg"
        ? document.createElementNS("http://www.w3.org/2000/svg", spec.tag)
        : document.createElement(spec.tag);
      const attrs = spec.attrs;
      if (attrs) for (const name in attrs) node.setAttribute(name, attrs[name]);
      const style = spec.style;
      if (style) for (const name in style) node.style.setProperty(name, style[name]);
      if (spec.children) for (const child of spec.children) node.appendChild(build(child));
      // properties last: a <select>'s value needs its options, an <input>'s needs its type
      const props = spec.props;
      if (props) for (const name in props) setProp(node, name, props[name]);
    }
    node[REF] = spec.ref;
    nodes.set(spec.ref, node);
    return node;
  }

  function setProp(node, name, value) {
    if (node[name] !== value) node[name] = value;
  }

  function forget(node) {
    if (node[REF] !== undefined) nodes.delete(node[REF]);
    for (let child = node.firstChild; child; child = child.nextSibling) forget(child);
  }

  function get(ref) {
    const node = nodes.get(ref);
    if (node === undefined) throw new Error(`wasmdash patch: unknown node ref ${ref}`);
    return node;
  }

  function before(ref) {
    return ref === null || ref === undefined ? null : get(ref);
  }

  const ops = {
    insert(parent, spec, next) { get(parent).insertBefore(build(spec), before(next)); },
    move(parent, ref, next) { get(parent).insertBefore(get(ref), before(next)); },
    replace(ref, spec) {
      const old = get(ref);
      forget(old);
      old.replaceWith(build(spec));
    },
    remove(ref) {
      const node = get(ref);
      forget(node);
      node.remove();
    },
    clear(ref) {
      const node = get(ref);
      for (let child = node.firstChild; child; child = child.nextSibling) forget(child);
      node.replaceChildren();
    },
    setAttr(ref, name, value) { get(ref).setAttribute(name, value); },
    removeAttr(ref, name) { get(ref).removeAttribute(name); },
    style(ref, changes) {
      const style = get(ref).style;
      for (const name in changes) {
        const value = changes[name];
        if (value === null) style.removeProperty(name);
        else style.setProperty(name, value);
      }
    },
    setProp(ref, name, value) { setProp(get(ref), name, value); },
    text(ref, text) { get(ref).data = text; },
    call(name, args) {
      const action = actions[name];
      if (action === undefined) throw new Error(`wasmdash patch: unknown page action ${name}`);
      action(...args);
    },
  };

  function apply(batch) {
    for (const op of batch) {
      const fn = ops[op[0]];
      if (fn === undefined) throw new Error(`wasmdash patch: unknown op ${JSON.stringify(op[0])}`);
      fn(...op.slice(1));
    }
  }

  // The refs of target and of each ancestor that has one, innermost first, up to the mount point.
  function refsOf(target) {
    const refs = [];
    for (let node = target; node && node !== root; node = node.parentNode) {
      if (node[REF] !== undefined) refs.push(node[REF]);
    }
    return refs;
  }

  return { apply, refsOf, nodes, get: (ref) => nodes.get(ref) };
}
