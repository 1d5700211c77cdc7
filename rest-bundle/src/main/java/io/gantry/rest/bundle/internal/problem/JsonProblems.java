package io.gantry.rest.bundle.internal.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns Jackson's failures into problems. Malformed JSON text is 400 {@code invalid-json}; JSON
 * that parses but has the wrong shape (unknown field, wrong type, missing value) is 422
 * {@code validation} with the path of the offending field, e.g. {@code nodes[2].function}.
 */
final class JsonProblems {
    private JsonProblems() {}

    static ProblemDocument problem(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || isEndOfInput(e)) {
            return ProblemDocument.of(
                    ProblemKind.INVALID_JSON, "the request body is not well-formed JSON: " + e.getOriginalMessage());
        }
        String path = path(mapping.getPath());
        ProblemDocument.FieldError error = new ProblemDocument.FieldError(path, message(mapping), code(mapping));
        return ProblemDocument.of(ProblemKind.VALIDATION, (path.isEmpty() ? "body" : path) + ": " + error.message())
                .withErrors(List.of(error));
    }

    /**
     * @param references Jackson's path from the root to the failing value
     * @return the path as {@code a.b[2].c}
     */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    private static boolean isEndOfInput(JsonProcessingException e) {
        // a truncated document surfaces as a MismatchedInputException, or as a mapping exception
        // wrapping the parser's own; either way it is malformed text, not a wrong shape
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParseException) {
                return true;
            }
        }
        return e instanceof MismatchedInputException
                && e.getOriginalMessage() != null
                && e.getOriginalMessage().contains("end-of-input");
    }

    private static String message(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not a valid " + simpleType(format);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "expected " + simpleType(mismatch);
        }
        return e.getOriginalMessage();
    }

    private static String code(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown-field";
        }
        return e instanceof MismatchedInputException ? "wrong-type" : "invalid";
    }

    private static String simpleType(MismatchedInputException e) {
        Class<?> type = e.getTargetType();
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "object";
        }
        return Collection.class.isAssignableFrom(type) ? "array" : type.getSimpleName();
    }
}
