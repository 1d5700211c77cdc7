package io.gantry.rest.bundle.internal.resources;

import io.gantry.rest.bundle.internal.problem.InvalidRequests;

/**
 * Parses query parameters by hand: Jersey answers a parameter it cannot convert with a bare 404,
 * but a bad parameter is the client's input error, answered 422 with the parameter's name.
 */
final class QueryParams {
    private QueryParams() {}

    static boolean flag(String name, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidRequests.field(name, "wrong-type", name + " must be true or false");
        };
    }

    static Integer integer(String name, String value, int min, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw InvalidRequests.field(name, "range", name + " must be an integer from " + min + " to " + max);
    }

    static java.time.Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidRequests.field(
                    name, "wrong-type", name + " must be an ISO-8601 instant such as 2026-12-03T06:00:00Z");
        }
    }
}
