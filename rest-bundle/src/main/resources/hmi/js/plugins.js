// Plugins view: the plugin bundles live now, the functions they offer and the files in deploy/ that
// are not plugins; redrawn whenever a plugin event (a jar dropped into or removed from deploy/)
// changes the catalog. An admin can also upload a jar (POST /api/plugins, through deploy/ just as a
// dropped file) and remove a plugin; other roles are not offered either.

import { request, seg } from './api.js';
import { catalog } from './catalog.js';
import { h, notify } from './dom.js';
import { session } from './session.js';

const ports = (list) => list.map((p) => `${p.name}:${p.type}${p.required ? '*' : ''}`).join(', ') || '—';

export function mountPlugins(root) {
  const admin = session.can('admin');
  const upload = admin ? uploadCard() : h('p.muted', { testid: 'plugin-upload-refused' }, `Installing and removing plugins over the HMI: ${session.needs('admin').toLowerCase()}.`);

  async function remove(p) {
    if (!confirm(`Remove plugin ${p.symbolicName} ${p.version}? Its jar leaves deploy/.`)) return;
    try {
      await request('DELETE', `/plugins/${seg(p.symbolicName)}`);
      notify(`Plugin ${p.symbolicName} removed`, 'info');
    } catch (e) {
      notify(`Removing ${p.symbolicName} failed: ${e.message}`);
    }
    catalog.refreshPlugins();
  }

  function render() {
    const plugins = h('table.grid', { testid: 'plugin-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Plugin'), h('th', {}, 'Version'), h('th', {}, 'State'), h('th', {}, 'Device types'), h('th', {}, 'Functions'), admin ? h('th', {}) : null)),
      h('tbody', {}, catalog.plugins.map((p) => h('tr', { testid: `plugin-${p.symbolicName}` },
        h('td', {}, p.symbolicName, p.lastError ? h('div.error', {}, p.lastError) : null),
        h('td', {}, p.version),
        h('td', {}, h('span.badge', { 'data-state': p.state }, p.state)),
        h('td', {}, (p.deviceTypes || []).join(', ') || '—'),
        h('td', {}, (p.functions || []).join(', ') || '—'),
        admin ? h('td.actions', {}, h('button.danger', { type: 'button', testid: 'plugin-remove', onclick: () => remove(p) }, 'Remove')) : null))));
    const functions = h('table.grid', { testid: 'function-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Function'), h('th', {}, 'Name'), h('th', {}, 'Device type'), h('th', {}, 'Inputs'), h('th', {}, 'Outputs'), h('th', {}, 'Plugin'))),
      h('tbody', {}, catalog.functions.map((f) => h('tr', { testid: `function-${f.id}` },
        h('td', {}, h('code', {}, f.id)), h('td', {}, f.name), h('td', {}, f.deviceType || '—'),
        h('td', {}, ports(f.inputs)), h('td', {}, ports(f.outputs)), h('td', {}, `${f.plugin} ${f.pluginVersion}`)))));
    const rejected = catalog.rejected.length === 0 ? null : h('div', { testid: 'rejected-files' },
      h('h3', {}, `Files in deploy/ that are not deployed (${catalog.rejected.length})`),
      h('table.grid', {}, h('tbody', {}, catalog.rejected.map((r) => h('tr', { testid: `rejected-${r.file}` },
        h('td', {}, h('code', {}, r.file)), h('td.error', {}, r.reason))))));
    // replaceChildren would write a null out as the text "null"
    root.replaceChildren(...[
      h('h2', {}, `Plugins (${catalog.plugins.length})`), plugins, rejected,
      h('p.muted', {}, 'Drop a plugin jar into deploy/ of the controller (write it aside, then move it in); this page updates by itself.'),
      upload,
      h('h2', {}, `Functions (${catalog.functions.length})`), functions].filter(Boolean));
  }
  catalog.subscribe((what) => { if (what === 'plugins') render(); });
  render();
}

/** Picks a jar and sends it; the card is made once, so a redraw of the lists keeps the choice. */
function uploadCard() {
  const file = h('input', { type: 'file', accept: '.jar,application/java-archive', testid: 'plugin-file' });
  const send = h('button.primary', { type: 'button', testid: 'plugin-upload', disabled: true }, 'Upload');
  file.addEventListener('change', () => { send.disabled = !file.files.length; });
  send.addEventListener('click', async () => {
    const jar = file.files[0];
    if (!jar) return;
    send.disabled = true;
    try {
      const answer = await request('POST', '/plugins', { raw: jar, contentType: 'application/java-archive' });
      notify(`Plugin ${answer.data.symbolicName} ${answer.data.version} ${answer.status === 201 ? 'installed' : 'updated'}`, 'info');
      file.value = '';
    } catch (e) {
      notify(`Uploading ${jar.name} failed: ${e.message}`);
    }
    send.disabled = !file.files.length;
    catalog.refreshPlugins();
  });
  return h('div.card.upload', { testid: 'plugin-upload-card' }, h('h3', {}, 'Install or update a plugin'), h('div.row', {}, file, send));
}
