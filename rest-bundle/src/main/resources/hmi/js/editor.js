// The pipeline editor: the model (a pipeline definition) is the truth and the graph is redrawn
// from it. Add a node from the palette, click an output port then an input port to connect them,
// select and delete, set params in a form built from the function's params schema. Every change
// is checked by the server (POST /pipelines/validate) and its errors are put on the nodes. Editing,
// validating and saving need the engineer role: for the roles below it the editor only shows.
// The inspector also sets a node's sequencing: its `when` condition, its `join`, and the order
// edges (plain or failure paths) that make it run after other nodes. Everything else the stored
// JSON holds is kept as it came, so a save sends back what it did not touch.

import { ApiError, request, seg } from './api.js';
import { CALL, CallSignatures } from './calls.js';
import { catalog } from './catalog.js';
import { debounce, fmtMs, h, notify } from './dom.js';
import { schemaForm } from './form.js';
import { boxId, conditionLabel, createGraph, draw, fitView, layout, placePorts, portId } from './graph.js';
import { conditionOf, endOf, isOrderEdge, nodeIds, touches } from './model.js';
import { session } from './session.js';

const NODE_PATH = /^nodes\[(\d+)\]/;
const EDGE_PATH = /^edges\[(\d+)\]/;

export class Editor {
  constructor(container, inspector, errorList) {
    this.inspector = inspector;
    this.errorList = errorList;
    this.cy = createGraph(container);
    this.positions = new Map();
    this.model = null;
    this.version = null;
    this.readOnly = false;
    this.dirty = false;
    this.nodeErrors = new Map();
    this.edgeErrors = new Set();
    this.generalErrors = [];
    this.runState = new Map();
    this.armed = null;
    this.listeners = new Set();
    this.savedListeners = new Set();
    this.openListeners = new Set();
    this.calls = new CallSignatures(() => this.redraw());
    this.validateSoon = debounce(() => this.validate(), 250);
    this.bindGraph();
  }

  /** Whether nothing may be changed: an old version is shown, or the role may not edit. */
  get locked() { return this.readOnly || !session.can('engineer'); }

  /** @param {()=>void} fn called when the model, its version or the selection changes */
  onChange(fn) { this.listeners.add(fn); }

  changed() { for (const fn of this.listeners) fn(); }

  /** @param {(id:string)=>void} fn called after a version was stored, whoever asked for it */
  onSaved(fn) { this.savedListeners.add(fn); }
  /** @param fn called with a pipeline id when the engineer asks to open a called pipeline */
  onOpenRequest(fn) { this.openListeners.add(fn); }
  /** Asks to open the pipeline a call node calls (the pipelines view decides about unsaved changes). */
  openCalled(nodeId) {
    const node = this.model && this.model.nodes.find((n) => n.id === nodeId);
    const called = node && node.function === CALL && node.params?.pipeline;
    if (called) for (const fn of this.openListeners) fn(called);
  }

  bindGraph() {
    const cy = this.cy;
    cy.on('tap', 'node.port', (e) => this.tapPort(e.target));
    cy.on('tap', 'node.box', (e) => { this.disarm(); this.showInspector(e.target.data('node')); });
    cy.on('tap', 'edge.link', () => { this.disarm(); this.showInspector(null); });
    cy.on('tap', 'edge.order', (e) => { this.disarm(); this.showEdgeInspector(e.target.data('index')); });
    // why a node is in its state, on hovering it (Cytoscape draws on a canvas: the container's title)
    cy.on('mouseover', 'node.box', (e) => { cy.container().title = this.stateTitle(e.target.data('node')); });
    cy.on('mouseout', 'node.box', () => { cy.container().title = ''; });
    cy.on('tap', (e) => { if (e.target === cy) { this.disarm(); this.showInspector(null); } });
    cy.on('position', 'node.box', (e) => placePorts(cy, e.target));
    cy.on('dragfree', 'node.box', (e) => this.moved(e.target));
    // a redraw replaces every element: one during a drag would leave the dragged box behind, cut off
    // from the graph (its ports following it, the new box at the old place), so it waits for the drop
    cy.on('grab', 'node.box', () => { this.grabbed = true; });
    cy.on('free', 'node.box', () => {
      this.grabbed = false;
      // after this event's dragfree has stored where the box was dropped
      if (this.redrawAfterDrop) setTimeout(() => { this.redrawAfterDrop = false; this.redraw(); }, 0);
    });
    cy.on('dbltap', 'node.box.call', (e) => this.openCalled(e.target.data('node')));
    cy.on('select unselect', () => this.changed());
  }

