// The ports of core.call nodes. core.call has no ports of its own: a call node's inputs are the
// called pipeline's declared inputs and its outputs the declared outputs, typed (as the server types
// them) by the output ports they come from. Fetched once per called pipeline, then redrawn.
import { get, seg } from './api.js';
import { catalog } from './catalog.js';

export const CALL = 'core.call';

export class CallSignatures {
  /** @param {() => void} onLoaded called when a signature arrives, to redraw */
  constructor(onLoaded) {
    this.onLoaded = onLoaded;
    this.known = new Map();
    this.loading = new Set();
  }

  /** @returns the function description a node is drawn and inspected with */
  fnOf(node) {
    const fn = catalog.fn(node.function);
    if (node.function !== CALL) return fn;
    const called = node.params && node.params.pipeline;
    const signature = called ? this.known.get(called) : null;
    if (called && !signature) this.load(called);
    const base = fn || { id: CALL, name: 'Call a stored pipeline', deviceType: null, plugin: 'built-in', pluginVersion: '' };
    return { ...base, name: called ? `Call ${called}` : base.name, inputs: signature ? signature.inputs : [], outputs: signature ? signature.outputs : [] };
  }

  /** Forget what was fetched: a called pipeline may have been saved since. */
  clear() { this.known.clear(); }

  async load(id) {
    if (this.loading.has(id)) return;
    this.loading.add(id);
    try {
      this.known.set(id, signatureOf(await get(`/pipelines/${seg(id)}`)));
      this.onLoaded();
    } catch (e) {
      this.known.set(id, { inputs: [], outputs: [] }); // the server's validation names what is wrong
    } finally {
      this.loading.delete(id);
    }
  }
}

function signatureOf(pipeline) {
  const inputs = (pipeline.inputs || []).map((i) => ({ name: i.name, type: i.type, required: i.default === undefined || i.default === null }));
  const outputs = (pipeline.outputs || []).map((o) => ({ name: o.name, type: outputType(pipeline, o.from), required: false }));
  return { inputs, outputs };
}

function outputType(pipeline, from) {
  const dot = from.lastIndexOf('.');
  const source = pipeline.nodes.find((n) => n.id === from.slice(0, dot));
  const port = source && (catalog.fn(source.function)?.outputs || []).find((p) => p.name === from.slice(dot + 1));
  return port ? port.type : 'json';
}
