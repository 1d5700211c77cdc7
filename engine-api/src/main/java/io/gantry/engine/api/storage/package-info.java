/**
 * Persistence of pipelines, device instances and execution records: the repositories the core
 * writes through so that nothing acknowledged is lost on a crash. Exported so that another bundle
 * (for example one backed by PostgreSQL for a fleet) can provide them instead of the built-in
 * SQLite store.
 */
@Version("1.0.0")
@Export
package io.gantry.engine.api.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