  /** Loads a pipeline (a stored version, or a new empty one when id is absent). */
  load(pipeline, { readOnly = false } = {}) {
    this.model = {
      id: pipeline.id, name: pipeline.name || '', description: pipeline.description,
      nodes: structuredClone(pipeline.nodes || []), edges: structuredClone(pipeline.edges || []),
      // kept as they came, so that a save from the editor does not drop what it does not edit
      inputs: structuredClone(pipeline.inputs || []), outputs: structuredClone(pipeline.outputs || []),
    };
    this.version = pipeline.version ?? null;
    this.updatedAt = pipeline.updatedAt ?? null;
    this.readOnly = readOnly;
    this.dirty = false;
    this.positions.clear();
    this.calls.clear(); // a called pipeline may have been saved since
    // the positions saved with this version: it opens as it was drawn; nodes without one get a layout
    for (const [node, at] of Object.entries(pipeline.layout || {})) this.positions.set(node, { x: at.x, y: at.y });
    this.runState.clear();
    this.clearErrors();
    this.cy.elements().unselect();
    this.redraw();
    if (this.model.nodes.length && Object.keys(pipeline.layout || {}).length) fitView(this.cy);
    this.showInspector(null);
    if (!this.locked && this.model.nodes.length) this.validateSoon();
    this.changed();
  }

  clearErrors() { this.nodeErrors.clear(); this.edgeErrors.clear(); this.generalErrors = []; this.renderErrors(); }

  redraw() {
    if (this.grabbed) { this.redrawAfterDrop = true; return; }
    if (!this.model) { this.cy.elements().remove(); return; }
    draw(this.cy, this.model, (id, node) => this.calls.fnOf(node), (id) => this.statusLines(id), this.positions);
    for (const [node, messages] of this.nodeErrors) if (messages.length) this.cy.getElementById(boxId(node)).addClass('invalid');
    for (const index of this.edgeErrors) this.cy.getElementById(`e|${index}`).addClass('invalid');
    for (const [node, state] of this.runState) {
      const box = this.cy.getElementById(boxId(node));
      box.addClass(`st-${state.status}`);
      if (state.branch) box.addClass(state.status === 'skipped' ? 'branch-not-taken' : 'branch-taken');
      if (state.reason) box.data('reason', state.reason);
    }
    if (this.armed) this.cy.getElementById(this.armed).addClass('armed');
  }

  /**
   * The two lines under a box's title: its run state (with duration or attempt), then a failure
   * reason or the server's first validation message. Always two, blank when there is nothing to
   * say, so a box keeps its size and its ports never move under the pointer.
   */
  statusLines(nodeId) {
    const BLANK = '\u00a0';
    let status = BLANK;
    let message = BLANK;
    const state = this.runState.get(nodeId);
    if (state) {
      const icon = { pending: '…', running: '▶', succeeded: '✓', failed: '✗', skipped: '⤼', retrying: '↻', cancelled: '■' }[state.status] || '';
      status = `${icon} ${state.status}`;
      if (state.status === 'skipped' && state.reason) status += ` · ${state.reason}`;
      else if (state.durationMs !== undefined && state.durationMs !== null) status += ` · ${fmtMs(state.durationMs)}`;
      if (state.status === 'retrying' && state.attempt) status += ` · attempt ${state.attempt + 1}`;
      if (state.iterations) status += ` · #${state.iterations}`;
      if (state.error) message = state.error;
      else if (state.branch) message = `${state.status === 'skipped' ? '✗ not taken' : '✓ taken'}: ${state.branch}`;
    }
    const errors = this.nodeErrors.get(nodeId);
    if (message === BLANK && errors && errors.length) message = `⚠ ${errors[0]}`;
    return [status, message];
  }

