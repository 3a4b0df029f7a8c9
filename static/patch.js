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

  // Hydration: match the host-rendered DOM (renderer/_html_render.py render_html) against specs,
  // collecting [node, spec] pairs children first; false at the first node that does not fit. Comments the
  // HTML put between adjacent text nodes are skipped; an empty text node (no HTML) is created.
  function adopt(node, spec, claimed) {
    if (spec.text !== undefined) {
      if (node.nodeType !== Node.TEXT_NODE) return false;
    } else if (spec.comment !== undefined) {
      if (node.nodeType !== Node.COMMENT_NODE) return false;
    } else {
      if (node.nodeType !== Node.ELEMENT_NODE || node.nodeName.toLowerCase() !== spec.tag.toLowerCase()) return false;
      const opaque = spec.tag === "textarea" || (spec.props && typeof spec.props.innerHTML === "string");
      if (!opaque && !adoptChildren(node, spec.children || [], claimed)) return false;
    }
    claimed.push([node, spec]);
    return true;
  }

  function adoptChildren(parent, specs, claimed) {
    let child = parent.firstChild;
    for (const spec of specs) {
      while (child && child.nodeType === Node.COMMENT_NODE && spec.comment === undefined) child = child.nextSibling;
      if (spec.text === "" && (child === null || child.nodeType !== Node.TEXT_NODE)) {
        const empty = document.createTextNode("");
        parent.insertBefore(empty, child);
        claimed.push([empty, spec]);
        continue;
      }
      if (child === null || !adopt(child, spec, claimed)) return false;
      child = child.nextSibling;
    }
    while (child && child.nodeType === Node.COMMENT_NODE) child = child.nextSibling;
    return child === null;
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
    hydrate(ref, spec) {
      const parent = get(ref);
      const claimed = [];
      if (adoptChildren(parent, [spec], claimed)) {
        for (const [node, each] of claimed) {
          node[REF] = each.ref;
          nodes.set(each.ref, node);
          if (each.text !== undefined) {
            if (node.data !== each.text) node.data = each.text;
          } else if (each.props) {
            for (const name in each.props) {
              // what the user typed or ticked before Python was ready stays; loader.js replays it
              if (name === "value" && typeof node.defaultValue === "string" && node.value !== node.defaultValue) continue;
              if (name === "checked" && node.checked !== node.defaultChecked) continue;
              setProp(node, name, each.props[name]);
            }
          }
        }
      } else {
        for (let child = parent.firstChild; child; child = child.nextSibling) forget(child);
        parent.replaceChildren(build(spec));
      }
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
