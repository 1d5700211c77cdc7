// A device's signals, live: value with its unit, quality, age, and a trend of the last minutes drawn
// from the values seen (the first from REST, then every gantry/signal/CHANGED of that device). A
// writable signal can be set, after a confirmation (operator role); the server type-checks it.

import { ApiError, get, request, seg } from './api.js';
import { events } from './events.js';
import { h, notify } from './dom.js';
import { allow } from './session.js';

const TREND_MS = 5 * 60 * 1000;
const SVG = 'http://www.w3.org/2000/svg';

export class SignalPanel {
  constructor() {
    this.element = h('div.card', { testid: 'signals', hidden: true });
    this.deviceId = null;
    this.signals = new Map(); // name -> signal as REST gives it, updated by events
    this.trends = new Map(); // name -> [[ms, number]]
    events.on('gantry/signal/', (e) => this.changed(e));
    events.onResync(() => { if (this.deviceId) this.load(); });
    setInterval(() => this.renderAges(), 1000);
  }

  /** Shows a device's signals; null hides the panel. */
  async show(deviceId) {
    this.deviceId = deviceId;
    this.signals.clear();
    this.trends.clear();
    this.element.hidden = !deviceId;
    if (deviceId) await this.load();
  }

  async load() {
    const id = this.deviceId;
    try {
      const list = await get(`/devices/${seg(id)}/signals`);
      if (id !== this.deviceId) return;
      for (const s of list) { this.signals.set(s.name, s); this.remember(s.name, s.value, s.timestamp); }
    } catch (e) {
      notify(`Signals of ${id}: ${e.message}`);
    }
    this.render();
  }

  changed(event) {
    if (event.deviceId !== this.deviceId || !this.signals.has(event.signal)) return;
    const s = this.signals.get(event.signal);
    Object.assign(s, { quality: event.quality, error: event.error, timestamp: event.sampledAt ?? s.timestamp });
    if ('value' in event) s.value = event.value;
    this.remember(event.signal, s.value, s.timestamp);
    this.renderRow(event.signal);
  }

  remember(name, value, timestamp) {
    if (typeof value !== 'number') return;
    const now = Date.now();
    const points = (this.trends.get(name) || []).filter(([t]) => now - t <= TREND_MS);
    points.push([timestamp ? Date.parse(timestamp) : now, value]);
    this.trends.set(name, points);
  }

  render() {
    this.rows = new Map();
    const body = h('tbody', {});
    for (const name of this.signals.keys()) {
      const row = h('tr', { testid: `signal-${name}` });
      this.rows.set(name, row);
      body.append(row);
      this.renderRow(name);
    }
    this.element.replaceChildren(
      h('h3', {}, `Signals of ${this.deviceId}`),
      this.signals.size
        ? h('table.grid', { testid: 'signal-table' },
          h('thead', {}, h('tr', {}, ['Signal', 'Value', 'Quality', 'Age', 'Last 5 min', ''].map((t) => h('th', {}, t)))), body)
        : h('p.muted', { testid: 'signals-none' }, 'This device has no signals.'));
  }

  renderRow(name) {
    const row = this.rows && this.rows.get(name);
    const s = this.signals.get(name);
    if (!row || !s) return;
    const value = s.value === null || s.value === undefined ? '—' : typeof s.value === 'object' ? JSON.stringify(s.value) : String(s.value);
    row.replaceChildren(
      h('td', {}, h('code', {}, s.name), h('div.muted', {}, `${s.type} · ${s.access}${s.pollMs ? ` · ${s.pollMs} ms` : ' · pushed'}`)),
      h('td', { testid: 'signal-reading' }, value, s.unit ? ` ${s.unit}` : ''),
      h('td', {}, h('span.badge', { testid: 'signal-quality', 'data-state': s.quality, title: s.error || '' }, s.quality),
        s.error ? h('div.error', { testid: 'signal-error' }, s.error) : null),
      h('td', { testid: 'signal-age', 'data-timestamp': s.timestamp || '' }, age(s.timestamp)),
      h('td', {}, sparkline(this.trends.get(name) || [])),
      h('td.actions', {}, s.access === 'read' ? null : this.writer(s)));
  }

  renderAges() {
    if (!this.rows) return;
    for (const cell of this.element.querySelectorAll('[data-testid="signal-age"]')) cell.textContent = age(cell.dataset.timestamp);
  }

  writer(s) {
    const input = s.type === 'boolean'
      ? h('select', { testid: 'signal-input' }, h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'))
      : h('input', { testid: 'signal-input', size: 8, placeholder: s.type });
    const set = h('button', { type: 'button', testid: 'signal-set', onclick: () => this.write(s, input.value) }, 'Set');
    return h('span', {}, allow(input, 'operator'), allow(set, 'operator'));
  }

  async write(s, text) {
    let value;
    try {
      value = s.type === 'string' ? text : JSON.parse(text);
    } catch (e) {
      notify(`${s.name}: '${text}' is not a ${s.type}`);
      return;
    }
    if (!confirm(`Write ${JSON.stringify(value)} to ${s.name} of ${this.deviceId}?`)) return;
    try {
      const { data } = await request('PUT', `/devices/${seg(this.deviceId)}/signals/${seg(s.name)}`, { body: { value } });
      notify(`${s.name} of ${this.deviceId} set to ${JSON.stringify(value)}`, 'info');
      if (data && data.value !== undefined && s.access === 'write') Object.assign(s, data);
    } catch (e) {
      const detail = e instanceof ApiError && e.errors.length ? e.errors.map((x) => x.message).join('; ') : e.message;
      notify(`${s.name} of ${this.deviceId}: ${detail}`);
    }
  }
}

function age(timestamp) {
  if (!timestamp) return '—';
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(timestamp)) / 1000));
  return seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${Math.floor(seconds / 60)} min` : `${Math.floor(seconds / 3600)} h`;
}

/** The last minutes of a number as a small line; empty for a signal that is not a number. */
function sparkline(points) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '120');
  svg.setAttribute('height', '24');
  svg.setAttribute('class', 'trend');
  svg.dataset.testid = 'signal-trend';
  svg.dataset.points = String(points.length);
  if (points.length < 2) return svg;
  const t0 = points[0][0];
  const t1 = Math.max(points[points.length - 1][0], t0 + 1);
  const values = points.map(([, v]) => v);
  const lo = Math.min(...values);
  const hi = Math.max(...values, lo + 1e-9);
  const line = document.createElementNS(SVG, 'polyline');
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#1f6feb');
  line.setAttribute('stroke-width', '1.5');
  line.setAttribute('points', points.map(([t, v]) => `${(((t - t0) / (t1 - t0)) * 118 + 1).toFixed(1)},${(22 - ((v - lo) / (hi - lo)) * 20).toFixed(1)}`).join(' '));
  svg.append(line);
  return svg;
}
