package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link RegistryStorage} on any {@link BlobStore}, in distribution 2.8's layout and with its
 * semantics, so either can serve a directory the other wrote. Tags are read from storage on every
 * call (another instance may move them); manifest bytes are cached by digest.
 */
final class DefaultRegistryStorage implements RegistryStorage {

    private static final long MANIFEST_CACHE_BYTES = 32L * 1024 * 1024;

    private final BlobStore store;
    private final Clock clock;
    private final UploadSessions uploads;
    private final RepositoryWalker walker;
    private final ManifestCache manifestCache = new ManifestCache(MANIFEST_CACHE_BYTES);

    DefaultRegistryStorage(BlobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.uploads = new UploadSessions(store, clock);
        this.walker = new RepositoryWalker(store);
    }

    // ---- blobs ------------------------------------------------------------------------------

    @Override
    public Optional<Blob> blob(RepositoryName repo, Digest digest) throws IOException {
        if (!Links.exists(store, StoragePaths.layerLink(repo, digest))
                && !Links.exists(store, StoragePaths.revisionLink(repo, digest))) {
            return Optional.empty();
        }
        return stored(digest);
    }

    @Override
    public boolean deleteBlob(RepositoryName repo, Digest digest) throws IOException {
        if (!Links.exists(store, StoragePaths.layerLink(repo, digest))) {
            return false;
        }
        store.delete(StoragePaths.layerDir(repo, digest));
        return true;
    }

    @Override
    public Optional<Blob> mountBlob(RepositoryName repo, RepositoryName from, Digest digest) throws IOException {
        Optional<Blob> blob = blob(from, digest);
        if (blob.isPresent()) {
            Links.write(store, StoragePaths.layerLink(repo, digest), digest);
        }
        return blob;
    }

    private Optional<Blob> stored(Digest digest) throws IOException {
        String data = StoragePaths.blobData(digest);
        return store.stat(data).filter(i -> !i.directory())
                .map(i -> StoredBlob.of(digest, i.size(), store, data));
    }

    // ---- upload sessions --------------------------------------------------------------------

    @Override
    public UploadSession startUpload(RepositoryName repo) throws IOException {
        return uploads.start(repo);
    }

    @Override
    public Optional<UploadSession> upload(RepositoryName repo, String uploadId) throws IOException {
        return uploads.find(repo, uploadId);
    }

    @Override
    public long appendUpload(RepositoryName repo, String uploadId, InputStream body) throws IOException {
        return uploads.append(repo, uploadId, body);
    }

    @Override
    public Blob commitUpload(RepositoryName repo, String uploadId, Digest expected) throws IOException {
        return uploads.commit(repo, uploadId, expected);
    }

    @Override
    public boolean cancelUpload(RepositoryName repo, String uploadId) throws IOException {
        return uploads.cancel(repo, uploadId);
    }

    @Override
    public int purgeUploads(Duration olderThan) throws IOException {
        Instant cutoff = clock.instant().minus(olderThan);
        AtomicInteger purged = new AtomicInteger();
        walker.forEachUploadsDir((repositoryPath, uploadsPath) -> {
            for (String session : store.list(uploadsPath)) {
                if (uploads.purgeIfOlder(repositoryPath, session, cutoff)) {
                    purged.incrementAndGet();
                }
            }
        });
        // what interrupted writes left in the store itself (S3: multipart uploads never completed)
        return purged.get() + store.purgeIncompleteWrites(cutoff);
    }

    // ---- manifests and tags -----------------------------------------------------------------

