package io.gantry.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs every jar of {@code bundle/} and starts them: logging first — the ServiceLoader mediator
 * (SPI Fly), through which slf4j-api finds logback while its classes load, then SLF4J and logback —
 * so that no bundle logs before SLF4J has its provider; then the rest; FileInstall last, so that
 * Gantry's plugin deployer is there when it first scans {@code deploy/} and installs every plugin
 * the safe way.
 */
final class BundleSet {
    private static final List<String> FIRST = List.of(
            "org.apache.aries.spifly.dynamic.bundle", "slf4j.api", "ch.qos.logback.core", "ch.qos.logback.classic");

    private BundleSet() {}

    static List<Bundle> installAndStart(BundleContext context, Path folder) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars(folder)) {
            // by reference: Felix reads the jar where it is instead of copying it into its cache
            installed.add(context.installBundle("reference:" + jar.toUri()));
        }
        installed.sort(Comparator.comparingInt(BundleSet::startRank));
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return installed;
    }

    private static final String LAST = "org.apache.felix.fileinstall";

    private static int startRank(Bundle bundle) {
        if (LAST.equals(bundle.getSymbolicName())) {
            return FIRST.size() + 1;
        }
        int rank = FIRST.indexOf(bundle.getSymbolicName());
        return rank < 0 ? FIRST.size() : rank;
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }
}