  /** A node's run state in words, for its tooltip. */
  stateTitle(nodeId) {
    const state = this.runState.get(nodeId);
    if (!state) return nodeId;
    let text = `${nodeId}: ${state.status}`;
    if (state.reason) text += ` (${state.reason})`;
    if (state.branch) text += ` — branch ${state.branch} ${state.status === 'skipped' ? 'not taken' : 'taken'}`;
    if (state.error) text += ` — ${state.error}`;
    return text;
  }

  /** Paints run states: nodeId → {status, durationMs?, error?, attempt?, reason?, branch?}; null clears. */
  setRunState(states) {
    this.runState = new Map(states ? Object.entries(states) : []);
    this.redraw();
  }

  // --- editing -------------------------------------------------------------------------------

  edit(change) {
    if (!this.model || this.locked) return;
    change(this.model);
    this.dirty = true;
    this.runState.clear();
    this.redraw();
    this.validateSoon();
    this.changed();
  }

  addNode(functionId) {
    if (!this.model) return;
    if (!session.can('engineer')) { notify(`Adding nodes: ${session.needs('engineer').toLowerCase()}.`, 'info'); return; }
    if (this.readOnly) { notify('This is an old version: restore it first, or go back to the latest.', 'info'); return; }
    const base = functionId.slice(functionId.lastIndexOf('.') + 1).replace(/[^A-Za-z0-9_-]/g, '_');
    let n = 1;
    while (this.model.nodes.some((x) => x.id === `${base}${n}`)) n++;
    const id = `${base}${n}`;
    const fn = catalog.fn(functionId);
    const node = { id, function: functionId, params: {} };
    if (fn && fn.deviceType) {
      const device = catalog.devices.find((d) => d.type === fn.deviceType);
      if (device) node.device = device.id;
    }
    // a new box goes right of the rightmost one; "Layout" tidies everything
    const boxes = this.cy.nodes('.box');
    if (boxes.length) {
      const bb = boxes.boundingBox();
      this.positions.set(id, { x: bb.x2 + 150, y: (bb.y1 + bb.y2) / 2 });
    }
    this.edit((m) => m.nodes.push(node));
    this.showInspector(id);
    this.cy.$(':selected').unselect();
    this.cy.getElementById(boxId(id)).select();
    if (!this.cy.getElementById(boxId(id)).visible() || boxes.length) this.cy.fit(this.cy.elements(), 30);
    if (this.cy.zoom() > 1.3) { this.cy.zoom(1.3); this.cy.center(); }
  }

  tapPort(port) {
    if (this.locked) return;
    const id = port.id();
    if (port.data('dir') === 'out') {
      this.disarm();
      this.armed = id;
      port.addClass('armed');
      this.cy.nodes('.port.in').filter((p) => p.data('node') !== port.data('node')).addClass('target');
      return;
    }
    if (!this.armed) { notify('Click an output port (right edge) first, then an input port.', 'info'); return; }
    const from = this.cy.getElementById(this.armed);
    this.disarm();
    this.connect(`${from.data('node')}.${from.data('port')}`, `${port.data('node')}.${port.data('port')}`);
  }

  disarm() {
    this.armed = null;
    this.cy.nodes('.port').removeClass('armed target');
  }

  /** Connects an output to an input; an input takes one edge, so an older one into it goes. */
  connect(from, to) {
    this.edit((m) => {
      m.edges = m.edges.filter((e) => e.to !== to);
      m.edges.push({ from, to });
    });
  }

  disconnectInput(to) { this.edit((m) => { m.edges = m.edges.filter((e) => e.to !== to); }); }

  deleteSelected() {
    if (this.locked) return;
    const selected = this.cy.$(':selected');
    if (!selected.length) { notify('Select a node or an edge first.', 'info'); return; }
    const nodes = new Set(selected.filter('node.box').map((b) => b.data('node')));
    const edges = new Set(selected.filter('edge.link, edge.order').map((e) => e.data('index')));
    this.edit((m) => {
      const ids = nodeIds(m); // before the nodes go: an end is read against the ids it was written for
      m.edges = m.edges.filter((e, i) => !edges.has(i) && ![...nodes].some((n) => touches(e, n, ids)));
      m.nodes = m.nodes.filter((n) => !nodes.has(n.id));
      // a condition on a deleted node's output would name an unknown node
      for (const n of m.nodes) { const c = conditionOf(n); if (c && nodes.has(endOf(c.ref, ids).node)) delete n.when; }
    });
    for (const n of nodes) this.positions.delete(n);
    this.showInspector(null);
  }

