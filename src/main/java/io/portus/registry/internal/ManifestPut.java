package io.portus.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.portus.registry.PushRules;
import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RegistryStorage;

/**
 * {@code PUT /v2/<name>/manifests/<reference>}: reads at most {@code manifest-max-bytes} (413 above),
 * validates the manifest ({@link ManifestParser#validate}), checks that everything it references is in the
 * repository (400 MANIFEST_BLOB_UNKNOWN, detail = the digest; foreign layers with {@code urls} excepted),
 * stores the exact bytes under their digest, moves the tag, and answers 201 with {@code Location},
 * {@code Docker-Content-Digest} and, for a manifest with a subject, {@code OCI-Subject}. Before anything is
 * stored the {@link PushRules} are asked (immutable tags, quotas): a refusal is 403 {@code DENIED} with the rule's
 * message and leaves nothing behind (no revision, no tag, no event).
 */
final class ManifestPut {

    private final RegistryStorage storage;
    private final ManifestCache cache;
    private final Events events;
    private final long maxBytes;
    private final Supplier<PushRules> rules;

    ManifestPut(RegistryStorage storage, ManifestCache cache, Events events, long maxBytes,
                Supplier<PushRules> rules) {
        this.storage = storage;
        this.rules = rules;
        this.cache = cache;
        this.events = events;
        this.maxBytes = maxBytes;
    }

    void handle(Exchange ex) throws IOException {
        Reference ref = Reference.push(ex.route.reference());
        byte[] bytes = readBody(ex);
        String algorithm = ref.byTag() ? "sha256" : ref.digest().algorithm();
        Digest digest = Digest.of(algorithm, digestOf(algorithm, bytes));
        if (!ref.byTag() && !ref.digest().equals(digest)) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "manifest content has digest " + digest
                    + ", not the " + ref.digest() + " of the URL", Map.of("digest", ref.digest().toString()));
        }
        ManifestInfo info = ManifestParser.validate(bytes, ex.header("Content-Type"));
        List<PushRules.Content> contents = checkReferences(ex, digest, bytes.length, info);
        Digest previous = ref.byTag() ? storage.resolveTag(ex.repo(), ref.tag()).orElse(null) : null;
        PushRules.Admission admission = admit(new PushRules.ManifestPush(ex.repo(), digest, ref.tag(), previous,
                contents));
        try {
            storage.putManifest(ex.repo(), digest, bytes, Optional.ofNullable(info.subject()));
            if (ref.byTag()) {
                storage.tag(ex.repo(), ref.tag(), digest);
            }
        } catch (IOException | RuntimeException e) {
            admission.abandon();
            throw e;
        }
        cache.put(digest, info);
        ex.header("Location", ex.manifestPath(digest));
        ex.header(Headers.CONTENT_DIGEST, digest.toString());
        if (info.subject() != null) {
            ex.header(Headers.OCI_SUBJECT, info.subject().toString());
        }
        ex.sendEmpty(201);
        events.manifest(ex, RegistryEvent.PUSH, digest, info, ref.tag());
    }

    private PushRules.Admission admit(PushRules.ManifestPush push) {
        try {
            return rules.get().admit(push);
        } catch (PushRules.Refused e) {
            throw new RegistryException(ErrorCode.DENIED, e.getMessage(),
                    push.tag() == null ? Map.of("digest", push.digest().toString()) : Map.of("tag", push.tag()));
        }
    }

    private byte[] readBody(Exchange ex) throws IOException {
        long declared = ex.request.getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = ex.body()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        ex.requireCompleteBody(null);
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    private RegistryException tooLarge() {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, "manifest is larger than the limit of " + maxBytes
                + " bytes (portus.registry.manifest-max-bytes)", Map.of("limit", maxBytes)).withStatus(413);
    }

    /** Checks that every reference is in the repository; returns what the manifest counts ({@link Counted}). */
    private List<PushRules.Content> checkReferences(Exchange ex, Digest digest, long size, ManifestInfo info)
            throws IOException {
        List<PushRules.Content> contents = new ArrayList<>();
        contents.add(new PushRules.Content(digest, size));
        for (ManifestInfo.Descriptor d : info.references()) {
            boolean present;
            if (info.index()) {
                present = storage.manifest(ex.repo(), d.digest()).isPresent();
            } else if (d.foreign()) {
                present = true;
            } else {
                Optional<RegistryStorage.Blob> blob = storage.blob(ex.repo(), d.digest());
                blob.ifPresent(b -> contents.add(new PushRules.Content(d.digest(), b.size())));
                present = blob.isPresent();
            }
            if (!present) {
                throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, (info.index() ? "manifest " : "blob ")
                        + d.digest() + " is not in repository " + ex.repo(), d.digest().toString());
            }
        }
        return contents;
    }

    private static MessageDigest digestOf(String algorithm, byte[] bytes) {
        MessageDigest md = Digest.newMessageDigest(algorithm);
        md.update(bytes);
        return md;
    }
}
