// Devices view: the devices with their live status, breaker and last error; connect, disconnect,
// delete; a create form built from the chosen device type's config schema. Connecting needs the
// operator role, creating and deleting the engineer role: controls the role lacks are off, with
// a title that says which role they need. "Signals" shows a device's live values below the list;
// "Browse" (a connected device whose driver can list its address space) picks new signals from it.

import { ApiError, del, post, seg } from './api.js';
import { catalog } from './catalog.js';
import { h, notify } from './dom.js';
import { schemaForm } from './form.js';
import { AddressBrowser } from './browse.js';
import { SignalPanel } from './signals.js';
import { allow, session } from './session.js';

export function mountDevices(root) {
  const list = h('div');
  const create = h('div.card', { testid: 'device-create' });
  const signals = new SignalPanel();
  const browser = new AddressBrowser();
  browser.onSaved = (id) => { if (signals.deviceId === id) signals.show(id); };
  let chosenType = null;
  let form = null;

  async function act(id, action) {
    try {
      if (action === 'delete') await del(`/devices/${seg(id)}`);
      else await post(`/devices/${seg(id)}/${action}`);
    } catch (e) {
      notify(`${action} ${id}: ${e.message}`);
    }
    catalog.refreshDevices();
  }

  function renderList() {
    const rows = catalog.devices.map((d) => h('tr', { testid: `device-${d.id}`, 'data-status': d.status },
      h('td', {}, h('code', {}, d.id)),
      h('td', {}, d.name),
      h('td', {}, d.type),
      h('td', {}, h('span.badge', { testid: 'device-status', 'data-state': d.status }, d.status)),
      h('td', {}, d.breaker ? h('span.badge', { testid: 'device-breaker', 'data-state': typeof d.breaker === 'object' ? d.breaker.state : d.breaker },
        typeof d.breaker === 'object' ? d.breaker.state || JSON.stringify(d.breaker) : d.breaker) : '—'),
      // the last error stays on record after a good connect: shown as past, so it does not read as now
      d.status === 'CONNECTED' && d.lastError
        ? h('td.muted.wrap', { testid: 'device-error', title: 'the last error, before the device connected' }, `earlier: ${d.lastError}`)
        : h('td.error.wrap', { testid: 'device-error' }, d.lastError || ''),
      h('td.actions', {},
        h('button', { type: 'button', testid: 'device-signals', onclick: () => signals.show(d.id) }, 'Signals'),
        allow(h('button', { type: 'button', testid: 'device-browse', onclick: () => browser.show(d.id) }, 'Browse'),
          'engineer', d.status !== 'CONNECTED', 'Pick signals from the device\'s address space (it must be connected)'),
        d.status === 'CONNECTED'
          ? allow(h('button', { type: 'button', testid: 'device-disconnect', onclick: () => act(d.id, 'disconnect') }, 'Disconnect'), 'operator')
          : allow(h('button', { type: 'button', testid: 'device-connect', onclick: () => act(d.id, 'connect') }, 'Connect'), 'operator', d.status === 'UNAVAILABLE'),
        allow(h('button.danger', { type: 'button', testid: 'device-delete', onclick: () => { if (confirm(`Delete device ${d.id}?`)) act(d.id, 'delete'); } }, 'Delete'), 'engineer'))));
    list.replaceChildren(h('table.grid', { testid: 'device-table' },
      h('thead', {}, h('tr', {}, ['Id', 'Name', 'Type', 'Status', 'Breaker', 'Last error', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No devices yet.')))));
  }

  function renderCreate() {
    if (!session.can('engineer')) {
      create.replaceChildren(h('h3', {}, 'New device'), h('p.muted', { testid: 'device-create-refused' }, `${session.needs('engineer')}.`));
      return;
    }
    const types = catalog.deviceTypes;
    if (!chosenType || !types.some((t) => t.id === chosenType)) chosenType = types.length ? types[0].id : null;
    const type = types.find((t) => t.id === chosenType);
    const select = h('select', { testid: 'device-type', onchange: (e) => { chosenType = e.target.value; renderCreate(); } },
      types.map((t) => h('option', { value: t.id }, `${t.name} (${t.id})`)));
    select.value = chosenType || '';
    const id = h('input', { testid: 'device-id', placeholder: 'e.g. axis-1', pattern: '[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,63}' });
    const name = h('input', { testid: 'device-name', placeholder: 'e.g. X axis' });
    form = type ? schemaForm(type.configSchema, {}, 'device-config') : null;
    const errors = h('ul.errors', { testid: 'device-create-errors' });
    const submit = h('button.primary', { type: 'submit', testid: 'device-submit', disabled: !type }, 'Create device');
    const element = h('form', {
      onsubmit: async (e) => {
        e.preventDefault();
        const config = form.read();
        errors.replaceChildren(...config.errors.map((m) => h('li', {}, m)));
        if (config.errors.length) return;
        const body = { type: chosenType, name: name.value.trim(), config: config.value };
        if (id.value.trim()) body.id = id.value.trim();
        try {
          const device = await post('/devices', body);
          notify(`Device ${device.id} created`, 'info');
          element.reset();
          renderCreate();
        } catch (err) {
          const messages = err instanceof ApiError && err.errors.length ? err.errors.map((x) => `${x.path}: ${x.message}`) : [err.message];
          errors.replaceChildren(...messages.map((m) => h('li', {}, m)));
        }
        catalog.refreshDevices();
      },
    },
    h('h3', {}, 'New device'),
    types.length ? null : h('p.muted', {}, 'No device type is installed: drop a driver plugin into deploy/.'),
    h('label', {}, h('span.name', {}, 'Type'), select),
    h('label', {}, h('span.name', {}, 'Id'), id),
    h('label', {}, h('span.name', {}, 'Name', h('span.req', {}, ' *')), name),
    h('h4', {}, 'Configuration'), form ? form.element : null, errors, submit);
    create.replaceChildren(element);
  }

  root.replaceChildren(h('div.split', {}, h('div.main', {}, h('h2', {}, 'Devices'), list, signals.element, browser.element), create));
  catalog.subscribe((what) => {
    if (what === 'devices') {
      renderList();
      // a deleted device's signals go with it
      if (signals.deviceId && !catalog.devices.some((d) => d.id === signals.deviceId)) signals.show(null);
      if (browser.deviceId && !catalog.devices.some((d) => d.id === browser.deviceId)) browser.show(null);
    }
    if (what === 'plugins') { renderCreate(); renderList(); }
  });
  renderList();
  renderCreate();
}
