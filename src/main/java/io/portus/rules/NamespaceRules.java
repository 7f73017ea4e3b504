package io.portus.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one namespace and its usage.
 *
 * @param immutableTags        every tag is immutable
 * @param immutableTagsPattern tags matching this regular expression (searched, so {@code ^v} = starting with v)
 *                             are immutable; null = none by pattern
 * @param quotaBytes           the quota; null = unlimited
 * @param usedBytes            the usage: each content of the manifests present in its repositories, counted once
 */
public record NamespaceRules(long namespaceId, boolean immutableTags, String immutableTagsPattern, Long quotaBytes,
                             long usedBytes) {

    /** Longest pattern accepted. */
    public static final int MAX_PATTERN = 255;

    /** No rules, nothing used. */
    public static NamespaceRules none(long namespaceId) {
        return new NamespaceRules(namespaceId, false, null, null, 0);
    }

    /** The rule that makes {@code tag} immutable, for messages ({@code immutable_tags} or the pattern), if any. */
    public Optional<String> immutable(String tag) {
        if (immutableTags) {
            return Optional.of("immutable_tags");
        }
        if (immutableTagsPattern != null && Pattern.compile(immutableTagsPattern).matcher(tag).find()) {
            return Optional.of("immutable_tags_pattern " + immutableTagsPattern);
        }
        return Optional.empty();
    }

    /** Usage in percent of the quota (0–100, capped), or -1 without quota. */
    public int percentUsed() {
        if (quotaBytes == null) {
            return -1;
        }
        if (quotaBytes == 0) {
            return usedBytes > 0 ? 100 : 0;
        }
        return (int) Math.min(100, usedBytes * 100 / quotaBytes);
    }
}
