// fetch for the controller's /api, with problem+json errors turned into ApiError.

/** An answer of 4xx/5xx: carries the RFC 9457 problem (type, title, detail, errors[]). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.kind = (problem.type || '').replace('urn:gantry:problem:', '');
  }
}

/**
 * @param {string} method
 * @param {string} path below /api, starting with /
 * @param {object} [options] body (JSON), headers
 * @returns {Promise<{status:number, data:any, etag:string|null, location:string|null}>}
 */
export async function request(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
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
    throw new ApiError(response.status, data && typeof data === 'object' ? data : { title: response.statusText, detail: String(data || '') });
  }
  return { status: response.status, data, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
}

export const get = async (path) => (await request('GET', path)).data;
export const post = async (path, body) => (await request('POST', path, { body })).data;
export const del = (path) => request('DELETE', path);

/** Encodes one path segment (ids are already safe, but never trust that). */
export const seg = (id) => encodeURIComponent(id);
