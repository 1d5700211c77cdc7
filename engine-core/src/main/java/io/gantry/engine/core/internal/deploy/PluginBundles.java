package io.gantry.engine.core.internal.deploy;

import io.gantry.engine.core.internal.registry.BundleStates;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.registry.RootCause;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework side of deploying a plugin: install, start and check, replace, remove. A version
 * serves only when its bundle started, every one of its components came up and the registry admitted
 * it; otherwise it is stopped again, so a broken plugin never half-runs. A replacement stops the old
 * version, swaps the content, refreshes only this bundle and starts the new version once.
 */
final class PluginBundles {
    private static final Logger LOG = LoggerFactory.getLogger(PluginBundles.class);

    private final BundleContext context;
    private final ActivationCheck activation;
    private final PluginRegistry registry;
    private final long refreshTimeoutMs;

    PluginBundles(BundleContext context, ActivationCheck activation, PluginRegistry registry, long refreshTimeoutMs) {
        this.context = context;
        this.activation = activation;
        this.registry = registry;
        this.refreshTimeoutMs = refreshTimeoutMs;
    }

    /** @return the bundle deployed from this file of deploy/, if any */
    Bundle installed(String file) {
        return context.getBundle(PluginRegistry.HOT_DEPLOYED + file);
    }

    /** @return every bundle deployed from deploy/ */
    List<Bundle> all() {
        List<Bundle> deployed = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(PluginRegistry.HOT_DEPLOYED)) {
                deployed.add(bundle);
            }
        }
        return deployed;
    }

    Bundle install(String file, byte[] jar) throws BundleException {
        return context.installBundle(PluginRegistry.HOT_DEPLOYED + file, new ByteArrayInputStream(jar));
    }

    /** Starts a plugin version and lets it serve if it came up whole. */
    Outcome start(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            stop(bundle);
            return Outcome.failed("did not start: " + RootCause.message(e));
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            stop(bundle);
            return Outcome.failed("did not start: it is " + BundleStates.name(bundle.getState()) + " after its start");
        }
        List<String> failures = activation.failures(bundle);
        if (!failures.isEmpty()) {
            stop(bundle);
            return Outcome.failed(String.join("; ", failures));
        }
        return admit(bundle);
    }

    /** Asks the registry to let a running plugin serve; a refused one is stopped. */
    Outcome admit(Bundle bundle) {
        List<String> refusal = registry.admit(bundle);
        if (!refusal.isEmpty()) {
            stop(bundle);
            return Outcome.refused("refused: " + String.join("; ", refusal));
        }
        return Outcome.SERVING;
    }

    /** Puts other content into a plugin's bundle: stop, update, refresh, start once. */
    Outcome replace(Bundle bundle, byte[] jar) {
        stop(bundle);
        try {
            bundle.update(new ByteArrayInputStream(jar));
        } catch (BundleException e) {
            return Outcome.failed("cannot be installed: " + RootCause.message(e));
        }
        refresh(bundle);
        return start(bundle);
    }

    void remove(Bundle bundle) throws BundleException {
        bundle.uninstall();
        refresh(bundle);
    }

    /** Stops a plugin; its activator failing to stop still leaves it stopped, which is all that matters here. */
    void stop(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException | RuntimeException e) {
            LOG.warn(
                    "plugin {} {} did not stop cleanly: {}",
                    bundle.getSymbolicName(),
                    bundle.getVersion(),
                    RootCause.message(e));
        }
    }

    /** Refreshes the bundle and what is wired to it: for a plugin, nothing of the core or other plugins. */
    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(refreshTimeoutMs, TimeUnit.MILLISECONDS)) {
                LOG.warn("refreshing {} took longer than {} ms", bundle.getSymbolicName(), refreshTimeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
