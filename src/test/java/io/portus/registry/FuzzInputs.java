package io.portus.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import io.portus.storage.RepositoryName;
import io.portus.storage.Tag;

/**
 * Generators of hostile path elements for {@link RegistryFuzzTest}, all from one seeded {@link Random}.
 * Strings are sent as ISO-8859-1, so a char up to U+00FF is one raw byte on the wire (control bytes and
 * UTF-8 sequences included). Every generator states the grammar its values are guaranteed to break.
 */
final class FuzzInputs {

    /**
     * Pieces that are outside the name, tag and digest grammars wherever they stand: raw bytes Tomcat refuses
     * in a request target, characters it lets through, and percent-escapes of characters outside the grammars
     * (never of letters, digits, '.', '-' or '_', and never of ':' or '/' unescaped).
     */
    static final List<String> HOSTILE = List.of(
            "$", "{", "}", "<", ">", "|", "^", "`", "\"", "\\", ";", "!", "*", "'", "(", ")", ",", "=", "@", "~",
            "+", "&", "[", "]", "#", "%", "\u0001", "\u001f", "\u007f", "\u00c3\u00a9", "\u00ff",
            "%20", "%0D%0A", "%0a", "%00", "%7B", "%7d", "%2F", "%2f", "%5C", "%25", "%zz", "%C3%A9", "%22", "%3C",
            "%e2%80%ae", "%ff");

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String TAG_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    String chars(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A name in the grammar of exactly {@code length} characters (over 255 only when asked). */
    String validName(int length) {
        StringBuilder sb = new StringBuilder(chars(LOWER, 1));
        while (sb.length() < length) {
            int room = length - sb.length() - 1;
            List<String> separators = List.of("/", ".", "_", "__", "-", "--", "", "", "").stream()
                    .filter(sep -> sep.length() <= room).toList();
            sb.append(pick(separators)).append(chars(LOWER, 1));
        }
        if (sb.length() <= RepositoryName.MAX_LENGTH && !RepositoryName.isValid(sb.toString())) {
            throw new IllegalStateException("generator made an invalid name: " + sb);
        }
        return sb.toString();
    }

    /** A name outside the grammar: a valid one with a hostile piece, an upper-case letter or a bad separator inside. */
    String invalidName() {
        String name = validName(between(1, 40));
        int at = random.nextInt(name.length() + 1);
        String piece = random.nextInt(4) == 0
                ? pick(List.of("A", "Z", "..", "//", "___", "-/", "/-", "/.", "._", ":", "%2e%2e", "/%2e%2e/"))
                : pick(HOSTILE);
        String bad = switch (random.nextInt(6)) {
            case 0 -> piece + name;
            case 1 -> name + piece;
            default -> name.substring(0, at) + piece + name.substring(at);
        };
        return bad;
    }

    /** A name in the grammar but of 256 to 700 characters. */
    String longName() {
        return random.nextBoolean() ? validName(between(256, 700))
                : String.join("/", repeat(chars(LOWER, 1), between(129, 200)));
    }

    /** A tag of the grammar's characters that is still invalid: longer than 128, or with a hostile piece. */
    String invalidTag() {
        if (random.nextInt(5) == 0) {
            return chars("abc", 1) + chars(TAG_CHARS, between(128, 300));
        }
        StringBuilder sb = new StringBuilder(chars(TAG_CHARS.substring(0, 62), 1) + chars(TAG_CHARS, between(0, 20)));
        for (int i = between(1, 3); i > 0; i--) {
            sb.insert(random.nextInt(sb.length() + 1), pick(HOSTILE));
        }
        return sb.toString();
    }

    /** Tag characters only, but starting with '.' or '-': no tag, and no hostile byte either. */
    String notATag() {
        String s = pick(List.of(".", "-")) + chars(TAG_CHARS, between(1, 60));
        if (Tag.isValid(s)) {
            throw new IllegalStateException(s);
        }
        return s;
    }

    /** Something with a ':' that is no sha256/sha512 digest. */
    String invalidDigestWithColon() {
        String hex = chars("0123456789abcdef", 64);
        return switch (random.nextInt(9)) {
            case 0 -> "sha256:" + chars("0123456789abcdef", between(0, 63));
            case 1 -> "sha256:" + chars("0123456789abcdef", between(65, 130));
            case 2 -> "sha256:" + hex.toUpperCase();
            case 3 -> "sha512:" + hex;
            case 4 -> pick(List.of("md5", "sha1", "SHA256", "sha384", "blake3", "")) + ":" + hex;
            case 5 -> "sha256:" + hex.substring(0, 63) + pick(List.of("g", "z", "G", "-", "_", "."));
            case 6 -> "sha256:" + hex.substring(0, 30) + pick(HOSTILE) + hex.substring(30);
            case 7 -> "sha256::" + hex;
            default -> chars(TAG_CHARS, between(0, 10)) + ":" + chars(TAG_CHARS, between(0, 10));
        };
    }

    /** No digest: with or without a ':' (never "uploads", which is another route). */
    String invalidDigest() {
        return random.nextBoolean() ? invalidDigestWithColon() : invalidTag();
    }

    /** An upload id that the registry never handed out. */
    String unknownUploadId() {
        return switch (random.nextInt(4)) {
            case 0 -> UUID.randomUUID().toString();
            case 1 -> chars(LOWER + "-_", between(1, 40));
            case 2 -> chars(LOWER, between(129, 200));
            default -> invalidTag();
        };
    }

    String validDigest() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "sha256:" + HexFormat.of().formatHex(bytes);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.ISO_8859_1);
    }

    private static List<String> repeat(String s, int n) {
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(s);
        }
        return list;
    }
}
