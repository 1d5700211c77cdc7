import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Build step of the distribution (run by the antrun "layout" execution, as a single-file Java
 * program): fills bundle/ with exactly the -runbundles of gantry.bndrun, taking each from the
 * resolver's candidates (this module's dependencies, copied by maven-dependency-plugin). It fails
 * when a resolved bundle has no candidate or more than one, so bundle/ cannot drift from the
 * resolution that bnd-resolver-maven-plugin checked earlier in the same build.
 *
 * <p>Usage: {@code java RunBundles.java <bndrun> <candidates folder> <bundle folder>}
 */
public final class RunBundles {
    private RunBundles() {}

    public static void main(String[] args) throws IOException {
        Path bndrun = Path.of(args[0]);
        Path candidates = Path.of(args[1]);
        Path target = Path.of(args[2]);
        List<String[]> runBundles = runBundles(bndrun);
        if (runBundles.isEmpty()) {
            fail(bndrun + " has no -runbundles: resolve it first");
        }
        List<Candidate> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(candidates)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                Candidate candidate = Candidate.read(jar);
                if (candidate != null) {
                    all.add(candidate);
                }
            }
        }
        Files.createDirectories(target);
        try (Stream<Path> old = Files.list(target)) {
            for (Path jar : old.filter(f -> f.toString().endsWith(".jar")).toList()) {
                Files.delete(jar);
            }
        }
        for (String[] runBundle : runBundles) {
            String name = runBundle[0];
            String range = runBundle[1];
            List<Candidate> matches = all.stream()
                    .filter(c -> c.symbolicName.equals(name) && inRange(c.version, range))
                    .toList();
            if (matches.size() != 1) {
                fail("-runbundles names " + name + " " + range + ", but " + matches.size()
                        + " candidates match in " + candidates + ": " + matches.stream().map(c -> c.jar.getFileName()).toList());
            }
            Path jar = matches.get(0).jar;
            Files.copy(jar, target.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("[RunBundles] " + runBundles.size() + " resolved bundles of " + bndrun.getFileName()
                + " copied to " + target);
    }

    /** @return {symbolic name, version range} of each -runbundles clause */
    static List<String[]> runBundles(Path bndrun) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bndrun)) {
            // a .bndrun is a properties file: "key: value", backslash continuations, # comments
            properties.load(reader);
        }
        List<String[]> bundles = new ArrayList<>();
        String value = properties.getProperty("-runbundles", "");
        for (String clause : splitOutsideQuotes(value, ',')) {
            if (clause.isBlank()) {
                continue;
            }
            String[] parts = clause.trim().split(";");
            String range = "0";
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.startsWith("version=")) {
                    range = part.substring("version=".length()).replace("'", "").replace("\"", "");
                }
            }
            bundles.add(new String[] {parts[0].trim(), range});
        }
        return bundles;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** OSGi version range: "[1.2,1.3)", "(1,2]" or a bare minimum version "1.2". */
    static boolean inRange(String version, String range) {
        range = range.trim();
        if (!range.startsWith("[") && !range.startsWith("(")) {
            return compare(version, range) >= 0;
        }
        String[] ends = range.substring(1, range.length() - 1).split(",");
        int low = compare(version, ends[0].trim());
        int high = compare(version, ends[1].trim());
        boolean aboveLow = range.startsWith("[") ? low >= 0 : low > 0;
        boolean belowHigh = range.endsWith("]") ? high <= 0 : high < 0;
        return aboveLow && belowHigh;
    }

    /** Compares OSGi versions: major.minor.micro numerically, then the qualifier as text. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (c != 0) {
                return c;
            }
        }
        return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
    }

    private static void fail(String message) {
        System.err.println("[RunBundles] " + message);
        System.exit(1);
    }

    private record Candidate(Path jar, String symbolicName, String version) {
        static Candidate read(Path jar) throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                if (file.getManifest() == null) {
                    return null;
                }
                Attributes main = file.getManifest().getMainAttributes();
                String name = main.getValue("Bundle-SymbolicName");
                if (name == null) {
                    return null; // not a bundle: never resolved into the set
                }
                String version = main.getValue("Bundle-Version");
                return new Candidate(jar, name.split(";")[0].trim(), version == null ? "0.0.0" : version.trim());
            }
        }
    }
}
