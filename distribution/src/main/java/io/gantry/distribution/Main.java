package io.gantry.distribution;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import sun.misc.Signal;

/**
 * Starts the Gantry controller: reads the settings, checks that HTTP is safe to serve and the HTTP
 * port is free, launches Apache Felix
 * with the core bundle set of {@code bundle/} (FileInstall then brings in {@code deploy/}), and
 * stops it cleanly, with exit code 0, on SIGTERM or Ctrl-C.
 */
public final class Main {
    private static final int EXIT_BAD_SETTINGS = 2;
    private static final int EXIT_PORT_BUSY = 3;
    private static final int EXIT_START_FAILED = 4;
    private static final int EXIT_PLAINTEXT_REFUSED = 5;

    private Main() {}

    /**
     * @param args unused
     */
    public static void main(String[] args) {
        System.exit(run());
    }

    private static int run() {
        Settings settings;
        try {
            settings = Settings.load(
                    Path.of(System.getProperty(Settings.HOME, ".")).toAbsolutePath(), System.getenv());
            settings.httpPort();
            settings.tls();
            settings.allowPlaintext();
        } catch (Exception e) {
            return fail(EXIT_BAD_SETTINGS, "bad settings: " + e.getMessage());
        }
        String plaintextProblem = TlsCheck.plaintextProblem(settings);
        if (plaintextProblem != null) {
            return fail(EXIT_PLAINTEXT_REFUSED, plaintextProblem);
        }
        String certificateProblem = TlsCheck.certificateProblem(settings);
        if (certificateProblem != null) {
            return fail(EXIT_START_FAILED, certificateProblem);
        }
        String portProblem = PortCheck.problem(settings.httpHost(), settings.httpPort());
        if (portProblem != null) {
            return fail(EXIT_PORT_BUSY, portProblem);
        }
        try {
            Files.createDirectories(settings.data().resolve("log"));
            // logback reads these when the first bundle logs
            System.setProperty(Settings.DATA, settings.data().toString());
            System.setProperty(
                    "logback.configurationFile",
                    settings.home().resolve("conf/logback.xml").toString());
            // until logback takes over java.util.logging, keep its console output to warnings
            Logger.getLogger("").setLevel(Level.WARNING);
            return runFramework(settings);
        } catch (Exception e) {
            return fail(EXIT_START_FAILED, "the controller could not start: " + e);
        }
    }

    private static int runFramework(Settings settings) throws Exception {
        boolean interactive = System.console() != null;
        FrameworkFactory factory =
                ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(settings.frameworkProperties(interactive));
        framework.init();
        AtomicBoolean stopping = new AtomicBoolean();
        Runnable stop = () -> {
            if (stopping.compareAndSet(false, true)) {
                stopQuietly(framework);
            }
        };
        Signal.handle(new Signal("TERM"), signal -> stop.run());
        Signal.handle(new Signal("INT"), signal -> stop.run());
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "gantry-shutdown"));

        BundleSet.installAndStart(framework.getBundleContext(), settings.home().resolve("bundle"));
        framework.start();
        System.err.printf(
                "gantry: started from %s, data in %s, HTTP on %s://%s:%d/api%n",
                settings.home(),
                settings.data(),
                settings.tls() ? "https" : "http",
                settings.httpHost(),
                settings.httpPort());
        FrameworkEvent event = framework.waitForStop(0);
        return event.getType() == FrameworkEvent.ERROR ? EXIT_START_FAILED : 0;
    }

    private static void stopQuietly(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(30_000);
        } catch (BundleException | InterruptedException e) {
            System.err.println("gantry: stopping the framework failed: " + e);
        }
    }

    private static int fail(int code, String message) {
        System.err.println("gantry: " + message);
        return code;
    }
}
