package io.portus.activity;

/**
 * Which activities to list (null = any): a trackable type ({@code repository}, {@code namespace},
 * {@code team}...), a key ({@code repository.push}...) or the name of the user who did it.
 */
public record ActivityFilter(String type, String key, String owner) {

    public static final ActivityFilter ALL = new ActivityFilter(null, null, null);

    public ActivityFilter {
        type = blankToNull(type);
        key = blankToNull(key);
        owner = blankToNull(owner);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
