/**
 * The core's use-case services that REST, the shell and tests call.
 */
@Version("1.4.0")
@Export
package io.gantry.engine.api.service;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
