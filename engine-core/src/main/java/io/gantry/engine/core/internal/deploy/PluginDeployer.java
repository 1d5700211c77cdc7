package io.gantry.engine.core.internal.deploy;

import io.gantry.engine.api.error.NotFoundException;
import io.gantry.engine.api.error.PluginRefusedException;
import io.gantry.engine.api.service.PluginDeployment;
import io.gantry.engine.core.internal.deploy.DeployFolder.Stamp;
import io.gantry.engine.core.internal.deploy.SettledFiles.Changes;
import io.gantry.engine.core.internal.events.EventPublisher;
import io.gantry.engine.core.internal.registry.InFlightCalls;
import io.gantry.engine.core.internal.registry.PluginProblems;
import io.gantry.engine.core.internal.registry.PluginRegistry;
import io.gantry.engine.core.internal.registry.RootCause;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys every plugin jar in {@code deploy/}, always: the jars found at start (in the order they
 * were first deployed, so ids keep their owners), and each jar added, changed or removed while the
 * controller runs. FileInstall handles only the configuration files there. A version that does not
 * work never leaves a plugin without service when an earlier one worked: the last good copy of each
 * file is kept in {@code data/plugins/} and put back, at start as during an update. All deployment
 * runs on one thread ({@code gantry-deploy}), one file at a time, as the framework wants it.
 */
@Component(
        service = {PluginDeployer.class, PluginDeployment.class},
        immediate = true)
