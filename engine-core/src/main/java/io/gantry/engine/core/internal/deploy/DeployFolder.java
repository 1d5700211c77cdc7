package io.gantry.engine.core.internal.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * What lies in deploy/ now. Configuration files ({@code .cfg}, {@code .config}) are FileInstall's;
 * hidden files and files still being written under a temporary name ({@code .tmp}, {@code .part},
 * {@code ~}) are nobody's yet; every other file is the deployer's: a jar to deploy or a file to reject.
 */
final class DeployFolder {
    private final Path folder;

    DeployFolder(Path folder) {
        this.folder = folder;
    }

    Path path() {
        return folder;
    }

    /** @return each of the deployer's files, by name, with what identifies its content cheaply */
    Map<String, Stamp> scan() {
        Map<String, Stamp> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path file : entries) {
                String name = file.getFileName().toString();
                if (!ours(name)) {
                    continue;
                }
                try {
                    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        files.put(
                                name,
                                new Stamp(
                                        attributes.size(),
                                        attributes.lastModifiedTime().toMillis()));
                    }
                } catch (IOException e) {
                    // gone between listing and reading: the next scan sees it removed
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return files;
    }

    /** Writes a file as an operator should: aside under a hidden name, then moved in atomically. */
    void write(String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path temporary = folder.resolve("." + name + ".tmp");
        Files.write(temporary, content);
        Files.move(
                temporary, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static boolean ours(String name) {
        return !name.startsWith(".")
                && !name.endsWith(".cfg")
                && !name.endsWith(".config")
                && !name.endsWith(".tmp")
                && !name.endsWith(".part")
                && !name.endsWith("~");
    }

    static boolean isJar(String name) {
        return name.endsWith(".jar");
    }

    /**
     * Size and modification time: equal on two scans means the file is no longer being written.
     *
     * @param size     bytes
     * @param modified last modification, ms since the epoch
     */
    record Stamp(long size, long modified) {}
}
