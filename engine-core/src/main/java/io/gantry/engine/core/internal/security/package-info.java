/**
 * Who may do what: users, API tokens, password and token authentication
 * ({@link io.gantry.engine.core.internal.security.CredentialsImpl}), their administration
 * ({@link io.gantry.engine.core.internal.security.UserAdministrationImpl}, which also makes the
 * initial admin on first start) and the audit trail
 * ({@link io.gantry.engine.core.internal.security.AuditTrailImpl}). Users and tokens are held in
 * memory by {@link io.gantry.engine.core.internal.security.AccountDirectory} and written through to
 * SQLite, so that authenticating a request never reads the database. Private: nothing here is
 * exported.
 */
package io.gantry.engine.core.internal.security;