  relayout() {
    this.positions.clear();
    layout(this.cy, this.positions);
    if (!this.model || this.locked) return;
    this.dirty = true; // the new layout is saved with the next version
    this.changed();
  }

  // --- validation ----------------------------------------------------------------------------

  body() {
    const { id, ...rest } = this.model;
    const body = { ...rest, name: rest.name || 'untitled' };
    if (id) body.id = id;
    if (!body.description) delete body.description;
    if (!body.inputs?.length) delete body.inputs;
    if (!body.outputs?.length) delete body.outputs;
    const layout = {};
    for (const node of this.model.nodes) {
      const at = this.positions.get(node.id);
      if (at) layout[node.id] = { x: Math.round(at.x), y: Math.round(at.y) };
    }
    if (Object.keys(layout).length) body.layout = layout;
    return body;
  }

  /** A node dragged to a new place: a change to save, since positions are saved with the version. */
  moved(box) {
    this.positions.set(box.data('node'), { ...box.position() });
    if (!this.model || this.locked) return;
    this.dirty = true;
    this.changed();
  }

  async validate() {
    if (!this.model || this.locked) return true;
    try {
      await request('POST', '/pipelines/validate', { body: this.body() });
      this.showProblem(null);
      return true;
    } catch (e) {
      this.showProblem(e);
      return false;
    }
  }

  /** Puts a problem's errors on the nodes and edges they name (null clears). */
  showProblem(error) {
    this.nodeErrors.clear();
    this.edgeErrors.clear();
    this.generalErrors = [];
    if (error) {
      const errors = error instanceof ApiError && error.errors.length ? error.errors : [{ path: '', message: error.message }];
      for (const { path = '', message } of errors) {
        let m = NODE_PATH.exec(path);
        if (m && this.model.nodes[+m[1]]) { this.addNodeError(this.model.nodes[+m[1]].id, message); continue; }
        m = EDGE_PATH.exec(path);
        const edge = m && this.model.edges[+m[1]];
        if (edge) {
          this.edgeErrors.add(+m[1]);
          this.addNodeError(endOf(path.endsWith('.from') ? edge.from : edge.to, this.model).node, message);
          continue;
        }
        this.generalErrors.push(path ? `${path}: ${message}` : message);
      }
      if (error.problem && Array.isArray(error.problem.cycle)) {
        for (const n of error.problem.cycle) if (!this.nodeErrors.has(n)) this.addNodeError(n, error.problem.detail);
      }
    }
    this.redraw();
    this.renderErrors();
    this.renderInspectorErrors();
  }

  // only the error list: rebuilding the whole form would steal the focus of a field being typed in
  renderInspectorErrors() {
    if (!this.inspectorErrorBox) return;
    const errors = (this.inspected && this.nodeErrors.get(this.inspected)) || [];
    this.inspectorErrorBox.replaceChildren(...errors.map((m) => h('li', {}, m)));
  }

  addNodeError(node, message) {
    if (!this.nodeErrors.has(node)) this.nodeErrors.set(node, []);
    this.nodeErrors.get(node).push(message);
  }

  renderErrors() {
    const items = [];
    for (const [node, messages] of this.nodeErrors) for (const m of messages) items.push(h('li', { 'data-node': node }, h('b', {}, node), `: ${m}`));
    for (const m of this.generalErrors) items.push(h('li', {}, m));
    this.errorList.replaceChildren(...items);
    this.errorList.dataset.count = String(items.length);
  }

  // --- saving and versions -------------------------------------------------------------------

