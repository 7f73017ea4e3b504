package io.portus.auth.policy;

/** What a token may grant on a repository, and what the UI and API check before deleting tags and repositories. */
public enum RepositoryAction implements Action {
    PULL,
    PUSH,
    /** Token actions {@code delete} and {@code *}; deleting a tag or a repository in the UI or API. */
    DELETE,
    /** Change the description (not a token action). */
    DESCRIBE;

    /** The token action named {@code action} ({@code pull}, {@code push}, {@code delete}, {@code *}), or null. */
    public static RepositoryAction ofScope(String action) {
        return switch (action) {
            case "pull" -> PULL;
            case "push" -> PUSH;
            case "delete", "*" -> DELETE;
            default -> null;
        };
    }
}
