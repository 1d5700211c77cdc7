package io.gantry.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The order in which the core bundle set starts, derived from the bundles' manifests rather than
 * from a list of names, so that a bundle added to or dropped from the resolved set
 * ({@code distribution/gantry.bndrun}) takes its place by what it declares.
 *
 * <p>Everything is installed (and so resolved) before anything starts; what the order decides is
 * which code runs before which. The rule, first match wins:
 *
 * <ol>
 *   <li>{@link Phase#MEDIATOR}: a bundle that provides the {@code osgi.extender} capability
 *       {@code osgi.serviceloader.processor} (SPI Fly). A ServiceLoader Mediator weaves its consumers'
 *       {@code ServiceLoader} calls as their classes load, so it must be active before any of those
 *       classes loads — slf4j-api finds its provider only through it.
 *   <li>{@link Phase#MEDIATED}: a bundle that provides an {@code osgi.serviceloader} capability
 *       (logback-classic's {@code SLF4JServiceProvider}). The mediator registers such a provider
 *       when the bundle starts, and consumers look it up at their first use — SLF4J's at the
 *       first log line of any activator — so it starts before the bundles that run code.
 *   <li>{@link Phase#ENTRY_POINT}: a bundle with a {@code Bundle-Activator} on which no other
 *       bundle of the set depends (none imports its packages, requires it, or requires one of its
 *       capabilities). Such a bundle works on the others from outside — in today's set that is
 *       FileInstall, which applies deploy/'s configurations to their components — so it starts
 *       last, when what it works on is there. (The Gogo shell is not one: its runtime requires
 *       the shell's capability.)
 *   <li>{@link Phase#CORE}: everything else, in file-name order; with all of it resolved before
 *       any of it starts, its order does not matter (SCR, ConfigAdmin and EventAdmin track what
 *       comes later).
 * </ol>
 *
 * <p>"Requires one of its capabilities" is a plain test: same namespace, and the requirement's
 * filter names one of the capability's attribute values, as in {@code (osgi.extender=osgi.component)}.
 * The integration tests map the phases to start levels in the same way (GantryContainer).
 */
public final class StartOrder {
    /** The phases, in start order. */
    public enum Phase {
        /** ServiceLoader Mediator processors: they weave other bundles' classes as these load. */
        MEDIATOR,
        /** ServiceLoader providers that the mediator registers when they start. */
        MEDIATED,
        /** The rest of the set. */
        CORE,
        /** Bundles with an activator that nothing else in the set depends on. */
        ENTRY_POINT
    }

    private StartOrder() {}

    /**
     * @param jars the bundle jars of one set
     * @return each jar's phase, in start order (by phase, then by file name)
     */
    public static Map<Path, Phase> of(List<Path> jars) {
        List<Headers> bundles = new ArrayList<>();
        for (Path jar : jars) {
            bundles.add(Headers.read(jar));
        }
        List<Headers> sorted = new ArrayList<>(bundles);
        Map<Headers, Phase> phases = new LinkedHashMap<>();
        for (Headers bundle : bundles) {
            phases.put(bundle, phase(bundle, bundles));
        }
        sorted.sort(Comparator.comparing((Headers h) -> phases.get(h))
                .thenComparing(h -> h.jar.getFileName().toString()));
        Map<Path, Phase> order = new LinkedHashMap<>();
        for (Headers bundle : sorted) {
            order.put(bundle.jar, phases.get(bundle));
        }
        return order;
    }

    private static Phase phase(Headers bundle, List<Headers> all) {
        if (bundle.provides("osgi.extender", "osgi.extender", "osgi.serviceloader.processor")) {
            return Phase.MEDIATOR;
        }
        if (bundle.capabilities.stream().anyMatch(c -> c.name.equals("osgi.serviceloader"))) {
            return Phase.MEDIATED;
        }
        if (bundle.activator && all.stream().noneMatch(other -> other != bundle && other.dependsOn(bundle))) {
            return Phase.ENTRY_POINT;
        }
        return Phase.CORE;
    }

    /** The few headers the rule reads, parsed into clauses. */
    private static final class Headers {
        final Path jar;
        final String symbolicName;
        final boolean activator;
        final List<Clause> exports;
        final List<Clause> imports;
        final List<Clause> requiredBundles;
        final List<Clause> capabilities;
        final List<Clause> requirements;

        private Headers(Path jar, Attributes main) {
            this.jar = jar;
            List<Clause> name = Clause.parse(main.getValue("Bundle-SymbolicName"));
            this.symbolicName = name.isEmpty() ? "" : name.get(0).name;
            this.activator = main.getValue("Bundle-Activator") != null;
            this.exports = Clause.parse(main.getValue("Export-Package"));
            this.imports = Clause.parse(main.getValue("Import-Package"));
            List<Clause> required = new ArrayList<>(Clause.parse(main.getValue("Require-Bundle")));
            required.addAll(Clause.parse(main.getValue("Fragment-Host")));
            this.requiredBundles = required;
            this.capabilities = Clause.parse(main.getValue("Provide-Capability"));
            this.requirements = Clause.parse(main.getValue("Require-Capability"));
        }

        static Headers read(Path jar) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                return new Headers(jar, manifest == null ? new Attributes() : manifest.getMainAttributes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the manifest of " + jar, e);
            }
        }

        boolean provides(String namespace, String attribute, String value) {
            return capabilities.stream()
                    .anyMatch(c -> c.name.equals(namespace)
                            && List.of(c.attributes.getOrDefault(attribute, "").split(","))
                                    .contains(value));
        }

        /** @return whether this bundle imports, requires or needs a capability of {@code provider} */
        boolean dependsOn(Headers provider) {
            for (Clause imported : imports) {
                if (provider.exports.stream().anyMatch(e -> e.name.equals(imported.name))) {
                    return true;
                }
            }
            if (requiredBundles.stream().anyMatch(r -> r.name.equals(provider.symbolicName))) {
                return true;
            }
            for (Clause requirement : requirements) {
                String filter = requirement.directives.getOrDefault("filter", "");
                for (Clause capability : provider.capabilities) {
                    if (capability.name.equals(requirement.name)
                            && capability.attributes.entrySet().stream()
                                    .anyMatch(a -> List.of(a.getValue().split(",")).stream()
                                            .anyMatch(v -> filter.contains("(" + a.getKey() + "=" + v.trim() + ")")))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** One clause of an OSGi manifest header: a name (each of several names), attributes and directives. */
    private static final class Clause {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final Map<String, String> directives = new LinkedHashMap<>();

        private Clause(String name) {
            this.name = name;
        }

        static List<Clause> parse(String header) {
            List<Clause> clauses = new ArrayList<>();
            if (header == null) {
                return clauses;
            }
            for (String text : split(header, ',')) {
                List<String> names = new ArrayList<>();
                List<String[]> parameters = new ArrayList<>();
                for (String part : split(text, ';')) {
                    int equals = part.indexOf('=');
                    if (equals < 0) {
                        names.add(part.trim());
                    } else {
                        parameters.add(new String[] {
                            part.substring(0, equals).trim(),
                            unquote(part.substring(equals + 1).trim())
                        });
                    }
                }
                for (String name : names) {
                    Clause clause = new Clause(name);
                    for (String[] parameter : parameters) {
                        String key = parameter[0];
                        if (key.endsWith(":")) {
                            clause.directives.put(
                                    key.substring(0, key.length() - 1).trim(), parameter[1]);
                        } else {
                            // a typed attribute, such as objectClass:List<String>
                            int colon = key.indexOf(':');
                            clause.attributes.put(
                                    colon < 0 ? key : key.substring(0, colon).trim(), parameter[1]);
                        }
                    }
                    clauses.add(clause);
                }
            }
            return clauses;
        }

        private static String unquote(String value) {
            return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                    ? value.substring(1, value.length() - 1)
                    : value;
        }

        /** Splits at {@code separator} outside double quotes. */
        private static List<String> split(String text, char separator) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            boolean quoted = false;
            for (char c : text.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                }
                if (c == separator && !quoted) {
                    parts.add(part.toString());
                    part.setLength(0);
                } else {
                    part.append(c);
                }
            }
            if (!part.toString().isBlank()) {
                parts.add(part.toString());
            }
            return parts;
        }
    }
}
