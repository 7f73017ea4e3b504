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

    /**
     * Reads a reference for GET/HEAD/DELETE: something digest-like ({@code alg:...}) that is no valid digest
     * is 400 DIGEST_INVALID; anything else that is not a tag cannot exist, so 404 MANIFEST_UNKNOWN.
     */
    static Reference lookup(String ref) {
        Reference r = parse(ref);
        if (r != null) {
            return r;
        }
        if (ref.indexOf(':') >= 0) {
            throw digestInvalid(ref);
        }
        throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest unknown", Map.of("reference", abbreviate(ref)));
    }

    /** Reads a reference for PUT: an invalid digest is 400 DIGEST_INVALID, an invalid tag 400 TAG_INVALID. */
    static Reference push(String ref) {
        Reference r = parse(ref);
        if (r != null) {
            return r;
        }
        if (ref.indexOf(':') >= 0) {
            throw digestInvalid(ref);
        }
        throw new RegistryException(ErrorCode.TAG_INVALID, "invalid tag: must match [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}",
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

    private static RegistryException digestInvalid(String text) {
        return new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest: expected sha256:<64 hex> or sha512:<128 hex>",
                Map.of("digest", abbreviate(text)));
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
