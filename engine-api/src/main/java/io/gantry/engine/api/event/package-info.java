/**
 * The EventAdmin topics and event property keys under {@code gantry/*}, and the {@link
 * io.gantry.engine.api.event.EventLog}: the same events numbered and kept on disk across restarts.
 */
@Version("1.5.0")
@Export
package io.gantry.engine.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
