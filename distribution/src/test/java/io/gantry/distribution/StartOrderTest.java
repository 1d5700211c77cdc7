package io.gantry.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.gantry.distribution.StartOrder.Phase;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartOrderTest {
    @TempDir
    Path folder;

    @Test
    void startsTheMediatorThenItsProvidersThenTheRestThenEntryPoints() throws IOException {
        Path core = jar(
                "a-core.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "core",
                        "Import-Package",
                        "org.slf4j;version=\"[2,3)\",org.apache.felix.fileinstall.spi",
                        "Require-Capability",
                        "osgi.extender;filter:=\"(&(osgi.extender=osgi.component)(version>=1.5))\""));
        Path scr = jar(
                "b-scr.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "scr",
                        "Bundle-Activator",
                        "scr.Activator",
                        "Provide-Capability",
                        "osgi.extender;osgi.extender=\"osgi.component\";version:Version=\"1.5\""));
        Path fileinstall = jar(
                "c-fileinstall.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "fileinstall;singleton:=true",
                        "Bundle-Activator",
                        "fi.Activator",
                        "Export-Package",
                        "org.apache.felix.fileinstall;version=\"3.7\""));
        Path api = jar(
                "d-api.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "slf4j.api",
                        "Export-Package",
                        "org.slf4j;version=\"2.0\"",
                        "Require-Capability",
                        "osgi.extender;filter:=\"(osgi.extender=osgi.serviceloader.processor)\""));
        Path logback = jar(
                "e-logback.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "logback",
                        "Bundle-Activator",
                        "x.Activator",
                        "Provide-Capability",
                        "osgi.serviceloader;osgi.serviceloader=\"SLF4JServiceProvider\""));
        Path spifly = jar(
                "f-spifly.jar",
                Map.of(
                        "Bundle-SymbolicName",
                        "spifly",
                        "Bundle-Activator",
                        "s.Activator",
                        "Provide-Capability",
                        "osgi.extender;osgi.extender=\"osgi.serviceloader.registrar\";version:Version=\"1.0\","
                                + "osgi.extender;osgi.extender=\"osgi.serviceloader.processor\";version:Version=\"1.0\""));

        Map<Path, Phase> order = StartOrder.of(List.of(core, scr, fileinstall, api, logback, spifly));

        assertThat(order.keySet()).containsExactly(spifly, logback, core, scr, api, fileinstall);
        assertThat(order)
                .containsEntry(spifly, Phase.MEDIATOR)
                .containsEntry(logback, Phase.MEDIATED)
                // an activator, but the core bundle requires its extender capability
                .containsEntry(scr, Phase.CORE)
                // nobody imports org.apache.felix.fileinstall (the core imports another package)
                .containsEntry(fileinstall, Phase.ENTRY_POINT);
    }

    @Test
    void aLeafWithoutAnActivatorIsNoEntryPoint() throws IOException {
        Path bridge = jar(
                "jul-to-slf4j.jar",
                Map.of("Bundle-SymbolicName", "jul.to.slf4j", "Export-Package", "org.slf4j.bridge"));

        assertThat(StartOrder.of(List.of(bridge))).containsEntry(bridge, Phase.CORE);
    }

    private Path jar(String name, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((key, value) -> manifest.getMainAttributes().putValue(key, value));
        Path jar = folder.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
