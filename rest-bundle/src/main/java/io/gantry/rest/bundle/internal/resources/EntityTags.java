package io.gantry.rest.bundle.internal.resources;

import io.gantry.engine.api.error.PreconditionFailedException;
import jakarta.ws.rs.core.EntityTag;

/** A pipeline's entity tag is its version number, quoted: {@code ETag: "3"}. */
final class EntityTags {
    private EntityTags() {}

    static EntityTag of(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * Reads the version a client based its change on from {@code If-Match}.
     *
     * @param ifMatch the header; null when absent
     * @return the expected version; null when absent or {@code *} (any version)
     * @throws PreconditionFailedException when the header names no version this API ever issues
     *         (weak, unquoted, several tags): such a precondition can never hold
     */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw unusable(ifMatch);
        }
        String inner = tag.substring(1, tag.length() - 1);
        if (!inner.matches("[1-9][0-9]{0,8}")) {
            throw unusable(ifMatch);
        }
        return Integer.valueOf(inner);
    }

    private static PreconditionFailedException unusable(String ifMatch) {
        String shown = ifMatch.length() > 40 ? ifMatch.substring(0, 40) + "..." : ifMatch;
        return new PreconditionFailedException(
                "If-Match " + shown + " matches no version: send the ETag of a GET, e.g. If-Match: \"3\"");
    }
}
