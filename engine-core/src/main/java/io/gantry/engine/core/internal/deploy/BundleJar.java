package io.gantry.engine.core.internal.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Tells whether a jar's bytes are an installable OSGi bundle, and if not, why. Every entry is read,
 * so a jar cut short (a copy that did not finish, a disk that filled up) is found here, before the
 * framework meets it.
 */
final class BundleJar {
    private BundleJar() {}

    /**
     * A plugin as its manifest names it.
     *
     * @param name    its symbolic name
     * @param version its version
     */
    record Identity(String name, String version) {}

    /**
     * @param jar a jar's content
     * @return the symbolic name and version its manifest declares, when it is a readable bundle
     */
    static Optional<Identity> identity(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            if (name == null) {
                return Optional.empty();
            }
            String version = manifest.getMainAttributes().getValue("Bundle-Version");
            return Optional.of(new Identity(name.split(";")[0].trim(), version == null ? "0.0.0" : version.trim()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * @param jar the content of a file in deploy/
     * @return null for a bundle; otherwise what is wrong, in words an operator can act on
     */
    static String problem(byte[] jar) {
        Manifest manifest = null;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                if (JarFile.MANIFEST_NAME.equalsIgnoreCase(entry.getName())) {
                    manifest = new Manifest(zip);
                } else {
                    zip.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | RuntimeException e) {
            return "it cannot be read as a jar (" + e.getMessage() + "; cut short or corrupt?)";
        }
        if (entries == 0) {
            return "it cannot be read as a jar (no entries: empty, cut short or not a zip)";
        }
        if (manifest == null) {
            return "it has no META-INF/MANIFEST.MF";
        }
        if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
            return "its manifest has no Bundle-SymbolicName (a plain jar, not an OSGi bundle)";
        }
        return null;
    }
}
