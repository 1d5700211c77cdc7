/**
 * Who may do what: roles, the identity of a caller, authentication of API tokens and passwords, the
 * administration of users and tokens, and the audit trail. The core implements these services; the
 * REST bundle, the shell and bridges call them.
 */
@Version("1.0.0")
@Export
package io.gantry.engine.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
