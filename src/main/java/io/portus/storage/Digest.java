package io.portus.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest, {@code algorithm:encoded} (OCI image-spec descriptor.md). Only sha256 and sha512
 * are accepted for content; the grammar check is strict so no digest can escape a storage path.
 */
public record Digest(String algorithm, String hex) {

    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        if (!isValid(algorithm, hex)) {
            throw new IllegalArgumentException("invalid digest: " + algorithm + ":" + hex);
        }
    }

    /** Parses {@code sha256:<64 hex>}; throws {@link IllegalArgumentException} on anything else. */
    public static Digest parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("digest missing");
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("invalid digest: " + s);
        }
        return new Digest(s.substring(0, colon), s.substring(colon + 1));
    }

    /** True when {@code s} parses as a digest. */
    public static boolean isDigest(String s) {
        int colon = s == null ? -1 : s.indexOf(':');
        return colon > 0 && isValid(s.substring(0, colon), s.substring(colon + 1));
    }

    private static boolean isValid(String algorithm, String hex) {
        if (algorithm == null || hex == null) {
            return false;
        }
        return switch (algorithm) {
            case "sha256" -> SHA256.matcher(hex).matches();
            case "sha512" -> SHA512.matcher(hex).matches();
            default -> false;
        };
    }

    /** SHA-256 of some bytes. */
    public static Digest sha256(byte[] content) {
        return new Digest("sha256", HexFormat.of().formatHex(newMessageDigest("sha256").digest(content)));
    }

    /** A fresh {@link MessageDigest} for an algorithm of this class. */
    public static MessageDigest newMessageDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case "sha256" -> "SHA-256";
                case "sha512" -> "SHA-512";
                default -> throw new IllegalArgumentException("unsupported digest algorithm " + algorithm);
            });
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Digest with the same algorithm as this one, from a finished {@link MessageDigest}. */
    public static Digest of(String algorithm, MessageDigest finished) {
        return new Digest(algorithm, HexFormat.of().formatHex(finished.digest()));
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
