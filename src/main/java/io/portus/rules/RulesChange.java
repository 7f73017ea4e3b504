package io.portus.rules;

/**
 * A partial change of a namespace's rules as the client sent it (null = unchanged).
 *
 * @param immutableTags        true/false
 * @param immutableTagsPattern a regular expression; empty = no pattern
 * @param quotaBytes           a number of bytes as text; empty = unlimited
 */
public record RulesChange(Boolean immutableTags, String immutableTagsPattern, String quotaBytes) {

    public boolean isEmpty() {
        return immutableTags == null && immutableTagsPattern == null && quotaBytes == null;
    }
}
