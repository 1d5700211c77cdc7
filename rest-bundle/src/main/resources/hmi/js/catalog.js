// What the controller offers right now: plugins, functions, device types and devices. Re-read
// over REST when plugin or device events say it changed (and after a reconnect or gap).

import { get } from './api.js';
import { events } from './events.js';
import { debounce, notify } from './dom.js';

class Catalog {
  constructor() {
    this.plugins = [];
    this.rejected = [];
    this.functions = [];
    this.deviceTypes = [];
    this.devices = [];
    this.listeners = new Set();
  }

  /** @param {(what:string)=>void} fn called with 'plugins' or 'devices' after a change */
  subscribe(fn) { this.listeners.add(fn); }

  fn(id) { return this.functions.find((f) => f.id === id); }

  async refreshPlugins() {
    try {
      [this.plugins, this.functions, this.deviceTypes, this.rejected] = await Promise.all(
        [get('/plugins'), get('/functions'), get('/device-types'), get('/plugins/rejected')]);
      this.functions.sort((a, b) => a.id.localeCompare(b.id));
      this.emit('plugins');
    } catch (e) {
      notify(`Reading plugins failed: ${e.message}`);
    }
  }

  async refreshDevices() {
    try {
      this.devices = await get('/devices');
      this.devices.sort((a, b) => a.id.localeCompare(b.id));
      this.emit('devices');
    } catch (e) {
      notify(`Reading devices failed: ${e.message}`);
    }
  }

  emit(what) { for (const fn of this.listeners) fn(what); }

  start() {
    const plugins = debounce(() => this.refreshPlugins(), 150);
    const devices = debounce(() => this.refreshDevices(), 100);
    events.on('gantry/plugin/', () => { plugins(); devices(); });
    events.on('gantry/device/', devices);
    events.on('gantry/breaker/', devices);
    events.onResync(() => { plugins(); devices(); });
    return Promise.all([this.refreshPlugins(), this.refreshDevices()]);
  }
}

export const catalog = new Catalog();
