// The HMI shell: the login, who is logged in, the tabs, the event stream and the catalog; each view
// lives in its own module.
//
// At start GET /api/session says whether the session cookie is still good (a reload keeps the
// login; the CSRF token comes back with it). Without one the login view shows. A 401 from any call
// or an event stream closed for its credentials ends the session: the views stay as they are, hidden,
// and the same user logging in again goes on where they were; another user, another role or a logout
// reloads the page, so nothing of the one before stays in it.

import { ApiError, get, request } from './api.js';
import { catalog } from './catalog.js';
import { mountDevices } from './devices.js';
import { notify } from './dom.js';
import { events } from './events.js';
import { mountLogin } from './login.js';
import { mountPipelines } from './pipelines.js';
import { mountPlugins } from './plugins.js';
import { session } from './session.js';

const views = ['devices', 'plugins', 'pipelines'];
const shell = ['nav', 'stream-status', 'who', 'logout'].map((id) => document.querySelector(`[data-testid="${id}"]`));
const loginSection = document.getElementById('view-login');
const notice = document.querySelector('[data-testid="notice"]');
let mountedFor = null; // {user, role} the views were built for
let current = null;

// #devices, #plugins, #pipelines or #pipelines/<id> (opens that pipeline)
function show(hash) {
  let [name, arg] = hash.split('/');
  if (!views.includes(name)) { name = 'devices'; arg = undefined; }
  current = name;
  for (const v of views) {
    document.getElementById(`view-${v}`).hidden = v !== name;
    document.querySelector(`[data-view="${v}"]`).classList.toggle('active', v === name);
  }
  if (location.hash.slice(1).split('/')[0] !== name) history.replaceState(history.state, '', `#${name}`);
  window.dispatchEvent(new CustomEvent('gantry:view', { detail: name }));
  if (arg) window.dispatchEvent(new CustomEvent(`gantry:open-${name}`, { detail: decodeURIComponent(arg) }));
}

const status = document.querySelector('[data-testid="stream-status"]');
events.onStatus((state) => {
  status.dataset.state = state;
  status.textContent = state === 'live' ? '● live' : state === 'reconnecting' ? '○ reconnecting…' : state === 'stopped' ? '○ closed' : '○ connecting…';
});

for (const button of document.querySelectorAll('[data-view]')) {
  button.addEventListener('click', () => show(button.dataset.view));
}

const login = mountLogin(loginSection, enter);

function showLogin(message) {
  document.body.dataset.session = 'out';
  notice.hidden = true;
  for (const el of shell) el.hidden = true;
  for (const v of views) document.getElementById(`view-${v}`).hidden = true;
  loginSection.hidden = false;
  login.show(message);
}

async function enter(body) {
  if (mountedFor && (mountedFor.user !== body.user || mountedFor.role !== body.role)) {
    location.reload(); // start clean for someone else
    return;
  }
  session.set(body);
  document.body.dataset.session = 'in';
  document.querySelector('[data-testid="who-user"]').textContent = body.user;
  const role = document.querySelector('[data-testid="who-role"]');
  role.textContent = body.role;
  role.dataset.role = body.role;
  document.querySelector('[data-testid="who"]').title = body.tokenId ? `logged in with token ${body.tokenId}` : 'logged in with a password';
  loginSection.hidden = true;
  for (const el of shell) el.hidden = false;
  if (mountedFor) {
    events.start(); // resumes with since=<epoch>:<seq>: the controller replays what happened meanwhile
    show(current || location.hash.slice(1));
    return;
  }
  mountedFor = { user: body.user, role: body.role };
  events.start();
  await catalog.start();
  mountDevices(document.getElementById('view-devices'));
  mountPlugins(document.getElementById('view-plugins'));
  mountPipelines(document.getElementById('view-pipelines'));
  show(location.hash.slice(1));
  document.body.dataset.ready = 'true';
}

session.onEnd((message) => {
  events.stop();
  const why = /session has ended/.test(message) ? '' : ` (${message})`;
  showLogin(`Your session has ended${why}. Log in again to go on.`);
});
// an admin changed this user's role meanwhile (found on a 403): build the page anew for it
session.onChange(() => location.reload());

// the stream was closed for its credentials, or its upgrade refused: does the session still stand?
events.onDenied(async (reason) => {
  try {
    session.set((await request('GET', '/session')).data);
    return true; // e.g. a client too slow, or the controller restarting: try again
  } catch (e) {
    if (e.status === 401) {
      session.end(reason === 'session ended' ? 'the event stream was closed' : reason);
      return false;
    }
    return true; // unreachable: keep trying
  }
});

document.querySelector('[data-testid="logout"]').addEventListener('click', async () => {
  try {
    await request('DELETE', '/session');
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 401) { notify(`Logout failed: ${e.message}`); return; }
  }
  // a reload forgets everything this user saw; the history entry's state says why the login shows
  history.replaceState({ gantryLoggedOut: true }, '');
  location.reload();
});

// for the browser test and for support: the stream (blip() simulates a network drop)
window.gantryHmi = { ...window.gantryHmi, events, catalog, session };

let start = null;
try {
  start = await get('/session');
} catch (e) {
  start = e;
}
if (start && !(start instanceof Error)) {
  await enter(start);
} else {
  const loggedOut = history.state && history.state.gantryLoggedOut;
  if (loggedOut) history.replaceState(null, '');
  // a cookie the controller no longer knows (expired, or the controller restarted) says so
  const ended = start && start.status === 401 && /session has ended/.test(start.message);
  showLogin(loggedOut ? 'You have logged out.' : ended ? 'Your session has ended. Log in again to go on.'
    : start && start.status !== 401 ? `Reading the session failed: ${start.message}` : '');
}
