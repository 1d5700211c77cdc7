package io.gantry.engine.core.internal.deploy;

import io.gantry.engine.api.event.EventProperties;
import io.gantry.engine.api.event.Topics;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.registry.InFlightCalls;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, updates and removes the plugin bundles dropped into {@code deploy/}, in place of
 * FileInstall's own handling (a higher service ranking makes FileInstall ask this installer first).
 * An update touches only the plugin: calls in flight on the old version may finish (bounded) before
 * the swap, only the plugin bundle is refreshed, and when the new version does not resolve or its
 * components fail to activate, the last good version is put back and the failure reported — a bad
 * vendor jar never leaves a cell without its driver.
 */
@Component(service = ArtifactInstaller.class, property = "service.ranking:Integer=100")
@Designate(ocd = PluginDeployerConfiguration.class)
public final class PluginDeployer implements ArtifactInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDeployer.class);
    private static final String LOCATION_PREFIX = "gantry:deploy/";

    private final BundleContext context;
    private final InFlightCalls inFlight;
    private final EventPublisher events;
    private final DeploymentLog log;
    private final ActivationCheck activation;
    private final PluginDeployerConfiguration config;
    private final Path lastGood;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param config    timeouts
     * @param context   to install bundles
     * @param inFlight  calls running per plugin
     * @param events    the event bus
     * @param log       where failures are kept
     * @param scr       to see whether a plugin's components came up
     */
    @Activate
    public PluginDeployer(PluginDeployerConfiguration config, BundleContext context, @Reference InFlightCalls inFlight,
            @Reference EventPublisher events, @Reference DeploymentLog log, @Reference ServiceComponentRuntime scr) {
        this.config = config;
        this.context = context;
        this.inFlight = inFlight;
        this.events = events;
        this.log = log;
        this.activation = new ActivationCheck(scr);
        String data = context.getProperty("gantry.data");
        this.lastGood = Path.of(data == null ? "data" : data).resolve("plugins");
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().endsWith(".jar") && BundleJar.problem(artifact) == null;
    }

    @Override
    public void install(File artifact) throws Exception {
        synchronized (lockOf(artifact)) {
            byte[] jar = Files.readAllBytes(artifact.toPath());
            Bundle bundle;
            try {
                bundle = context.installBundle(location(artifact), new ByteArrayInputStream(jar));
            } catch (BundleException e) {
                LOG.error("deploy/{} cannot be installed: {}", artifact.getName(), e.getMessage());
                throw e;
            }
            String failure = startAndCheck(bundle);
            if (failure == null) {
                keepAsLastGood(artifact, jar);
                log.succeeded(bundle.getSymbolicName());
                LOG.info("plugin {} {} installed from deploy/{}", bundle.getSymbolicName(), bundle.getVersion(),
                        artifact.getName());
            } else {
                log.failed(new DeploymentLog.Failure(bundle.getSymbolicName(), bundle.getVersion().toString(), failure,
                        "FAILED"));
                LOG.error("plugin {} {} from deploy/{} does not work: {}", bundle.getSymbolicName(), bundle.getVersion(),
                        artifact.getName(), failure);
            }
            announce(Topics.PLUGIN_INSTALLED, bundle, null, failure);
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        synchronized (lockOf(artifact)) {
            Bundle bundle = installed(artifact);
            if (bundle == null) {
                install(artifact);
                return;
            }
            String previousVersion = bundle.getVersion().toString();
            byte[] jar = Files.readAllBytes(artifact.toPath());
            drain(bundle);
            String failure = swap(bundle, jar);
            if (failure == null) {
                keepAsLastGood(artifact, jar);
                log.succeeded(bundle.getSymbolicName());
                LOG.info("plugin {} updated {} -> {}", bundle.getSymbolicName(), previousVersion, bundle.getVersion());
            } else {
                rollBack(artifact, bundle, failure);
            }
            announce(Topics.PLUGIN_UPDATED, bundle, previousVersion, failure);
        }
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        synchronized (lockOf(artifact)) {
            Bundle bundle = installed(artifact);
            if (bundle == null) {
                return;
            }
            drain(bundle);
            bundle.uninstall();
            refresh(bundle);
            Files.deleteIfExists(lastGood.resolve(artifact.getName()));
            log.succeeded(bundle.getSymbolicName());
            LOG.info("plugin {} {} removed (deploy/{} deleted)", bundle.getSymbolicName(), bundle.getVersion(),
                    artifact.getName());
            announce(Topics.PLUGIN_UNINSTALLED, bundle, null, null);
        }
    }

    /** Replaces the bundle's content, refreshing only it; @return null on success, else what failed */
    private String swap(Bundle bundle, byte[] jar) {
        try {
            bundle.update(new ByteArrayInputStream(jar));
            refresh(bundle);
        } catch (BundleException e) {
            return "update failed: " + e.getMessage();
        }
        return startAndCheck(bundle);
    }

    private void rollBack(File artifact, Bundle bundle, String failure) throws IOException {
        String failedVersion = bundle.getVersion().toString();
        Path good = lastGood.resolve(artifact.getName());
        if (!Files.exists(good)) {
            log.failed(new DeploymentLog.Failure(bundle.getSymbolicName(), failedVersion, failure, "FAILED"));
            LOG.error("plugin {} {} does not work and there is no earlier version to go back to: {}",
                    bundle.getSymbolicName(), failedVersion, failure);
            return;
        }
        String rollbackFailure = swap(bundle, Files.readAllBytes(good));
        log.failed(new DeploymentLog.Failure(bundle.getSymbolicName(), failedVersion, failure,
                rollbackFailure == null ? "ROLLED_BACK" : "FAILED"));
        if (rollbackFailure == null) {
            LOG.error("plugin {} {} does not work ({}); version {} is back in service", bundle.getSymbolicName(),
                    failedVersion, failure, bundle.getVersion());
        } else {
            LOG.error("plugin {} {} does not work ({}) and going back failed too: {}", bundle.getSymbolicName(),
                    failedVersion, failure, rollbackFailure);
        }
    }

    /** Starts the bundle; @return null when it and its components came up, else what failed */
    private String startAndCheck(Bundle bundle) {
        try {
            bundle.start();
        } catch (BundleException | RuntimeException e) {
            return "start failed: " + (e.getCause() == null ? e.getMessage() : e.getMessage() + ": " + e.getCause());
        }
        List<String> failures = activation.failures(bundle);
        return failures.isEmpty() ? null : String.join("; ", failures);
    }

    /** Lets calls in flight on the old version finish, up to the configured bound. */
    private void drain(Bundle bundle) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.drainTimeoutMs());
        while (inFlight.of(bundle.getBundleId()) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // a bounded poll of a counter, not a synchronisation of the calls
        }
        int left = inFlight.of(bundle.getBundleId());
        if (left > 0) {
            LOG.warn("{} calls of plugin {} still running after {} ms; swapping anyway", left,
                    bundle.getSymbolicName(), config.drainTimeoutMs());
        }
    }

    /** Refreshes the bundle and what is wired to it — for a plugin, nothing of the core or other plugins. */
    private void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(config.refreshTimeoutMs(), TimeUnit.MILLISECONDS)) {
                LOG.warn("refreshing {} took longer than {} ms", bundle.getSymbolicName(), config.refreshTimeoutMs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void keepAsLastGood(File artifact, byte[] jar) {
        try {
            Files.createDirectories(lastGood);
            Path temporary = lastGood.resolve(artifact.getName() + ".tmp");
            Files.write(temporary, jar);
            Files.move(temporary, lastGood.resolve(artifact.getName()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot keep a copy of deploy/{} to roll back to: {}", artifact.getName(), e.toString());
        }
    }

    private void announce(String topic, Bundle bundle, String previousVersion, String failure) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EventProperties.PLUGIN, bundle.getSymbolicName());
        properties.put(EventProperties.PLUGIN_VERSION, bundle.getVersion().toString());
        properties.put(EventProperties.PREVIOUS_VERSION, previousVersion);
        properties.put(EventProperties.ERROR, failure);
        events.publish(topic, properties);
    }

    /**
     * @return the bundle installed from this file: by this deployer, or by FileInstall itself when it
     *     scanned the folder before this deployer was there
     */
    private Bundle installed(File artifact) {
        Bundle bundle = context.getBundle(location(artifact));
        if (bundle == null) {
            bundle = context.getBundle(artifact.toURI().normalize().toString());
        }
        return bundle;
    }

    private Object lockOf(File artifact) {
        return locks.computeIfAbsent(artifact.getName(), name -> new Object());
    }

    private static String location(File artifact) {
        return LOCATION_PREFIX + artifact.getName();
    }
}
