package io.portus.registry.internal;

import io.portus.storage.Digest;

/** {@code If-None-Match} against a content digest ({@code "sha256:..."}, weak or not, lists, {@code *}). */
final class Etags {

    private Etags() {
    }

    static boolean matches(String ifNoneMatch, Digest digest) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String wanted = digest.toString();
        for (String item : ifNoneMatch.split(",")) {
            String tag = item.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            if (tag.equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
