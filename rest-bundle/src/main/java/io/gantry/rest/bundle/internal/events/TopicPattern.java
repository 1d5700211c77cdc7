package io.gantry.rest.bundle.internal.events;

/**
 * A topic pattern with EventAdmin's wildcard rules: {@code *} alone matches every topic, a
 * trailing {@code /*} matches the whole subtree below its prefix, anything else matches exactly.
 */
final class TopicPattern {
    private final String pattern;
    private final String prefix;

    private TopicPattern(String pattern) {
        this.pattern = pattern;
        if (pattern.equals("*")) {
            prefix = "";
        } else if (pattern.endsWith("/*")) {
            prefix = pattern.substring(0, pattern.length() - 1);
        } else {
            prefix = null;
        }
    }

    /**
     * @param pattern a topic or a pattern ending in {@code /*}
     * @return the pattern
     * @throws IllegalArgumentException when {@code *} appears anywhere but at the end, as in EventAdmin
     */
    static TopicPattern of(String pattern) {
        String trimmed = pattern.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty topic pattern");
        }
        int star = trimmed.indexOf('*');
        boolean validStar = star < 0 || trimmed.equals("*") || (star == trimmed.length() - 1 && trimmed.endsWith("/*"));
        if (!validStar) {
            throw new IllegalArgumentException(
                    "topic pattern '" + trimmed + "': '*' is allowed only alone or as a last '/*'");
        }
        return new TopicPattern(trimmed);
    }

    boolean matches(String topic) {
        return prefix == null ? pattern.equals(topic) : topic.startsWith(prefix);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
