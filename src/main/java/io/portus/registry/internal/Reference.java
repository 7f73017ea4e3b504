package io.portus.registry.internal;

import java.util.Map;

import io.portus.storage.Digest;
import io.portus.storage.Tag;

/**
 * A manifest reference: a tag or a digest, nothing else.
 *
 * @param tag    the tag, or null
 * @param digest the digest, or null
 */
record Reference(String tag, Digest digest) {

    private static final int MAX_TAG = 128;

    /**
     * Reads a reference for GET/HEAD/DELETE: what {@link #grammarError} rejects is a 400; a string of tag
     * characters that is still no tag (a leading {@code .} or {@code -}) cannot exist, so 404 MANIFEST_UNKNOWN
     * (the OCI conformance suite asks for 404 on {@code .INVALID_MANIFEST_NAME}).
     */
    static Reference lookup(String ref) {
        Reference r = parse(ref);
        if (r != null) {
            return r;
        }
        RegistryException invalid = grammarError(ref, false);
        if (invalid != null) {
            throw invalid;
        }
        throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown", Map.of("reference", abbreviate(ref)));
    }

    /** Reads a reference for PUT: an invalid digest is 400 DIGEST_INVALID, an invalid tag 400 TAG_INVALID. */
    static Reference push(String ref) {
        Reference r = parse(ref);
        if (r != null) {
            return r;
        }
        throw grammarError(ref, true);
    }

    /**
     * The 400 a reference outside the grammar gets, or null when it is one (or, unless {@code push}, when it
     * only lacks a valid first character): with a {@code :} it meant to be a digest (DIGEST_INVALID); otherwise
     * a tag (TAG_INVALID) with a character outside {@code [a-zA-Z0-9._-]} or over 128 characters.
     */
    static RegistryException grammarError(String ref, boolean push) {
        if (parse(ref) != null) {
            return null;
        }
        if (ref.indexOf(':') >= 0) {
            return digestInvalid(ref);
        }
        if (!push && ref.length() <= MAX_TAG && ref.chars().allMatch(Reference::tagChar)) {
            return null;
        }
        return new RegistryException(ErrorCode.TAG_INVALID, "invalid tag: must match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}",
                Map.of("tag", abbreviate(ref)));
    }

    /** 400 DIGEST_INVALID for a malformed digest. */
    static Digest digest(String text) {
        if (text == null || text.isEmpty()) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "digest missing");
        }
        if (!Digest.isDigest(text)) {
            throw digestInvalid(text);
        }
        return Digest.parse(text);
    }

    boolean byTag() {
        return tag != null;
    }

    private static Reference parse(String ref) {
        if (Tag.isValid(ref)) {
            return new Reference(ref, null);
        }
        if (Digest.isDigest(ref)) {
            return new Reference(null, Digest.parse(ref));
        }
        return null;
    }

    private static boolean tagChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-';
    }

    private static RegistryException digestInvalid(String text) {
        return new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest: expected sha256:<64 hex> or sha512:<128 hex>",
                Map.of("digest", abbreviate(text)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