  /** Stores the model: POST for a new pipeline, PUT (If-Match its version) for the next version. */
  async save() {
    if (!this.model || this.locked) return false;
    try {
      const answer = this.model.id
        ? await request('PUT', `/pipelines/${seg(this.model.id)}`, { body: this.body(), headers: this.version ? { 'If-Match': `"${this.version}"` } : {} })
        : await request('POST', '/pipelines', { body: this.body() });
      const saved = answer.data;
      this.model.id = saved.id;
      this.version = saved.version;
      this.updatedAt = saved.updatedAt;
      this.dirty = false;
      this.showProblem(null);
      notify(`Saved ${saved.name} as version ${saved.version}`, 'info');
      this.changed();
      for (const fn of this.savedListeners) fn(saved.id);
      return true;
    } catch (e) {
      if (e.status === 412) notify('Someone saved a newer version meanwhile: reload the pipeline (your changes stay on screen until then).');
      else notify(`Save failed: ${e.message}`);
      if (e.status === 422) this.showProblem(e);
      return false;
    }
  }

  // --- inspector -----------------------------------------------------------------------------

  refreshInspector() { this.showInspector(this.inspected ?? null); }

  showInspector(nodeId) {
    const node = this.model && this.model.nodes.find((n) => n.id === nodeId);
    this.inspected = node ? node.id : null;
    if (!node) {
      this.inspectorErrorBox = null;
      const hint = !session.can('engineer') ? `Click a node to see its parameters. Editing: ${session.needs('engineer').toLowerCase()}.`
        : 'Click a node to set its parameters. To connect, click an output port (right edge of a node) and then an input port (left edge).';
      this.inspector.replaceChildren(h('p.muted', {}, this.model ? hint : session.can('engineer') ? 'Open a pipeline or start a new one.' : 'Open a pipeline.'));
      return;
    }
    const fn = this.calls.fnOf(node);
    const disabled = this.locked;
    const parts = [h('h3', { testid: 'inspector-title' }, node.id), h('div.muted', {}, fn ? `${fn.name} — ${fn.id} (${fn.plugin} ${fn.pluginVersion})` : `${node.function} (not installed)`)];
    if (node.function === CALL && node.params?.pipeline) {
      parts.push(h('button', { type: 'button', testid: 'call-open', onclick: () => this.openCalled(node.id) }, `Open ${node.params.pipeline}`));
    }
    this.inspectorErrorBox = h('ul.errors', { testid: 'node-errors' });
    parts.push(this.inspectorErrorBox);
    const state = this.runState.get(node.id);
    if (state && state.error) parts.push(h('div.error', { testid: 'node-run-error' }, state.error));
    if (fn && fn.deviceType) {
      const select = h('select', { testid: 'node-device', disabled, onchange: (e) => this.edit(() => { if (e.target.value) node.device = e.target.value; else delete node.device; }) },
        h('option', { value: '' }, '— choose —'),
        catalog.devices.filter((d) => d.type === fn.deviceType).map((d) => h('option', { value: d.id }, `${d.id} (${d.status})`)));
      select.value = node.device || '';
      parts.push(h('label', {}, h('span.name', {}, 'Device', h('span.req', {}, ' *')), h('span.type', {}, fn.deviceType), select));
    }
    if (fn && fn.inputs.length) {
      parts.push(h('h4', {}, 'Inputs'));
      for (const input of fn.inputs) {
        const to = `${node.id}.${input.name}`;
        const current = this.model.edges.find((e) => e.to === to);
        const select = h('select', { testid: `port-source-${input.name}`, disabled, onchange: (e) => (e.target.value ? this.connect(e.target.value, to) : this.disconnectInput(to)) },
          h('option', { value: '' }, input.required ? '— constant in params —' : '— none —'),
          this.model.nodes.filter((n) => n.id !== node.id).flatMap((n) => (this.calls.fnOf(n)?.outputs || [])
            .map((o) => h('option', { value: `${n.id}.${o.name}` }, `${n.id}.${o.name} (${o.type})`))));
        select.value = current ? current.from : '';
        parts.push(h('label', {}, h('span.name', {}, input.name, input.required ? h('span.req', {}, ' *') : null), h('span.type', {}, input.type), select));
      }
    }
    parts.push(...this.sequencingParts(node, disabled));
    parts.push(h('h4', {}, 'Parameters'));
    const form = schemaForm(fn ? fn.params : {}, node.params || {}, 'param');
    const formErrors = h('ul.errors', { testid: 'param-errors' });
    const timeout = h('input', { type: 'number', min: '1', step: '1', testid: 'node-timeout', value: node.timeoutMs ?? '', placeholder: fn && fn.defaultTimeoutMs ? String(fn.defaultTimeoutMs) : 'default', disabled });
    const attempts = h('input', { type: 'number', min: '1', step: '1', testid: 'node-attempts', value: node.retry ? node.retry.maxAttempts : '', placeholder: '1', disabled });
    const apply = () => {
      const { value, errors: problems } = form.read();
      formErrors.replaceChildren(...problems.map((m) => h('li', {}, m)));
      if (problems.length) return;
      this.edit(() => {
        node.params = value;
        if (timeout.value) node.timeoutMs = Number(timeout.value); else delete node.timeoutMs;
        if (attempts.value && Number(attempts.value) > 1) node.retry = { ...(node.retry || {}), maxAttempts: Number(attempts.value) };
        else delete node.retry;
      });
    };
    if (!disabled) form.element.addEventListener('change', apply);
    for (const el of form.element.querySelectorAll('input, select')) el.disabled = disabled;
    parts.push(form.element, formErrors,
      h('label', {}, h('span.name', {}, 'Timeout'), h('span.type', {}, 'ms'), timeout),
      h('label', {}, h('span.name', {}, 'Attempts'), h('span.type', {}, 'retry'), attempts),
      h('div.row', {},
        h('button', { type: 'button', testid: 'node-apply', disabled, onclick: apply }, 'Apply'),
        h('button.danger', { type: 'button', testid: 'node-delete', disabled, onclick: () => { this.cy.$(':selected').unselect(); this.cy.getElementById(boxId(node.id)).select(); this.deleteSelected(); } }, 'Delete node')));
    timeout.addEventListener('change', apply);
    attempts.addEventListener('change', apply);
    this.inspector.replaceChildren(...parts);
    this.renderInspectorErrors();
  }

