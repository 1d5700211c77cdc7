// Pipelines view: the stored pipelines, the function palette, the editor with its versions, the
// run bar, the node inspector and the execution history. Creating, saving, restoring and deleting
// need the engineer role, running and cancelling the operator role (run.js): for a role without
// them the controls are off and their title says which role they need.

import { ApiError, get, request, seg } from './api.js';
import { catalog } from './catalog.js';
import { debounce, fmtShortTime, h, notify } from './dom.js';
import { Editor } from './editor.js';
import { events } from './events.js';
import { RunPanel } from './run.js';
import { allow, session } from './session.js';

export function mountPipelines(root) {
  const list = h('ul.list', { testid: 'pipeline-list' });
  const palette = h('ul.list.palette', { testid: 'palette' });
  const name = h('input.name', { testid: 'pipeline-name', placeholder: 'pipeline name' });
  const versionSelect = h('select', { testid: 'version-select', title: 'Stored versions' });
  const restore = h('button', { type: 'button', testid: 'version-restore', hidden: true }, 'Restore this version');
  const banner = h('span.banner', { testid: 'version-banner' });
  const save = h('button.primary', { type: 'button', testid: 'pipeline-save' }, 'Save');
  const remove = h('button.danger', { type: 'button', testid: 'pipeline-delete' }, 'Delete pipeline');
  const graph = h('div.graph', { testid: 'graph', tabindex: '0' });
  const errors = h('ul.errors.validation', { testid: 'validation-errors' });
  const inspector = h('div.inspector', { testid: 'node-inspector' });
  const history = h('div', { testid: 'history' });
  const detail = h('div');
  const runBar = h('div.runbar', { testid: 'run-bar' });
  const editing = session.can('engineer');
  const newButton = allow(h('button', { type: 'button', testid: 'pipeline-new', onclick: () => openNew() }, '+ New'), 'engineer');
  const deleteSelected = allow(h('button', { type: 'button', testid: 'editor-delete', onclick: () => editor.deleteSelected() }, 'Delete'),
    'engineer', false, 'Delete the selected node or edge (Delete key)');

  root.classList.add('pipelines');
  root.replaceChildren(
    h('aside.left', {},
      h('div.head', {}, h('h3', {}, 'Pipelines'), newButton),
      list,
      h('div.head', {}, h('h3', {}, 'Functions'), editing ? h('span.muted', {}, 'click to add') : null),
      palette),
    h('section.center', {},
      h('div.toolbar', {}, name, save, versionSelect, restore, banner, h('span.spacer'),
        h('button', { type: 'button', testid: 'editor-layout', onclick: () => editor.relayout() }, 'Layout'),
        deleteSelected,
        remove),
      graph, errors, runBar),
    h('aside.right', {}, h('h3', {}, 'Node'), inspector, h('h3', {}, 'History'), history, detail));

  const editor = new Editor(graph, inspector, errors);
  const runs = new RunPanel(editor, { bar: runBar, history, detail });
  let pipelines = [];
  let versions = [];
  let latest = null; // the latest stored version of the open pipeline

  name.addEventListener('input', () => editor.edit((m) => { m.name = name.value; }));
  save.addEventListener('click', () => editor.save());
  // also after Run saved unsaved changes first
  editor.onSaved(async (id) => { await loadList(); await loadVersions(id); });
  // a call node's "Open": the called pipeline replaces this one in the editor
  editor.onOpenRequest((id) => { if (!editor.dirty || confirm('Discard unsaved changes?')) open(id); });
  restore.addEventListener('click', async () => {
    const id = editor.model.id;
    const v = editor.version;
    try {
      await request('POST', `/pipelines/${seg(id)}/versions/${v}/restore`, { headers: latest ? { 'If-Match': `"${latest.version}"` } : {} });
      notify(`Version ${v} restored as the latest`, 'info');
      await open(id);
    } catch (e) {
      notify(`Restore failed: ${e.message}`);
    }
  });
  remove.addEventListener('click', async () => {
    const m = editor.model;
    if (!m || !m.id || !confirm(`Delete pipeline ${m.name} and all its versions?`)) return;
    try {
      await request('DELETE', `/pipelines/${seg(m.id)}`);
      notify(`Pipeline ${m.name} deleted`, 'info');
      editor.load({ name: '', nodes: [], edges: [] });
      editor.model = null;
      editor.redraw();
      editor.showInspector(null);
      editor.changed();
      versionSelect.replaceChildren();
      runs.reset();
      window.history.replaceState(null, '', '#pipelines');
      loadList();
    } catch (e) {
      notify(`Delete failed: ${e.message}`);
    }
  });
  versionSelect.addEventListener('change', () => {
    const v = Number(versionSelect.value);
    const chosen = versions.find((x) => x.version === v);
    if (!chosen) return;
    if (editor.dirty && !confirm('Discard unsaved changes?')) { versionSelect.value = String(editor.version); return; }
    editor.load(chosen, { readOnly: v !== latest.version });
    runs.reset();
  });
  graph.addEventListener('keydown', (e) => {
    if ((e.key === 'Delete' || e.key === 'Backspace') && !editor.locked) { e.preventDefault(); editor.deleteSelected(); }
  });

  editor.onChange(() => {
    const m = editor.model;
    if (document.activeElement !== name) name.value = m ? m.name : '';
    name.disabled = !m || editor.locked;
    allow(save, 'engineer', !m || editor.readOnly || (!editor.dirty && !!m.id));
    save.textContent = m && !m.id ? 'Save (new)' : editor.dirty ? 'Save •' : 'Saved';
    restore.hidden = !editor.readOnly;
    allow(restore, 'engineer', false, 'Stores this version again as the latest');
    allow(remove, 'engineer', !m || !m.id, 'Delete this pipeline and all its versions');
    banner.textContent = !m ? '' : editor.readOnly ? `viewing version ${editor.version} (read-only)` : editor.dirty ? 'unsaved changes' : m.id ? `version ${editor.version}` : 'new';
    banner.dataset.state = editor.readOnly ? 'old' : editor.dirty ? 'dirty' : 'clean';
    for (const item of list.children) item.classList.toggle('selected', !!m && item.dataset.id === m.id);
  });

  function renderPalette() {
    palette.replaceChildren(...catalog.functions.map((f) => h('li', {
      testid: `palette-${f.id}`, title: `${f.name} — ${f.plugin} ${f.pluginVersion}`, 'data-clickable': editing,
      onclick: () => (editor.model ? editor.addNode(f.id) : notify('Open or create a pipeline first.', 'info')),
    }, h('code', {}, f.id), h('span.muted', {}, ` ${f.pluginVersion}`))));
  }

  async function loadList() {
    try {
      pipelines = await get('/pipelines');
    } catch (e) {
      notify(`Reading pipelines failed: ${e.message}`);
      return;
    }
    pipelines.sort((a, b) => a.name.localeCompare(b.name));
    list.replaceChildren(...pipelines.map((p) => h('li', {
      testid: 'pipeline-item', 'data-id': p.id, 'data-clickable': true, title: p.id,
      class: editor.model && editor.model.id === p.id ? 'selected' : undefined,
      onclick: () => { if (!editor.dirty || confirm('Discard unsaved changes?')) open(p.id); },
    }, h('span', {}, p.name), h('span.muted', {}, ` v${p.version}`), p.valid ? null : h('span.badge', { 'data-state': 'FAILED' }, 'invalid'))));
    if (!pipelines.length) list.replaceChildren(h('li.muted', {}, 'None yet.'));
  }

  async function loadVersions(id) {
    try {
      versions = await get(`/pipelines/${seg(id)}/versions`);
    } catch (e) {
      versions = [];
    }
    versions.sort((a, b) => b.version - a.version);
    latest = versions[0] || null;
    versionSelect.replaceChildren(...versions.map((v) => h('option', { value: String(v.version) }, `v${v.version} · ${fmtShortTime(v.updatedAt)}${v === latest ? ' (latest)' : ''}`)));
    versionSelect.value = String(editor.version);
    versionSelect.disabled = !versions.length;
  }

  // the open in flight: a second click on the same pipeline waits for it rather than loading it
  // again, and when another pipeline is clicked meanwhile, the last click wins
  let opening = null;

  function open(id) {
    if (opening && opening.id === id) return opening.done;
    const attempt = { id };
    attempt.done = fetchAndShow(attempt).finally(() => { if (opening === attempt) opening = null; });
    opening = attempt;
    return attempt.done;
  }

  async function fetchAndShow(attempt) {
    const id = attempt.id;
    try {
      const pipeline = (await request('GET', `/pipelines/${seg(id)}`)).data;
      if (opening !== attempt) return;
      editor.load(pipeline);
      window.history.replaceState(null, '', `#pipelines/${encodeURIComponent(id)}`);
      await loadVersions(id);
      runs.reset();
    } catch (e) {
      notify(e instanceof ApiError && e.status === 404 ? `Pipeline ${id} no longer exists` : e.message);
      loadList();
    }
  }

  function openNew() {
    if (editor.dirty && !confirm('Discard unsaved changes?')) return;
    const taken = new Set(pipelines.map((p) => p.name));
    let n = 1;
    while (taken.has(`pipeline-${n}`)) n++;
    editor.load({ name: `pipeline-${n}`, nodes: [], edges: [] });
    editor.dirty = true;
    versions = [];
    latest = null;
    versionSelect.replaceChildren();
    versionSelect.disabled = true;
    runs.reset();
    editor.changed();
  }

  catalog.subscribe((what) => {
    if (what === 'plugins') { renderPalette(); editor.redraw(); if (editor.model) editor.validateSoon(); }
    if (what === 'devices') editor.refreshInspector();
  });
  const reloadList = debounce(loadList, 200);
  events.on('gantry/plugin/', reloadList);
  events.onResync(reloadList);
  window.addEventListener('gantry:view', (e) => { if (e.detail === 'pipelines') { editor.cy.resize(); reloadList(); } });

  window.addEventListener('gantry:open-pipelines', (e) => open(e.detail));

  renderPalette();
  loadList();
  editor.showInspector(null);
  window.gantryHmi = { ...(window.gantryHmi || {}), editor, runs };
}
