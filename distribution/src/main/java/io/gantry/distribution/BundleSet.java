package io.gantry.distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Installs every jar of {@code bundle/} — the resolved core set of {@code gantry.bndrun} — and
 * starts them in the order {@link StartOrder} derives from their manifests: the ServiceLoader
 * mediator (SPI Fly) first, then the providers it registers (logback), so that no bundle logs
 * before SLF4J has its provider; then the rest; FileInstall last, so that deploy/'s
 * configurations find their components.
 */
final class BundleSet {
    private BundleSet() {}

    static List<Bundle> installAndStart(BundleContext context, Path folder) throws IOException, BundleException {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : StartOrder.of(jars(folder)).keySet()) {
            // by reference: Felix reads the jar where it is instead of copying it into its cache
            installed.add(context.installBundle("reference:" + jar.toUri()));
        }
        for (Bundle bundle : installed) {
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                bundle.start();
            }
        }
        return installed;
    }

    private static List<Path> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
