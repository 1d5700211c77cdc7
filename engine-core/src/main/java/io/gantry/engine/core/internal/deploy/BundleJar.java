package io.gantry.engine.core.internal.deploy;

import java.io.File;
import java.io.IOException;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Tells whether a file is an installable OSGi bundle, and if not, why. */
final class BundleJar {
    private BundleJar() {}

    /**
     * @param file a file in deploy/
     * @return null for a bundle; otherwise what is wrong, in words an operator can act on
     */
    static String problem(File file) {
        try (JarFile jar = new JarFile(file)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                return "it has no META-INF/MANIFEST.MF";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "its manifest has no Bundle-SymbolicName (a plain jar, not an OSGi bundle)";
            }
            return null;
        } catch (IOException e) {
            return "it cannot be read as a jar (" + e.getMessage() + ")";
        }
    }
}
