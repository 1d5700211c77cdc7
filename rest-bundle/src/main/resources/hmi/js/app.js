// The HMI shell: tabs, the event stream and the catalog; each view lives in its own module.

import { catalog } from './catalog.js';
import { mountDevices } from './devices.js';
import { events } from './events.js';
import { mountPipelines } from './pipelines.js';
import { mountPlugins } from './plugins.js';

const views = ['devices', 'plugins', 'pipelines'];

// #devices, #plugins, #pipelines or #pipelines/<id> (opens that pipeline)
function show(hash) {
  let [name, arg] = hash.split('/');
  if (!views.includes(name)) { name = 'devices'; arg = undefined; }
  for (const v of views) {
    document.getElementById(`view-${v}`).hidden = v !== name;
    document.querySelector(`[data-view="${v}"]`).classList.toggle('active', v === name);
  }
  if (location.hash.slice(1).split('/')[0] !== name) history.replaceState(null, '', `#${name}`);
  window.dispatchEvent(new CustomEvent('gantry:view', { detail: name }));
  if (arg) window.dispatchEvent(new CustomEvent(`gantry:open-${name}`, { detail: decodeURIComponent(arg) }));
}

const status = document.querySelector('[data-testid="stream-status"]');
events.onStatus((state) => {
  status.dataset.state = state;
  status.textContent = state === 'live' ? '● live' : state === 'reconnecting' ? '○ reconnecting…' : '○ connecting…';
});

for (const button of document.querySelectorAll('[data-view]')) {
  button.addEventListener('click', () => show(button.dataset.view));
}

events.start();
await catalog.start();
mountDevices(document.getElementById('view-devices'));
mountPlugins(document.getElementById('view-plugins'));
mountPipelines(document.getElementById('view-pipelines'));
show(location.hash.slice(1));
document.body.dataset.ready = 'true';
// for the browser test and for support: the stream (blip() simulates a network drop)
window.gantryHmi = { ...window.gantryHmi, events, catalog };