  /**
   * The inspector's sequencing fields of a node: its condition (a boolean output of another node,
   * negated or not), its join, the order edges into it (each plain or a failure path) and a select
   * to add one.
   */
  sequencingParts(node, disabled) {
    const ids = nodeIds(this.model);
    const others = this.model.nodes.filter((n) => n.id !== node.id);
    const condition = conditionOf(node);
    const booleans = others.flatMap((n) => (this.calls.fnOf(n)?.outputs || []).filter((o) => o.type === 'boolean').map((o) => `${n.id}.${o.name}`));
    if (condition && !booleans.includes(condition.ref)) booleans.push(condition.ref); // as stored, even if unknown now
    const when = h('select', { testid: 'node-when', disabled },
      h('option', { value: '' }, '— always —'), booleans.map((ref) => h('option', { value: ref }, ref)));
    when.value = condition ? condition.ref : '';
    const negate = h('input', { type: 'checkbox', testid: 'node-when-negate', disabled: disabled || !condition, checked: !!(condition && condition.negated) });
    const setWhen = () => {
      this.edit(() => { if (when.value) node.when = `${negate.checked ? '!' : ''}${when.value}`; else delete node.when; });
      this.refreshInspector(); // the negate box follows whether there is a condition
    };
    when.addEventListener('change', setWhen);
    negate.addEventListener('change', setWhen);
    const join = h('select', { testid: 'node-join', disabled }, h('option', { value: 'all' }, 'all (default)'), h('option', { value: 'any' }, 'any'));
    join.value = node.join === 'any' ? 'any' : 'all';
    join.addEventListener('change', () => this.edit(() => { if (join.value === 'any') node.join = 'any'; else delete node.join; }));

    const incoming = this.model.edges.map((e, index) => ({ e, index })).filter(({ e }) => isOrderEdge(e, ids) && e.to === node.id);
    const rows = incoming.map(({ e, index }) => {
      const on = h('select', { testid: `order-on-${e.from}`, disabled }, h('option', { value: 'success' }, 'on success'), h('option', { value: 'failure' }, 'on failure'));
      on.value = e.on === 'failure' ? 'failure' : 'success';
      on.addEventListener('change', () => this.setOn(index, on.value));
      return h('li', { testid: `order-${e.from}` }, h('span', {}, `after ${e.from} `), on,
        h('button', { type: 'button', testid: `order-remove-${e.from}`, disabled, onclick: () => this.removeEdge(index) }, '×'));
    });
    const ordered = new Set(incoming.map(({ e }) => e.from));
    const add = h('select', { testid: 'order-add', disabled },
      h('option', { value: '' }, '— run after… —'), others.filter((n) => !ordered.has(n.id)).map((n) => h('option', { value: n.id }, n.id)));
    add.addEventListener('change', () => { if (add.value) this.addOrderEdge(add.value, node.id); });
    // folded unless the node is sequenced, so a plain node's inspector stays as short as it was;
    // opened by hand, it stays open while that node is inspected (an edit rebuilds the inspector)
    const sequenced = !!condition || node.join !== undefined || incoming.length > 0;
    const open = sequenced || this.sequenceOpenFor === node.id;
    const keepOpen = (e) => { this.sequenceOpenFor = e.target.open ? node.id : null; };
    return [h('details.sequence', { testid: 'node-sequence', open, ontoggle: keepOpen }, h('summary', {}, 'Sequence'),
      h('label', {}, h('span.name', {}, 'Run only if'), h('span.type', {}, condition ? conditionLabel(condition) : 'boolean output'), when),
      h('label.check', {}, h('span.name', {}, 'Negate'), h('span.type', {}, 'if not'), negate),
      h('label', {}, h('span.name', {}, 'Join'), h('span.type', {}, 'of branches'), join),
      h('ul.orders', { testid: 'node-orders' }, rows),
      h('label', {}, h('span.name', {}, 'Order'), h('span.type', {}, 'no data'), add))];
  }