    @Override
    public Optional<byte[]> manifest(RepositoryName repo, Digest digest) throws IOException {
        if (!Links.exists(store, StoragePaths.revisionLink(repo, digest))) {
            return Optional.empty();
        }
        Optional<byte[]> cached = manifestCache.get(digest);
        if (cached.isPresent()) {
            return Optional.of(cached.get().clone());
        }
        byte[] content;
        try {
            content = store.getContent(StoragePaths.blobData(digest));
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
        manifestCache.put(digest, content.clone());
        return Optional.of(content);
    }

    @Override
    public void putManifest(RepositoryName repo, Digest digest, byte[] content, Optional<Digest> subject)
            throws IOException {
        String data = StoragePaths.blobData(digest);
        if (store.stat(data).filter(i -> !i.directory() && i.size() == content.length).isEmpty()) {
            store.putContent(data, content);
        }
        Links.write(store, StoragePaths.revisionLink(repo, digest), digest);
        if (subject.isPresent()) {
            Links.write(store, StoragePaths.referrerLink(repo, subject.get(), digest), digest);
        }
        manifestCache.put(digest, content.clone());
    }

    @Override
    public void tag(RepositoryName repo, String tag, Digest digest) throws IOException {
        requireTag(tag);
        // current link first: a crash before the index entry leaves a working tag without its history
        // entry (harmless); distribution's order (index first) could leave a tag that does not resolve
        Links.write(store, StoragePaths.tagCurrentLink(repo, tag), digest);
        Links.write(store, StoragePaths.tagIndexLink(repo, tag, digest), digest);
    }

    @Override
    public Optional<Digest> resolveTag(RepositoryName repo, String tag) throws IOException {
        return Tag.isValid(tag) ? Links.read(store, StoragePaths.tagCurrentLink(repo, tag)) : Optional.empty();
    }

    @Override
    public boolean deleteTag(RepositoryName repo, String tag) throws IOException {
        if (!Tag.isValid(tag) || store.stat(StoragePaths.tagDir(repo, tag)).isEmpty()) {
            return false;
        }
        store.delete(StoragePaths.tagDir(repo, tag));
        return true;
    }

    @Override
    public Optional<List<String>> deleteManifest(RepositoryName repo, Digest digest) throws IOException {
        if (!Links.exists(store, StoragePaths.revisionLink(repo, digest))) {
            return Optional.empty();
        }
        List<String> tags = tagsOf(repo, digest);
        for (String tag : tags) { // tags first: no tag is ever left pointing at a missing revision
            store.delete(StoragePaths.tagDir(repo, tag));
        }
        store.delete(StoragePaths.revisionDir(repo, digest));
        for (String alg : store.list(StoragePaths.referrersRoot(repo))) {
            for (String subject : store.list(alg)) {
                String entry = subject + "/" + digest.algorithm() + "/" + digest.hex();
                if (store.stat(entry).isPresent()) {
                    store.delete(entry);
                }
            }
        }
        return Optional.of(tags);
    }

    @Override
    public Optional<List<String>> tags(RepositoryName repo) throws IOException {
        List<String> tags = new ArrayList<>();
        for (String dir : store.list(StoragePaths.tags(repo))) {
            String tag = StoragePaths.baseName(dir);
            // a tag directory without current/link (a crash mid-write, ours or distribution's) is not a tag
            if (Tag.isValid(tag) && Links.exists(store, StoragePaths.tagCurrentLink(repo, tag))) {
                tags.add(tag);
            }
        }
        if (tags.isEmpty() && !repositoryExists(repo)) {
            return Optional.empty();
        }
        tags.sort(null);
        return Optional.of(tags);
    }

    @Override
    public List<String> tagsOf(RepositoryName repo, Digest digest) throws IOException {
        List<String> result = new ArrayList<>();
        for (String tag : tags(repo).orElse(List.of())) {
            if (Links.read(store, StoragePaths.tagCurrentLink(repo, tag)).filter(digest::equals).isPresent()) {
                result.add(tag);
            }
        }
        return result;
    }

    @Override
    public List<Digest> referrers(RepositoryName repo, Digest subject) throws IOException {
        List<Digest> result = new ArrayList<>();
        for (String algDir : store.list(StoragePaths.referrers(repo, subject))) {
            String alg = StoragePaths.baseName(algDir);
            for (String hexDir : store.list(algDir)) {
                String candidate = alg + ":" + StoragePaths.baseName(hexDir);
                if (Digest.isDigest(candidate)
                        && Links.exists(store, StoragePaths.revisionLink(repo, Digest.parse(candidate)))) {
                    result.add(Digest.parse(candidate));
                }
            }
        }
        result.sort((a, b) -> a.toString().compareTo(b.toString()));
        return result;
    }

    // ---- catalog -----------------------------------------------------------------------------

    @Override
    public List<String> repositories(String last, int limit) throws IOException {
        return walker.repositories(last, limit);
    }

    @Override
    public boolean repositoryExists(RepositoryName repo) throws IOException {
        return store.stat(StoragePaths.manifests(repo)).isPresent()
                || store.stat(StoragePaths.layers(repo)).isPresent();
    }

    private static void requireTag(String tag) {
        if (!Tag.isValid(tag)) {
            throw new IllegalArgumentException("invalid tag: " + tag);
        }
    }
}
