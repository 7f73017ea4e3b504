package io.portus.common;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Invalid field values: field name → messages (Portus's {@code errors} hash). */
public final class InvalidInputException extends DomainException {

    private final Map<String, List<String>> errors;

    public InvalidInputException(Map<String, List<String>> errors) {
        super(describe(errors));
        this.errors = Map.copyOf(errors);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return new LinkedHashMap<>(errors);
    }

    private static String describe(Map<String, List<String>> errors) {
        return errors.entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("; "));
    }
}
