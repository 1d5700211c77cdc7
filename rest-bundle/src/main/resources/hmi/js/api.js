// fetch for the controller's /api, with problem+json errors turned into ApiError. The session cookie
// goes along by itself (same origin); every change carries the session's CSRF token; a 401 ends the
// session (the shell shows the login again) and a 403 makes the page read its role again.

import { session } from './session.js';

const SAFE = new Set(['GET', 'HEAD']);

/** An answer of 4xx/5xx: carries the RFC 9457 problem (type, title, detail, errors[]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.kind = (problem.type || '').replace('urn:gantry:problem:', '');
    /** seconds to wait before trying again (a refused or throttled login), else null */
    this.retryAfter = typeof problem.retryAfterSeconds === 'number' ? problem.retryAfterSeconds : null;
  }
}

/**
 * @param {string} method
 * @param {string} path below /api, starting with /
 * @param {object} [options] body (JSON), or raw (a Blob or File) with its contentType; headers
 * @returns {Promise<{status:number, data:any, etag:string|null, location:string|null}>}
 */
export async function request(method, path, { body, raw, contentType, headers = {} } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers } };
  if (raw !== undefined) {
    init.headers['Content-Type'] = contentType || 'application/octet-stream';
    init.body = raw;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (!SAFE.has(method) && session.csrfToken) init.headers['X-CSRF-Token'] = session.csrfToken;
  let response;
  try {
    response = await fetch('/api' + path, init);
  } catch (e) {
    throw new ApiError(0, { title: 'Controller unreachable', detail: `${method} ${path}: ${e.message}` });
  }
  const text = await response.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch { data = text; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data && typeof data === 'object' ? data : { title: response.statusText, detail: String(data || '') });
    if (error.retryAfter === null && response.headers.get('Retry-After')) error.retryAfter = Number(response.headers.get('Retry-After')) || null;
    // expired, idle too long, token revoked, user removed: back to the login (a no-op when logged out)
    if (response.status === 401) session.end(error.message);
    if (response.status === 403) recheckSession();
    throw error;
  }
  return { status: response.status, data, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body) => (await request('POST', path, { body })).data;
export const del = (path) => request('DELETE', path);

let rechecking = null;

/** A refusal may mean the role changed meanwhile (or the CSRF token): read the session again. */
function recheckSession() {
  if (rechecking || !session.current) return;
  rechecking = request('GET', '/session')
    .then((answer) => { if (session.current) session.set(answer.data); })
    .catch(() => {}) // a 401 has ended the session already
    .finally(() => { rechecking = null; });
}

/** Encodes one path segment (ids are already safe, but never trust that). */
export const seg = (id) => encodeURIComponent(id);
