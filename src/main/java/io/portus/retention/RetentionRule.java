package io.portus.retention;

/**
 * One rule of a namespace's retention policy.
 *
 * @param pattern a Java regular expression searched in the tag name ({@code ""} = every tag; anchor with
 *                {@code ^…$} for whole names), as Portus's {@code delete.garbage_collector.tag}
 * @param amount  N or days (see {@link RuleKind}); 0 for {@link RuleKind#ALWAYS}
 */
public record RetentionRule(String pattern, RuleKind kind, int amount) {

    /** "tags matching ^v: the 5 most recently pushed". */
    public String describe() {
        return (pattern.isEmpty() ? "all tags" : "tags matching " + pattern) + ": " + kind.describe(amount);
    }
}