@Designate(ocd = PluginDeployerConfiguration.class)
public final class PluginDeployer implements PluginDeployment {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDeployer.class);

    private final PluginDeployerConfiguration config;
    private final PluginRegistry registry;
    private final InFlightCalls inFlight;
    private final PluginProblems problems;
    private final DeployAnnouncer announcer;
    private final PluginBundles bundles;
    private final DeployFolder folder;
    private final LastGoodCopies copies;
    private final SignaturePolicy signatures;
    private final SettledFiles settled = new SettledFiles();
    private final BundleContext context;
    private final long poll;
    private final long settleMs;
    private volatile FolderWatch watch;
    private final AtomicBoolean deploying = new AtomicBoolean();
    private final FrameworkListener frameworkStarted = this::startDeploying;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "gantry-deploy");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param config   timeouts and the scan interval
     * @param context  to install bundles and read where deploy/ and data/ are
     * @param registry admits the plugins that started
     * @param inFlight calls running per plugin, let finish before a swap
     * @param events   the event bus
     * @param problems where failures and rejected files are kept for the plugin list
     * @param scr      to see whether a plugin's components came up
     */
    @Activate
    public PluginDeployer(
            PluginDeployerConfiguration config,
            BundleContext context,
            @Reference PluginRegistry registry,
            @Reference InFlightCalls inFlight,
            @Reference EventPublisher events,
            @Reference PluginProblems problems,
            @Reference ServiceComponentRuntime scr) {
        this.config = config;
        this.registry = registry;
        this.inFlight = inFlight;
        this.problems = problems;
        this.announcer = new DeployAnnouncer(events);
        this.bundles = new PluginBundles(
                context, new ActivationCheck(scr, config.activationTimeoutMs()), registry, config.refreshTimeoutMs());
        this.folder = new DeployFolder(deployFolder(context));
        this.signatures = SignaturePolicy.of(
                context.getProperty(SignaturePolicy.TRUST_STORE),
                context.getProperty(SignaturePolicy.TRUST_STORE_PASSWORD));
        this.copies = new LastGoodCopies(
                Path.of(property(context, "gantry.data", "data")).resolve("plugins"));
        this.context = context;
        this.poll = Long.parseLong(property(context, "felix.fileinstall.poll", "250"));
        this.settleMs = Math.max(1, config.settleMs());
        // while the framework is still starting, Felix only marks a started bundle for later and it
        // would then come up unchecked: deploy once the framework is up
        context.addFrameworkListener(frameworkStarted);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            frameworkStarted.frameworkEvent(new FrameworkEvent(FrameworkEvent.STARTED, context.getBundle(0), null));
        }
    }

    private void startDeploying(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED && deploying.compareAndSet(false, true)) {
            worker.execute(this::reconcile);
            worker.scheduleWithFixedDelay(this::scan, poll, poll, TimeUnit.MILLISECONDS);
            watch = FolderWatch.start(folder.path(), this::changeSeen);
        }
    }

    /**
     * A change in deploy/: scan now, and again once the file has had time to settle. A file counts as
     * written once two scans in a row see it alike ({@link SettledFiles}); the second scan comes
     * {@code settleMs} after the latest change, so a copy still going on is seen changing again.
     */
    private void changeSeen() {
        try {
            worker.execute(this::scan);
            worker.schedule(this::scan, settleMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        context.removeFrameworkListener(frameworkStarted);
        FolderWatch watching = watch;
        if (watching != null) {
            watching.close();
        }
        worker.shutdownNow();
        worker.awaitTermination(config.refreshTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Deployed deploy(byte[] jar) {
        String problem = problemWith(jar);
        if (problem != null) {
            throw new PluginRefusedException("the upload is not deployed: " + problem);
        }
        BundleJar.Identity plugin = BundleJar.identity(jar).orElseThrow();
        return onWorker(() -> {
            Bundle existing = bundleNamed(plugin.name());
            String name = existing == null ? plugin.name() + ".jar" : fileOf(existing);
            folder.write(name, jar); // the jar lands in deploy/ as any dropped file should: atomically
            deploySafely(name, folder.scan().get(name));
            Bundle bundle = bundles.installed(name);
            Optional<PluginProblems.Failure> failure = problems.failure(plugin.name());
            boolean serving = bundle != null
                    && bundle.getState() == Bundle.ACTIVE
                    && bundle.getVersion().toString().equals(normalized(plugin.version()))
                    && failure.isEmpty();
            if (!serving) {
                throw new PluginRefusedException(failure.map(PluginProblems.Failure::error)
                        .orElse("version " + plugin.version() + " of " + plugin.name() + " does not serve"));
            }
            return new Deployed(
                    registry.plugins().stream()
                            .filter(p -> p.symbolicName().equals(plugin.name()))
                            .findFirst()
                            .orElseThrow(),
                    existing == null);
        });
    }

    @Override
    public void remove(String symbolicName) {
        onWorker(() -> {
            Bundle bundle = bundleNamed(symbolicName);
            if (bundle == null) {
                throw new NotFoundException("no plugin '" + symbolicName + "' was deployed");
            }
            String name = fileOf(bundle);
            Files.deleteIfExists(folder.path().resolve(name));
            settled.actedOn(name, null);
            removeFile(name);
            return null;
        });
    }

    /** Runs on the deploy thread, one deployment at a time with the folder's own, and waits for it. */
    private <T> T onWorker(Callable<T> work) {
        try {
            return worker.submit(work)
                    .get(
                            config.refreshTimeoutMs() + config.drainTimeoutMs() + config.activationTimeoutMs() * 2,
                            TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("deploying failed: " + RootCause.message(e), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the deployment did not finish in time; see GET /api/plugins", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deploying", e);
        }
    }

    private Bundle bundleNamed(String symbolicName) {
        return bundles.all().stream()
                .filter(b -> symbolicName.equals(b.getSymbolicName()))
                .findFirst()
                .orElse(null);
    }

    private static String fileOf(Bundle bundle) {
        return bundle.getLocation().substring(PluginRegistry.HOT_DEPLOYED.length());
    }

    private static String normalized(String version) {
        return Version.parseVersion(version).toString();
    }

    /** At start: deploy/ as it is now decides which plugins run, whatever happened while stopped. */
    private void reconcile() {
        copies.clean();
        Map<String, Stamp> now = folder.scan();
        settled.next(now);
        for (Bundle left : bundles.all()) {
            // bundles outlive this component when only it restarts (its bundle refreshed, a new
            // configuration): one whose file is gone from deploy/ goes
            String name = left.getLocation().substring(PluginRegistry.HOT_DEPLOYED.length());
            if (!now.containsKey(name)) {
                removeSafely(name);
            }
        }
        for (String kept : copies.kept()) {
            if (!now.containsKey(kept)) {
                LOG.info("deploy/{} was removed while the controller was stopped; its plugin is not started", kept);
                copies.forget(kept);
            }
        }
        List<String> order = new ArrayList<>(copies.order());
        order.retainAll(now.keySet());
        now.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        for (String name : order) {
            if (!adopted(name)) {
                deploySafely(name, now.get(name));
            }
            settled.actedOn(name, now.get(name));
        }
        LOG.info("deploy/ deployed at start: {} file(s)", order.size());
    }

    /**
     * A plugin still running from before this component restarted, with the same content as its
     * last good copy, keeps running: it is admitted again rather than restarted.
     */
    private boolean adopted(String name) {
        Bundle running = bundles.installed(name);
        if (running == null || running.getState() != Bundle.ACTIVE) {
            return false;
        }
        try {
            byte[] jar = Files.readAllBytes(folder.path().resolve(name));
            Optional<byte[]> good = copies.read(name);
            if (good.isEmpty()
                    || !Arrays.equals(good.get(), jar)
                    || !bundles.admit(running).serving()) {
                return false;
            }
            problems.accept(name);
            LOG.info("plugin {} {} from deploy/{} kept running", running.getSymbolicName(), running.getVersion(), name);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot keep deploy/{} running as it is, deploying it again: {}", name, e.toString());
            return false;
        }
    }

    private void scan() {
        try {
            Map<String, Stamp> now = folder.scan();
            Changes changes = settled.next(now);
            changes.removed().forEach(name -> {
                settled.actedOn(name, null);
                removeSafely(name);
            });
            changes.changed().forEach(name -> deploySafely(name, now.get(name)));
        } catch (RuntimeException e) {
            LOG.error("scanning {} failed", folder.path(), e);
        }
    }

    private void deploySafely(String name, Stamp stamp) {
        settled.actedOn(name, stamp); // acted on once per content: a failure is not retried until the file changes
        try {
            deploy(name);
        } catch (IOException | RuntimeException e) {
            LOG.error("deploying deploy/{} failed", name, e);
        }
    }

    private void removeSafely(String name) {
        try {
            removeFile(name);
        } catch (BundleException | RuntimeException e) {
            LOG.error("removing the plugin of deploy/{} failed", name, e);
        }
    }

    private void deploy(String name) throws IOException {
        if (!DeployFolder.isJar(name)) {
            reject(name, "it is neither a plugin (.jar) nor a configuration (.cfg, .config)");
            return;
        }
        byte[] jar;
        try {
            jar = Files.readAllBytes(folder.path().resolve(name));
        } catch (NoSuchFileException e) {
            return; // removed meanwhile: the next scan says so
        }
        Bundle installed = bundles.installed(name);
        if (installed == null) {
            install(name, jar);
        } else {
            update(installed, name, jar);
        }
    }

    private void install(String name, byte[] jar) {
        Optional<byte[]> good = copies.read(name);
        String problem = problemWith(jar);
        if (problem != null) {
            reject(name, problem);
            if (good.isPresent()) {
                serveLastGood(name, good.get(), "deploy/" + name + " is not usable: " + problem);
            } else {
                // a bundle refused for its signature is a plugin the operator will look for by name
                BundleJar.identity(jar)
                        .ifPresent(plugin -> problems.failed(new PluginProblems.Failure(
                                plugin.name(),
                                plugin.version(),
                                "version " + plugin.version() + " refused: " + problem,
                                "REFUSED")));
            }
            return;
        }
        problems.accept(name);
        Bundle bundle;
        try {
            bundle = bundles.install(name, jar);
        } catch (BundleException e) {
            reject(name, "it cannot be installed: " + RootCause.message(e));
            good.ifPresent(copy ->
                    serveLastGood(name, copy, "deploy/" + name + " cannot be installed: " + RootCause.message(e)));
            return;
        }
        String version = bundle.getVersion().toString();
        Outcome outcome = bundles.start(bundle);
        if (outcome.serving()) {
            served(name, jar, bundle);
            LOG.info("plugin {} {} deployed from deploy/{}", bundle.getSymbolicName(), version, name);
            announcer.installed(bundle, null);
        } else if (good.isPresent() && !Arrays.equals(good.get(), jar)) {
            rollBack(bundle, name, version, outcome, good.get());
        } else {
            failed(bundle, version, outcome);
            announcer.installed(bundle, outcome.failure());
        }
    }

    private void update(Bundle bundle, String name, byte[] jar) throws IOException {
        String previous = bundle.getVersion().toString();
        String problem = problemWith(jar);
        if (problem != null) {
            reject(name, problem);
            problems.failed(new PluginProblems.Failure(
                    bundle.getSymbolicName(),
                    previous,
                    "the new deploy/" + name + " is not usable: " + problem + "; version " + previous
                            + " keeps serving",
                    "REJECTED"));
            return;
        }
        problems.accept(name);
        drain(bundle);
        Outcome outcome = bundles.replace(bundle, jar);
        String version = bundle.getVersion().toString();
        if (outcome.serving()) {
            served(name, jar, bundle);
            LOG.info("plugin {} updated {} -> {}", bundle.getSymbolicName(), previous, version);
            announcer.updated(bundle, previous, null);
            return;
        }
        Optional<byte[]> good = copies.read(name);
        if (good.isPresent()) {
            rollBack(bundle, name, version, outcome, good.get());
        } else {
            failed(bundle, version, outcome);
            announcer.updated(bundle, previous, outcome.failure());
        }
    }

    /** @return what keeps a jar from being installed at all (not a bundle; not signed as required); null when nothing */
    private String problemWith(byte[] jar) {
        String problem = BundleJar.problem(jar);
        return problem != null ? problem : signatures.problem(jar);
    }

    private void removeFile(String name) throws BundleException {
        problems.accept(name);
        Bundle bundle = bundles.installed(name);
        copies.forget(name);
        if (bundle == null) {
            return;
        }
        drain(bundle);
        bundles.remove(bundle);
        problems.succeeded(bundle.getSymbolicName());
        LOG.info("plugin {} {} removed (deploy/{} deleted)", bundle.getSymbolicName(), bundle.getVersion(), name);
        announcer.uninstalled(bundle);
    }

    /** The file in deploy/ cannot serve; its last good copy does, with the reason shown. */
    private void serveLastGood(String name, byte[] copy, String why) {
        Bundle bundle = bundles.installed(name);
        try {
            Outcome outcome = bundle == null
                    ? bundles.start(bundle = bundles.install(name, copy))
                    : bundles.replace(bundle, copy);
            String version = bundle.getVersion().toString();
            String error = why
                    + (outcome.serving()
                            ? "; version " + version + " (the last good copy) serves"
                            : "; the last good copy (version " + version + ") failed too: " + outcome.failure());
            problems.failed(new PluginProblems.Failure(
                    bundle.getSymbolicName(), version, error, outcome.serving() ? "ROLLED_BACK" : outcome.state()));
            LOG.error("plugin {}: {}", bundle.getSymbolicName(), error);
            announcer.rolledBack(bundle, null, name, error);
        } catch (BundleException e) {
            LOG.error("the last good copy of deploy/{} cannot be installed either: {}", name, RootCause.message(e));
        }
    }

    private void rollBack(Bundle bundle, String name, String failedVersion, Outcome failure, byte[] good) {
        Outcome back = bundles.replace(bundle, good);
        String restored = bundle.getVersion().toString();
        String error = "version " + failedVersion + " " + failure.failure()
                + (back.serving()
                        ? "; version " + restored + " is back in service"
                        : "; going back to version " + restored + " failed too: " + back.failure());
        problems.failed(new PluginProblems.Failure(
                bundle.getSymbolicName(), failedVersion, error, back.serving() ? "ROLLED_BACK" : back.state()));
        LOG.error("plugin {}: {}", bundle.getSymbolicName(), error);
        announcer.rolledBack(bundle, failedVersion, name, error);
    }

    private void served(String name, byte[] jar, Bundle bundle) {
        copies.keep(name, jar);
        problems.succeeded(bundle.getSymbolicName());
    }

    private void failed(Bundle bundle, String version, Outcome outcome) {
        String error = "version " + version + " " + outcome.failure();
        problems.failed(new PluginProblems.Failure(bundle.getSymbolicName(), version, error, outcome.state()));
        LOG.error("plugin {}: {}", bundle.getSymbolicName(), error);
    }

    private void reject(String name, String reason) {
        if (problems.reject(name, reason)) {
            LOG.error("deploy/{} is not deployed: {}", name, reason);
            announcer.rejected(name, reason);
        }
    }

    /** Lets calls in flight on the old version finish, up to the configured bound. */
    private void drain(Bundle bundle) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.drainTimeoutMs());
        try {
            while (inFlight.of(bundle.getBundleId()) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10); // a bounded poll of a counter, not a synchronisation of the calls
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = inFlight.of(bundle.getBundleId());
        if (left > 0) {
            LOG.warn(
                    "{} calls of plugin {} still running after {} ms; swapping anyway",
                    left,
                    bundle.getSymbolicName(),
                    config.drainTimeoutMs());
        }
    }

    private static Path deployFolder(BundleContext context) {
        String folder = context.getProperty("gantry.deploy");
        if (folder == null) {
            folder = context.getProperty("felix.fileinstall.dir");
        }
        return Path.of(folder == null ? property(context, "gantry.home", ".") + "/deploy" : folder);
    }

    private static String property(BundleContext context, String key, String otherwise) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
