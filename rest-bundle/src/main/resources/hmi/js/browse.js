// A connected device's address space (an OPC UA server's nodes), so an engineer picks signals instead
// of typing node ids. Each level is fetched when opened (GET /devices/{id}/browse?address=…); a value
// the driver can make a signal offers "Add", and "Save signals" puts the picked ones into the device's
// config.signals with one PUT (engineer role), after which the controller reconnects it.

import { ApiError, get, request, seg } from './api.js';
import { catalog } from './catalog.js';
import { h, notify } from './dom.js';
import { allow } from './session.js';

export class AddressBrowser {
  constructor() {
    this.element = h('div.card', { testid: 'browser', hidden: true });
    this.deviceId = null;
    this.picked = []; // signal entries to add, in the order picked
  }

  /** Opens the top of a device's address space; null hides the panel. */
  async show(deviceId) {
    this.deviceId = deviceId;
    this.picked = [];
    this.element.hidden = !deviceId;
    if (!deviceId) return;
    const tree = h('ul.tree', { testid: 'browse-tree' });
    this.save = h('button.primary', { type: 'button', testid: 'browse-save', disabled: true, onclick: () => this.store() }, 'Save signals');
    this.element.replaceChildren(
      h('h3', {}, `Address space of ${deviceId}`),
      h('p.muted', {}, 'Open a folder or object with ▸; Add a variable to make it a signal of this device.'),
      tree, allow(this.save, 'engineer'));
    await this.open(null, tree);
  }

  /** Lists one level under an address into a list element. */
  async open(address, into) {
    const id = this.deviceId;
    into.replaceChildren(h('li.muted', {}, 'Loading…'));
    try {
      const level = await get(`/devices/${seg(id)}/browse${address === null ? '' : `?address=${encodeURIComponent(address)}`}`);
      if (id !== this.deviceId) return;
      into.replaceChildren(...(level.entries.length ? level.entries.map((e) => this.entry(e)) : [h('li.muted', {}, 'Nothing here.')]));
    } catch (e) {
      into.replaceChildren(h('li.error', { testid: 'browse-error' }, e.message));
    }
  }

  entry(e) {
    const children = h('ul.tree');
    const toggle = e.hasChildren
      ? h('button.link', { type: 'button', testid: 'browse-expand', title: 'Open', onclick: () => {
        const opening = toggle.textContent === '▸';
        toggle.textContent = opening ? '▾' : '▸';
        if (opening) this.open(e.address, children); else children.replaceChildren();
      } }, '▸')
      : h('span.leaf', {}, '·');
    const detail = [e.kind, e.type, e.access].filter(Boolean).join(' · ');
    return h('li', { testid: 'browse-entry', 'data-address': e.address, 'data-kind': e.kind },
      toggle, ' ', h('span.name', {}, e.name), ' ', h('code.muted', {}, e.address), ' ', h('span.muted', {}, detail),
      e.signal ? ' ' : null, e.signal ? this.adder(e) : null, children);
  }

  adder(e) {
    const known = this.configured().some((s) => Object.values(s).includes(e.address));
    const button = h('button', { type: 'button', testid: 'browse-add' }, known ? 'Signal' : 'Add');
    button.addEventListener('click', () => {
      this.picked.push(e.signal);
      button.disabled = true;
      button.textContent = 'Added';
      this.save.disabled = false;
      this.save.textContent = `Save signals (${this.picked.length})`;
    });
    return allow(button, 'engineer', known, known ? 'already a signal of this device' : 'make it a signal of this device');
  }

  configured() {
    const device = catalog.devices.find((d) => d.id === this.deviceId);
    return (device && device.config && Array.isArray(device.config.signals)) ? device.config.signals : [];
  }

  /** Adds the picked signals to the device's config; names the server gave twice get a suffix. */
  async store() {
    const device = catalog.devices.find((d) => d.id === this.deviceId);
    if (!device) return;
    const signals = [...this.configured()];
    const names = new Set(signals.map((s) => s.name));
    for (const s of this.picked) {
      let name = s.name;
      for (let n = 2; names.has(name); n++) name = `${s.name}_${n}`;
      names.add(name);
      signals.push({ ...s, name });
    }
    try {
      await request('PUT', `/devices/${seg(device.id)}`, { body: { name: device.name, config: { ...device.config, signals } } });
      notify(`${this.picked.length} signal(s) added to ${device.id}`, 'info');
      this.picked = [];
      this.save.disabled = true;
      this.save.textContent = 'Save signals';
    } catch (err) {
      const detail = err instanceof ApiError && err.errors.length ? err.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : err.message;
      notify(`Signals of ${device.id}: ${detail}`);
    }
    await catalog.refreshDevices();
    this.onSaved?.(device.id);
  }
}
