// Plugins view: the plugin bundles live now, the functions they offer and the files in deploy/ that
// are not plugins; redrawn whenever a plugin event (a jar dropped into or removed from deploy/)
// changes the catalog.

import { catalog } from './catalog.js';
import { h } from './dom.js';

const ports = (list) => list.map((p) => `${p.name}:${p.type}${p.required ? '*' : ''}`).join(', ') || '—';

export function mountPlugins(root) {
  function render() {
    const plugins = h('table.grid', { testid: 'plugin-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Plugin'), h('th', {}, 'Version'), h('th', {}, 'State'), h('th', {}, 'Device types'), h('th', {}, 'Functions'))),
      h('tbody', {}, catalog.plugins.map((p) => h('tr', { testid: `plugin-${p.symbolicName}` },
        h('td', {}, p.symbolicName, p.lastError ? h('div.error', {}, p.lastError) : null),
        h('td', {}, p.version),
        h('td', {}, h('span.badge', { 'data-state': p.state }, p.state)),
        h('td', {}, (p.deviceTypes || []).join(', ') || '—'),
        h('td', {}, (p.functions || []).join(', ') || '—')))));
    const functions = h('table.grid', { testid: 'function-table' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Function'), h('th', {}, 'Name'), h('th', {}, 'Device type'), h('th', {}, 'Inputs'), h('th', {}, 'Outputs'), h('th', {}, 'Plugin'))),
      h('tbody', {}, catalog.functions.map((f) => h('tr', { testid: `function-${f.id}` },
        h('td', {}, h('code', {}, f.id)), h('td', {}, f.name), h('td', {}, f.deviceType || '—'),
        h('td', {}, ports(f.inputs)), h('td', {}, ports(f.outputs)), h('td', {}, `${f.plugin} ${f.pluginVersion}`)))));
    const rejected = catalog.rejected.length === 0 ? null : h('div', { testid: 'rejected-files' },
      h('h3', {}, `Files in deploy/ that are not deployed (${catalog.rejected.length})`),
      h('table.grid', {}, h('tbody', {}, catalog.rejected.map((r) => h('tr', { testid: `rejected-${r.file}` },
        h('td', {}, h('code', {}, r.file)), h('td.error', {}, r.reason))))));
    root.replaceChildren(
      h('h2', {}, `Plugins (${catalog.plugins.length})`), plugins, rejected,
      h('p.muted', {}, 'Drop a plugin jar into deploy/ of the controller (write it aside, then move it in); this page updates by itself.'),
      h('h2', {}, `Functions (${catalog.functions.length})`), functions);
  }
  catalog.subscribe((what) => { if (what === 'plugins') render(); });
  render();
}
