package io.portus.storage;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@link RegistryStorage} that asks a {@link ContentGuard} first whenever an answer makes a client rely on a
 * digest: the guard runs before the existence check, so a digest the collector deletes meanwhile is either
 * kept (the collector sees the guard's mark) or reported missing (the caller waited until it was gone).
 */
final class GuardedRegistryStorage implements RegistryStorage {

    private final RegistryStorage delegate;
    private final ContentGuard guard;

    GuardedRegistryStorage(RegistryStorage delegate, ContentGuard guard) {
        this.delegate = delegate;
        this.guard = guard;
    }

    @Override
    public RegistryStorage unguarded() {
        return delegate;
    }

    @Override
    public Optional<Blob> blob(RepositoryName repo, Digest digest) throws IOException {
        guard.beforeUse(digest);
        return delegate.blob(repo, digest);
    }

    @Override
    public boolean deleteBlob(RepositoryName repo, Digest digest) throws IOException {
        return delegate.deleteBlob(repo, digest);
    }

    @Override
    public Optional<Blob> mountBlob(RepositoryName repo, RepositoryName from, Digest digest) throws IOException {
        guard.beforeUse(digest);
        return delegate.mountBlob(repo, from, digest);
    }

    @Override
    public UploadSession startUpload(RepositoryName repo) throws IOException {
        return delegate.startUpload(repo);
    }

    @Override
    public Optional<UploadSession> upload(RepositoryName repo, String uploadId) throws IOException {
        return delegate.upload(repo, uploadId);
    }

    @Override
    public long appendUpload(RepositoryName repo, String uploadId, InputStream body) throws IOException {
        return delegate.appendUpload(repo, uploadId, body);
    }

    @Override
    public Blob commitUpload(RepositoryName repo, String uploadId, Digest expected) throws IOException {
        guard.beforeUse(expected);
        return delegate.commitUpload(repo, uploadId, expected);
    }

    @Override
    public boolean cancelUpload(RepositoryName repo, String uploadId) throws IOException {
        return delegate.cancelUpload(repo, uploadId);
    }

    @Override
    public int purgeUploads(Duration olderThan) throws IOException {
        return delegate.purgeUploads(olderThan);
    }

    @Override
    public Optional<byte[]> manifest(RepositoryName repo, Digest digest) throws IOException {
        guard.beforeUse(digest);
        return delegate.manifest(repo, digest);
    }

    @Override
    public void putManifest(RepositoryName repo, Digest digest, byte[] content, Optional<Digest> subject)
            throws IOException {
        guard.beforeUse(digest);
        delegate.putManifest(repo, digest, content, subject);
    }

    @Override
    public void tag(RepositoryName repo, String tag, Digest digest) throws IOException {
        guard.beforeUse(digest);
        delegate.tag(repo, tag, digest);
    }

    @Override
    public Optional<Digest> resolveTag(RepositoryName repo, String tag) throws IOException {
        return delegate.resolveTag(repo, tag);
    }

    @Override
    public boolean deleteTag(RepositoryName repo, String tag) throws IOException {
        return delegate.deleteTag(repo, tag);
    }

    @Override
    public Optional<List<String>> deleteManifest(RepositoryName repo, Digest digest) throws IOException {
        return delegate.deleteManifest(repo, digest);
    }

    @Override
    public Optional<List<String>> tags(RepositoryName repo) throws IOException {
        return delegate.tags(repo);
    }

    @Override
    public List<String> tagsOf(RepositoryName repo, Digest digest) throws IOException {
        return delegate.tagsOf(repo, digest);
    }

    @Override
    public List<Digest> referrers(RepositoryName repo, Digest subject) throws IOException {
        return delegate.referrers(repo, subject);
    }

    @Override
    public List<String> repositories(String last, int limit) throws IOException {
        return delegate.repositories(last, limit);
    }

    @Override
    public boolean repositoryExists(RepositoryName repo) throws IOException {
        return delegate.repositoryExists(repo);
    }
}
