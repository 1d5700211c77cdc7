// Tiny DOM helpers: h('tag.class', {attrs}, children...).
//
// The page's Content-Security-Policy has no 'unsafe-inline': a style="…" or on…="…" attribute would
// be refused by the browser, so h() takes a style only as an object (set through el.style, which the
// CSP allows) and handlers only as functions.

export function h(spec, attrs = {}, ...children) {
  const [tag, ...classes] = spec.split('.');
  const el = document.createElement(tag || 'div');
  if (classes.length) el.className = classes.join(' ');
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value !== 'function') throw new TypeError(`${key}: a handler must be a function (the CSP refuses inline handlers)`);
    if (key === 'style') {
      if (typeof value !== 'object') throw new TypeError('style: give an object (the CSP refuses style="…")');
      Object.assign(el.style, value);
      continue;
    }
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'testid') el.dataset.testid = value;
    else if (key === 'text') el.textContent = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Shows a message in the notice bar (errors stay until closed, info fades). */
export function notify(message, kind = 'error') {
  // logged out: what failed meanwhile is moot, the login view says why
  if (document.body.dataset.session === 'out') return;
  const bar = document.querySelector('[data-testid="notice"]');
  bar.replaceChildren(h('span', { text: message }), h('button', { type: 'button', onclick: () => { bar.hidden = true; } }, '×'));
  bar.dataset.kind = kind;
  bar.hidden = false;
  clearTimeout(notify.timer);
  if (kind !== 'error') notify.timer = setTimeout(() => { bar.hidden = true; }, 4000);
}

/** Coalesces calls that come together into one, a little later. */
export function debounce(fn, ms = 100) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

export const fmtMs = (ms) => (ms === null || ms === undefined ? '' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10000 ? 2 : 1)} s`);
export const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString() : '');
export const fmtShortTime = (iso) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' }) : '');
