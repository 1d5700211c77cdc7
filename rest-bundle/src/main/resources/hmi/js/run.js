// Running a pipeline and watching it: Run, Cancel, a progress bar, node states painted from the
// event stream (and re-read over REST after a reconnect or gap), and the pipeline's execution
// history with per-node timings and outputs. A skipped node shows why (`reason`), a node with a
// `when` which branch was taken (`branch`), from the events and from the record alike. Run and Cancel need the operator role (and Run of a
// pipeline with unsaved changes the engineer role, as it saves first).

import { del, get, request, seg } from './api.js';
import { events } from './events.js';
import { fmtMs, fmtTime, h, notify } from './dom.js';
import { isFailurePath, isOrderEdge, nodeIds } from './model.js';
import { allow } from './session.js';

const RANK = { pending: 0, running: 1, retrying: 1, succeeded: 2, failed: 2, skipped: 2, cancelled: 2 };
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
const NODE_TOPICS = {
  'gantry/node/EXECUTING': 'running', 'gantry/node/COMPLETED': 'succeeded', 'gantry/node/FAILED': 'failed',
  'gantry/node/RETRYING': 'retrying', 'gantry/node/SKIPPED': 'skipped',
};

export class RunPanel {
  /**
   * @param editor the Editor whose graph is painted
   * @param {{bar:HTMLElement, history:HTMLElement, detail:HTMLElement}} places where to render
   */
  constructor(editor, { bar, history, detail }) {
    this.editor = editor;
    this.historyBox = history;
    this.detailBox = detail;
    this.execution = null; // {id, status, done, total, states: {nodeId: {...}}, error}
    this.starting = null; // events of this pipeline seen while POST .../executions is in flight
    this.runButton = h('button.primary', { type: 'button', testid: 'run-button', onclick: () => this.run() }, '▶ Run');
    this.cancelButton = h('button.danger', { type: 'button', testid: 'run-cancel', disabled: true, onclick: () => this.cancel() }, '■ Cancel');
    this.fill = h('div.fill');
    this.progressText = h('span.text', { testid: 'run-progress-text' }, '');
    this.progress = h('div.progress', { testid: 'run-progress', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0' }, this.fill, this.progressText);
    this.status = h('span.badge', { testid: 'run-status' }, 'idle');
    this.error = h('div.run-error', { testid: 'run-error', hidden: true });
    bar.replaceChildren(this.runButton, this.cancelButton, this.progress, this.status, this.error);
    events.on('gantry/node/', (e) => this.onEvent(e));
    events.on('gantry/pipeline/', (e) => this.onEvent(e));
    events.onResync(() => this.resync());
    editor.onChange(() => this.renderButtons());
    this.renderButtons();
  }

  /** A pipeline was opened: forget the last run, show its history. */
  reset() {
    this.execution = null;
    this.detailBox.replaceChildren();
    this.render();
    this.loadHistory();
  }

  renderButtons() {
    const model = this.editor.model;
    const running = this.execution && this.execution.status === 'RUNNING';
    const saveFirst = !!model && (this.editor.dirty || !model.id);
    allow(this.runButton, saveFirst ? 'engineer' : 'operator', !model || this.editor.readOnly || running || !model.nodes.length,
      saveFirst ? 'Saves the pipeline first, then runs it' : '');
    allow(this.cancelButton, 'operator', !running);
  }

  async run() {
    const editor = this.editor;
    if (editor.dirty || !editor.model.id) {
      if (!(await editor.save())) return;
    }
    const pipelineId = editor.model.id;
    this.execution = null;
    this.starting = { pipelineId, events: [] };
    this.detailBox.replaceChildren();
    try {
      const started = (await request('POST', `/pipelines/${seg(pipelineId)}/executions`, { body: {} })).data;
      const early = this.starting.events.filter((e) => e.executionId === started.id);
      this.starting = null;
      this.execution = { id: started.id, pipelineId, status: 'RUNNING', done: 0, total: editor.model.nodes.length, states: {}, error: null };
      for (const n of editor.model.nodes) this.execution.states[n.id] = { status: 'pending' };
      this.applySnapshot(started);
      for (const e of early) this.onEvent(e);
      this.render();
      this.loadHistorySoon();
    } catch (e) {
      this.starting = null;
      notify(`Run failed to start: ${e.message}`);
      if (e.status === 422) editor.showProblem(e);
    }
  }

  async cancel() {
    if (!this.execution) return;
    try {
      await del(`/executions/${seg(this.execution.id)}`);
    } catch (e) {
      if (e.status !== 409) notify(`Cancel failed: ${e.message}`);
    }
  }

  onEvent(event) {
    if (this.starting && event.pipelineId === this.starting.pipelineId && !this.execution?.id) {
      this.starting.events.push(event);
      return;
    }
    const x = this.execution;
    if (!x || event.executionId !== x.id) {
      if (event.topic && event.topic.startsWith('gantry/pipeline/') && this.editor.model && event.pipelineId === this.editor.model.id) this.loadHistorySoon();
      return;
    }
    if (typeof event.done === 'number') x.done = Math.max(x.done, event.done);
    if (typeof event.total === 'number') x.total = event.total;
    const status = NODE_TOPICS[event.topic];
    if (event.topic === 'gantry/node/ITERATION' && event.nodeId) {
      this.setNode(event.nodeId, { iterations: event.iteration });
    } else if (status && event.nodeId) {
      this.setNode(event.nodeId, {
        status, durationMs: event.durationMs, attempt: event.attempt, reason: event.reason, branch: event.branch,
        error: status === 'failed' || status === 'retrying' ? event.error || event.errorCode : undefined,
      });
      if (status === 'failed') this.showError(`${event.nodeId}: ${event.error || event.errorCode || 'failed'}${this.handled(event.nodeId)}`);
    } else if (event.topic === 'gantry/pipeline/COMPLETED' || event.topic === 'gantry/pipeline/FAILED' || event.topic === 'gantry/pipeline/CANCELLED') {
      x.status = event.topic.slice('gantry/pipeline/'.length).replace('COMPLETED', 'SUCCEEDED');
      if (event.error) this.showError(event.error, false);
      this.refreshFromServer();
      this.loadHistorySoon();
    }
    this.render();
  }

  setNode(nodeId, next) {
    const states = this.execution.states;
    const current = states[nodeId];
    // a replayed (older) event never takes a node back from a final state
    if (current && RANK[current.status] === 2 && RANK[next.status] < 2) return;
    states[nodeId] = { ...current, ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) };
  }

  /** The execution as the server has it (after the end, a reconnect or a gap). */
  async refreshFromServer() {
    const x = this.execution;
    if (!x) return;
    try {
      const snapshot = await get(`/executions/${seg(x.id)}`);
      if (this.execution !== x) return;
      this.applySnapshot(snapshot);
      this.render();
    } catch (e) {
      notify(`Reading execution ${x.id} failed: ${e.message}`);
    }
  }

  applySnapshot(snapshot) {
    const x = this.execution;
    if (TERMINAL.has(x.status) && !TERMINAL.has(snapshot.status)) {
      // the end event can come a moment before the stored execution shows it: keep the end, ask again
      if ((x.refreshes = (x.refreshes || 0) + 1) <= 20) setTimeout(() => this.refreshFromServer(), 250);
      return;
    }
    x.status = snapshot.status;
    if (snapshot.progress) { x.done = Math.max(x.done, snapshot.progress.done); x.total = snapshot.progress.total; }
    if (TERMINAL.has(snapshot.status)) x.done = snapshot.progress ? snapshot.progress.done : x.done;
    for (const [nodeId, node] of Object.entries(snapshot.nodes || {})) {
      const status = node.status.toLowerCase();
      const state = { status, durationMs: node.durationMs, attempts: node.attempts, reason: node.reason, branch: node.branch, iterations: node.iterations };
      if (node.error) state.error = node.error.message || node.error.code;
      // the server's word wins once the execution ended; while it runs, newer events may lead
      if (TERMINAL.has(snapshot.status)) x.states[nodeId] = state;
      else this.setNode(nodeId, state);
    }
    const failed = Object.entries(snapshot.nodes || {}).find(([, n]) => n.status === 'FAILED' && n.error);
    if (failed) this.showError(`${failed[0]}: ${failed[1].error.message || failed[1].error.code}${this.handled(failed[0])}`);
    else if (snapshot.error) this.showError(snapshot.error.message || snapshot.error.code, false);
  }

  resync() {
    if (this.execution) this.refreshFromServer();
    this.loadHistorySoon();
  }

  /** What to add to a node's failure when a failure path handles it (the run goes on). */
  handled(nodeId) {
    const model = this.editor.model;
    const ids = model ? nodeIds(model) : new Set();
    return model && model.edges.some((e) => isFailurePath(e) && isOrderEdge(e, ids) && e.from === nodeId) ? ' — handled by its failure path' : '';
  }

  /** Shows why the run failed; a failed node's own reason is not replaced by the pipeline's summary. */
  showError(message, fromNode = true) {
    const x = this.execution;
    if (x && !fromNode && x.nodeFailure) return;
    if (x && fromNode) x.nodeFailure = message;
    this.error.textContent = message;
    this.error.hidden = false;
  }

  render() {
    const x = this.execution;
    if (!x) {
      this.editor.setRunState(null);
      this.status.textContent = 'idle';
      delete this.status.dataset.state;
      this.error.hidden = true;
      this.setProgress(0, 0);
      this.renderButtons();
      return;
    }
    if (x.status === 'RUNNING' && this.error.textContent && !Object.values(x.states).some((s) => s.status === 'failed')) this.error.hidden = true;
    x.done = Math.max(x.done, Object.values(x.states).filter((s) => RANK[s.status] === 2).length);
    this.editor.setRunState(x.states);
    this.status.textContent = x.status;
    this.status.dataset.state = x.status;
    this.setProgress(x.done, x.total);
    this.progress.dataset.state = x.status;
    this.renderButtons();
  }

  setProgress(done, total) {
    const percent = total ? Math.round((100 * done) / total) : 0;
    this.fill.style.width = `${percent}%`;
    this.progress.setAttribute('aria-valuenow', String(percent));
    this.progress.dataset.done = String(done);
    this.progress.dataset.total = String(total);
    this.progressText.textContent = total ? `${done}/${total} · ${percent}%` : '';
  }

  // --- history -------------------------------------------------------------------------------

  loadHistorySoon() {
    clearTimeout(this.historyTimer);
    this.historyTimer = setTimeout(() => this.loadHistory(), 200);
  }

  async loadHistory() {
    const model = this.editor.model;
    if (!model || !model.id) { this.historyBox.replaceChildren(h('p.muted', {}, 'No runs yet.')); return; }
    let list;
    try {
      list = await get(`/executions?pipelineId=${encodeURIComponent(model.id)}&limit=25`);
    } catch (e) {
      this.historyBox.replaceChildren(h('p.error', {}, e.message));
      return;
    }
    if (this.editor.model !== model) return;
    this.historyBox.replaceChildren(list.length ? h('table.grid.compact', { testid: 'history-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Started'), h('th', {}, 'v'), h('th', {}, 'Status'), h('th', {}, 'Took'))),
      h('tbody', {}, list.map((x) => h('tr', { testid: 'history-row', 'data-execution': x.id, 'data-clickable': true, onclick: () => this.showExecution(x.id) },
        h('td', {}, fmtTime(x.startedAt)), h('td', {}, String(x.pipelineVersion)),
        h('td', {}, h('span.badge', { 'data-state': x.status }, x.status)), h('td', {}, fmtMs(x.durationMs))))))
      : h('p.muted', {}, 'No runs yet.'));
  }

  /** Shows one past execution: per-node timings, attempts, outputs and errors; paints the graph. */
  async showExecution(id) {
    let x;
    try {
      x = await get(`/executions/${seg(id)}`);
    } catch (e) {
      notify(e.message);
      return;
    }
    for (const row of this.historyBox.querySelectorAll('tr[data-execution]')) row.classList.toggle('selected', row.dataset.execution === id);
    const states = {};
    for (const [nodeId, n] of Object.entries(x.nodes || {})) {
      states[nodeId] = { status: n.status.toLowerCase(), durationMs: n.durationMs, error: n.error && n.error.message, reason: n.reason, branch: n.branch, iterations: n.iterations };
    }
    if (!this.execution || this.execution.status !== 'RUNNING') {
      this.execution = { id: x.id, pipelineId: x.pipelineId, status: x.status, done: x.progress.done, total: x.progress.total, states, error: null };
      this.error.hidden = true;
      this.applySnapshot(x);
      this.render();
    }
    this.detailBox.replaceChildren(h('div.detail', { testid: 'execution-detail' },
      h('h4', {}, `Execution ${x.id.slice(0, 8)} · v${x.pipelineVersion} · `, h('span.badge', { 'data-state': x.status }, x.status), ` · ${fmtMs(x.durationMs)}`),
      x.error ? h('div.error', {}, x.error.message) : null,
      h('table.grid.compact', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Node'), h('th', {}, 'Status'), h('th', {}, 'Why'), h('th', {}, 'Took'), h('th', {}, 'Try'), h('th', {}, 'Outputs'))),
        h('tbody', {}, Object.entries(x.nodes || {}).map(([nodeId, n]) => h('tr', { testid: `detail-node-${nodeId}` },
          h('td', {}, nodeId), h('td', {}, h('span.badge', { 'data-state': n.status }, n.status)),
          h('td', { testid: `detail-why-${nodeId}` }, [n.reason, n.branch ? `branch ${n.branch}` : null].filter(Boolean).join(' · ')), h('td', {}, fmtMs(n.durationMs)), h('td', {}, String(n.attempts)),
          h('td', {}, n.error ? h('span.error', {}, n.error.message) : h('code', {}, JSON.stringify(n.outputs)))))))));
  }
}
