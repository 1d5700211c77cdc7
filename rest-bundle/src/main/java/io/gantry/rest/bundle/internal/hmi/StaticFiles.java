package io.gantry.rest.bundle.internal.hmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * The web HMI's files, read from a folder of a class loader (the bundle's own resources) and kept
 * in memory once read: they cannot change while the bundle that holds them is resolved.
 */
final class StaticFiles {
    /** Vendored libraries carry their version in their path, so a browser may keep them for good. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** The HMI's own files are revalidated on every load, so a new controller build shows at once. */
    static final String REVALIDATE = "no-cache";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Optional<StaticFile>> cache = new ConcurrentHashMap<>();

    /**
     * @param loader the class loader holding the files
     * @param root   their folder in it, without slashes at either end (e.g. {@code hmi})
     */
    StaticFiles(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /**
     * @param path a request path inside the context, starting with {@code /}; a folder means its
     *             {@code index.html}
     * @return the file, or empty when there is none or the path is not a plain relative file name
     */
    Optional<StaticFile> find(String path) {
        String name = normalise(path);
        if (name == null) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(name, this::load);
    }

    /** @return the file name below the root, or null when the path may not name a file */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        if (!path.startsWith("/") || path.contains("\\") || path.contains("//") || path.indexOf('\0') >= 0) {
            return null;
        }
        if (path.endsWith("/")) {
            path = path + "index.html";
        }
        for (String segment : path.substring(1).split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return null; // no "..", no hidden files, no empty segments
            }
        }
        return path.substring(1);
    }

    private Optional<StaticFile> load(String name) {
        URL url = loader.getResource(root + "/" + name);
        if (url == null || url.getPath().endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] content = in.readAllBytes();
            CRC32 crc = new CRC32();
            crc.update(content);
            String tag = "\"" + HexFormat.of().toHexDigits((int) crc.getValue()) + "-" + content.length + "\"";
            String cacheControl = name.startsWith("vendor/") ? IMMUTABLE : REVALIDATE;
            return Optional.of(new StaticFile(content, contentType(name), cacheControl, tag));
        } catch (IOException e) {
            // a folder inside a jar opens as an empty or failing stream: not a file
            throw new UncheckedIOException("cannot read " + root + "/" + name, e);
        }
    }

    static String contentType(String name) {
        String file = name.substring(name.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        if (dot < 0) {
            return "text/plain; charset=utf-8"; // LICENSE files
        }
        String type = TYPES.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
        return type == null ? "application/octet-stream" : type;
    }

    /**
     * One file, ready to send.
     *
     * @param content      its bytes
     * @param contentType  the {@code Content-Type}
     * @param cacheControl the {@code Cache-Control}
     * @param etag         a strong entity tag of the content, quoted
     */
    record StaticFile(byte[] content, String contentType, String cacheControl, String etag) {}
}