  /** Adds an order edge: `to` starts only after `from` succeeded (or, set later, failed). */
  addOrderEdge(from, to) {
    this.edit((m) => { if (!m.edges.some((e) => e.from === from && e.to === to)) m.edges.push({ from, to }); });
    this.refreshInspector();
  }

  /** Makes an order edge a failure path or a plain one (`success`, the default, is left out). */
  setOn(index, on) {
    this.edit((m) => { const e = m.edges[index]; if (on === 'failure') e.on = 'failure'; else delete e.on; });
    this.refreshInspector();
  }

  removeEdge(index) {
    this.edit((m) => { m.edges = m.edges.filter((e, i) => i !== index); });
    this.refreshInspector();
  }

  /** The inspector of an order edge: its ends, on success or on failure, and a delete. */
  showEdgeInspector(index) {
    const edge = this.model && this.model.edges[index];
    if (!edge) { this.showInspector(null); return; }
    this.inspected = null;
    this.inspectorErrorBox = null;
    const disabled = this.locked;
    const on = h('select', { testid: 'edge-on', disabled }, h('option', { value: 'success' }, 'on success'), h('option', { value: 'failure' }, 'on failure'));
    on.value = edge.on === 'failure' ? 'failure' : 'success';
    on.addEventListener('change', () => { this.setOn(index, on.value); this.showEdgeInspector(index); });
    this.inspector.replaceChildren(h('h3', { testid: 'inspector-title' }, `${edge.from} → ${edge.to}`),
      h('div.muted', {}, `${edge.to} starts after ${edge.from} ${edge.on === 'failure' ? 'failed' : 'succeeded'} (order, no data)`),
      h('label', {}, h('span.name', {}, 'Runs'), h('span.type', {}, 'order edge'), on),
      h('div.row', {}, h('button.danger', { type: 'button', testid: 'edge-delete', disabled, onclick: () => { this.removeEdge(index); this.showInspector(null); } }, 'Delete edge')));
  }

  /** For the browser test: where a node's box or port is drawn, in page pixels of the graph. */
  renderedPosition(nodeId, dir, port) {
    const el = this.cy.getElementById(dir ? portId(nodeId, dir, port) : boxId(nodeId));
    return el.length ? el.renderedPosition() : null;
  }
}
