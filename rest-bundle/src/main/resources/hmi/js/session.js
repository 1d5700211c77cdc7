// Who is logged in, in memory only: the session cookie is HttpOnly (the page never sees it) and the
// CSRF token lives in this object, read again from GET /api/session after a reload. Nothing goes to
// localStorage or sessionStorage.

/** The roles, least first: each one may do what the ones before it may. */
export const ROLES = ['viewer', 'operator', 'engineer', 'admin'];

class Session {
  constructor() {
    this.current = null; // {user, role, tokenId, via, csrfToken, idleTimeoutSeconds}
    this.endListeners = new Set();
    this.changeListeners = new Set();
  }

  get user() { return this.current ? this.current.user : null; }

  get role() { return this.current ? this.current.role : null; }

  get csrfToken() { return this.current ? this.current.csrfToken : null; }

  /** @param {string} role a role name @returns {boolean} whether the logged-in role includes it */
  can(role) {
    return !!this.current && ROLES.indexOf(this.current.role) >= ROLES.indexOf(role);
  }

  /**
   * Why a control is off for this role, for its title; empty when the role may use it.
   * @param {string} role the least role the control needs
   */
  needs(role) {
    return this.can(role) ? '' : `Needs the ${role} role (you are ${this.role || 'not logged in'})`;
  }

  /** @param {object} body the answer of POST or GET /api/session */
  set(body) {
    const before = this.current;
    this.current = { ...body };
    if (before && (before.user !== body.user || before.role !== body.role)) {
      for (const fn of this.changeListeners) fn(this.current, before);
    }
  }

  /**
   * The session is over (401, a stream closed with 1008, logout): forget it and tell the shell.
   * @param {string} message why, for the login view
   */
  end(message) {
    if (!this.current) return;
    this.current = null;
    for (const fn of this.endListeners) fn(message);
  }

  /** @param {(message:string)=>void} fn called once each time the session ends */
  onEnd(fn) { this.endListeners.add(fn); }

  /** @param {(now:object, before:object)=>void} fn called when the user or role changed */
  onChange(fn) { this.changeListeners.add(fn); }
}

export const session = new Session();

/**
 * Disables a control the role cannot use and says which role it needs in its title.
 *
 * @param {HTMLElement} el a button, input or select
 * @param {string} role the least role that may use it
 * @param {boolean} [off] disabled for another reason too
 * @param {string} [title] its title when the role may use it
 * @returns {HTMLElement} el
 */
export function allow(el, role, off = false, title = '') {
  const refused = session.needs(role);
  el.disabled = off || !!refused;
  el.title = refused || title;
  if (refused) el.dataset.needsRole = role;
  else delete el.dataset.needsRole;
  return el;
}
