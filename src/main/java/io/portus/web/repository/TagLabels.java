package io.portus.web.repository;

import java.util.List;

/** Words for the tag page: what kind of artifact a media type is, short digests, commands. */
public final class TagLabels {

    private TagLabels() {
    }

    /** "signature", "SBOM", "attestation", "image", "index", or the type itself. */
    public static String kind(String type) {
        if (type == null || type.isEmpty()) {
            return "image";
        }
        String t = type.toLowerCase();
        if (t.contains("signature") || t.contains("cosign.artifact.sig") || t.contains("notary")) {
            return "signature";
        }
        if (t.contains("spdx") || t.contains("cyclonedx") || t.contains("syft") || t.contains("sbom")) {
            return "SBOM";
        }
        if (t.contains("in-toto") || t.contains("attestation") || t.contains("dsse")) {
            return "attestation";
        }
        if (t.endsWith("image.index.v1+json") || t.endsWith("manifest.list.v2+json")) {
            return "index";
        }
        if (t.endsWith("image.manifest.v1+json") || t.endsWith("distribution.manifest.v2+json")) {
            return "image";
        }
        return type;
    }

    /** {@code sha256:0123456789ab}. */
    public static String shortDigest(String digest) {
        if (digest == null) {
            return "";
        }
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }

    /** A shell word: quoted when it holds anything but safe characters, as {@code docker inspect} shows them. */
    public static String shell(List<String> words) {
        return String.join(" ", words.stream().map(TagLabels::quote).toList());
    }

    private static String quote(String w) {
        return w.matches("[A-Za-z0-9_./:=@%+,-]+") ? w : "\"" + w.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
