// The login view: a user and password, or an API token (the first login of a new controller is with
// the admin token it wrote to $GANTRY_DATA/initial-admin.token). POST /api/session answers with the
// HttpOnly session cookie and the CSRF token; a refusal shows the server's detail, and while failed
// logins are being slowed down (429, or a 401 that earned a wait) the wait, counted down, with the
// button off until it has passed. The fields are emptied once used: nothing is kept.

import { request } from './api.js';
import { h } from './dom.js';

/**
 * @param {HTMLElement} root where the view is drawn
 * @param {(session:object)=>void} loggedIn called with the answer of POST /api/session
 * @returns {{show:(message?:string)=>void}}
 */
export function mountLogin(root, loggedIn) {
  let mode = 'password';
  let waitUntil = 0;
  let countdown = null;

  const message = h('p.login-message', { testid: 'login-message', role: 'status', hidden: true });
  const error = h('div.login-error', { testid: 'login-error', role: 'alert', hidden: true });
  const wait = h('span.login-wait', { testid: 'login-wait' });
  const user = h('input', { testid: 'login-user', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { type: 'password', testid: 'login-password', name: 'password', autocomplete: 'current-password' });
  const token = h('input', { type: 'password', testid: 'login-token', name: 'token', autocomplete: 'off', spellcheck: 'false', placeholder: 'gnt_…' });
  const submit = h('button.primary', { type: 'submit', testid: 'login-submit' }, 'Log in');
  const byPassword = h('button', { type: 'button', testid: 'login-mode-password', onclick: () => choose('password') }, 'User + password');
  const byToken = h('button', { type: 'button', testid: 'login-mode-token', onclick: () => choose('token') }, 'API token');
  const passwordFields = h('div', {},
    h('label', {}, h('span.name', {}, 'User'), user),
    h('label', {}, h('span.name', {}, 'Password'), password));
  const tokenFields = h('div', {},
    h('label', {}, h('span.name', {}, 'Token'), token),
    h('p.muted', {}, 'A new controller writes its first admin token to ', h('code', {}, '$GANTRY_DATA/initial-admin.token'),
      '. Log in with it, then create users or tokens with less power for everyday use.'));

  const form = h('form.card.login', { method: 'post', action: '#', testid: 'login-form', onsubmit: (e) => { e.preventDefault(); send(); } },
    h('h2', {}, 'Log in to Gantry'),
    message,
    h('div.modes', { role: 'group', 'aria-label': 'How to log in' }, byPassword, byToken),
    passwordFields, tokenFields, error,
    h('div.row', {}, submit, wait));
  root.classList.add('login-view');
  root.replaceChildren(form);
  choose('password');

  function choose(next) {
    mode = next;
    byPassword.setAttribute('aria-pressed', String(mode === 'password'));
    byToken.setAttribute('aria-pressed', String(mode === 'token'));
    passwordFields.hidden = mode !== 'password';
    tokenFields.hidden = mode !== 'token';
    focus();
  }

  function focus() {
    if (root.hidden) return;
    (mode === 'token' ? token : user.value ? password : user).focus();
  }

  async function send() {
    if (Date.now() < waitUntil) return;
    const body = mode === 'token' ? { token: token.value.trim() } : { user: user.value.trim(), password: password.value };
    submit.disabled = true;
    error.hidden = true;
    try {
      const answer = await request('POST', '/session', { body });
      password.value = '';
      token.value = '';
      message.hidden = true;
      loggedIn(answer.data);
    } catch (e) {
      password.value = '';
      const details = e.errors && e.errors.length ? e.errors.map((x) => `${x.path}: ${x.message}`).join('; ') : e.message;
      // a 429's detail says it all ("too many failed logins; try again in N s")
      error.replaceChildren(e.status === 401 ? h('b', {}, 'Refused. ') : '', details);
      error.dataset.status = String(e.status);
      error.hidden = false;
      if (e.retryAfter) startWait(e.retryAfter);
      focus();
    } finally {
      submit.disabled = Date.now() < waitUntil;
    }
  }

  /** Counts a server-given wait down; the button stays off until it has passed. */
  function startWait(seconds) {
    waitUntil = Date.now() + seconds * 1000;
    clearInterval(countdown);
    const tick = () => {
      const left = Math.ceil((waitUntil - Date.now()) / 1000);
      if (left <= 0) {
        clearInterval(countdown);
        wait.textContent = '';
        submit.disabled = false;
        return;
      }
      wait.textContent = `You can try again in ${left} s.`;
      submit.disabled = true;
    };
    tick();
    countdown = setInterval(tick, 1000);
  }

  return {
    /** Shows the view, with why (session ended, logged out) when there is something to say. */
    show(text = '') {
      message.textContent = text;
      message.hidden = !text;
      focus();
    },
  };
}
