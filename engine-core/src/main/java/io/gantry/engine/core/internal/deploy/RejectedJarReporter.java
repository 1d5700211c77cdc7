package io.gantry.engine.core.internal.deploy;

import java.io.File;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports jars dropped into {@code deploy/} that are not bundles. FileInstall passes over such a
 * file in silence and retries it forever; an operator must instead read which file was refused and
 * why. This installer claims exactly those jars, logs them once per change and remembers them.
 */
@Component
public final class RejectedJarReporter implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedJarReporter.class);

    private final Map<String, String> rejected = new ConcurrentHashMap<>();

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".jar") && BundleJar.problem(artifact) != null;
    }

    @Override
    public void install(File artifact) {
        report(artifact);
    }

    @Override
    public void update(File artifact) {
        report(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        if (rejected.remove(artifact.getName()) != null) {
            LOG.info("deploy/{} was removed", artifact.getName());
        }
    }

    /** @return file name → why it was refused, for every refused jar still in deploy/ */
    public Map<String, String> rejectedJars() {
        return Map.copyOf(rejected);
    }

    private void report(File artifact) {
        String problem = BundleJar.problem(artifact);
        if (problem != null) {
            rejected.put(artifact.getName(), problem);
            LOG.error("deploy/{} is not a plugin bundle and is ignored: {}", artifact.getName(), problem);
        }
    }
}
