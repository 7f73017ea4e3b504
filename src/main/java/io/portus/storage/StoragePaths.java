package io.portus.storage;

/**
 * Where everything lives on a {@link BlobStore}: CNCF distribution's layout (its
 * {@code registry/storage/paths.go}), so a directory written by distribution 2.x is served as is and
 * the other way round. This is the one place the layout is written down:
 *
 * <pre>
 * /docker/registry/v2/
 *   blobs/
 *     &lt;alg&gt;/&lt;first 2 hex&gt;/&lt;hex&gt;/data                  content-addressed bytes (layers, configs, manifests)
 *   repositories/
 *     &lt;name&gt;/                                            name may hold '/': library/busybox
 *       _layers/&lt;alg&gt;/&lt;hex&gt;/link                          "sha256:..." - blob linked into the repository
 *       _manifests/
 *         revisions/&lt;alg&gt;/&lt;hex&gt;/link                    "sha256:..." - a manifest of the repository
 *         tags/&lt;tag&gt;/
 *           current/link                                 "sha256:..." - what the tag points at now
 *           index/&lt;alg&gt;/&lt;hex&gt;/link                      every digest the tag pointed at
 *       _uploads/&lt;id&gt;/                                   an upload session (id: lowercase UUID)
 *         data                                           bytes received so far
 *         startedat                                      RFC 3339 time the session started
 *         hashstates/&lt;alg&gt;/&lt;offset&gt;                      written by distribution; tolerated, ignored
 *       _referrers/&lt;alg&gt;/&lt;subject hex&gt;/&lt;alg&gt;/&lt;hex&gt;/link  ours (OCI 1.1 referrers): manifest &lt;hex&gt;
 *                                                        declared &lt;subject&gt; as its subject
 * </pre>
 *
 * A directory under {@code repositories/} is a repository when it has a {@code _layers} child
 * (distribution 2.8's catalog rule, checked against 2.8.2) or a {@code _manifests} child (distribution
 * 3's rule). {@code _}-prefixed directories are never repository name components: distribution 2.8
 * skips {@code _referrers} in its catalog walk, lists tags only from {@code _manifests/tags}, and its
 * garbage collector does not look at it (verified with 2.8.2 in {@code DistributionLayoutIT}).
 * Link files hold the digest string and nothing else (no newline).
 */
public final class StoragePaths {

    /** Root of everything distribution stores. */
    public static final String ROOT = "/docker/registry/v2";
    public static final String BLOBS = ROOT + "/blobs";
    public static final String REPOSITORIES = ROOT + "/repositories";

    private StoragePaths() {
    }

    /** {@code blobs/<alg>/<xx>/<hex>} — the directory of a blob. */
    public static String blobDir(Digest d) {
        return BLOBS + "/" + d.algorithm() + "/" + d.hex().substring(0, 2) + "/" + d.hex();
    }

    /** {@code blobs/<alg>/<xx>/<hex>/data} — the bytes of a blob. */
    public static String blobData(Digest d) {
        return blobDir(d) + "/data";
    }

    /** {@code repositories/<name>} */
    public static String repository(RepositoryName repo) {
        return REPOSITORIES + "/" + repo.value();
    }

    /** {@code repositories/<name>/_layers} */
    public static String layers(RepositoryName repo) {
        return repository(repo) + "/_layers";
    }

    /** {@code repositories/<name>/_layers/<alg>/<hex>} — holds {@code link}. */
    public static String layerDir(RepositoryName repo, Digest d) {
        return layers(repo) + "/" + d.algorithm() + "/" + d.hex();
    }

    public static String layerLink(RepositoryName repo, Digest d) {
        return layerDir(repo, d) + "/link";
    }

    /** {@code repositories/<name>/_manifests} */
    public static String manifests(RepositoryName repo) {
        return repository(repo) + "/_manifests";
    }

    /** {@code _manifests/revisions/<alg>/<hex>} — holds {@code link}. */
    public static String revisionDir(RepositoryName repo, Digest d) {
        return manifests(repo) + "/revisions/" + d.algorithm() + "/" + d.hex();
    }

    public static String revisionLink(RepositoryName repo, Digest d) {
        return revisionDir(repo, d) + "/link";
    }

    /** {@code _manifests/tags} — one directory per tag. */
    public static String tags(RepositoryName repo) {
        return manifests(repo) + "/tags";
    }

    /** {@code _manifests/tags/<tag>} */
    public static String tagDir(RepositoryName repo, String tag) {
        return tags(repo) + "/" + tag;
    }

    /** {@code _manifests/tags/<tag>/current/link} */
    public static String tagCurrentLink(RepositoryName repo, String tag) {
        return tagDir(repo, tag) + "/current/link";
    }

    /** {@code _manifests/tags/<tag>/index/<alg>/<hex>/link} */
    public static String tagIndexLink(RepositoryName repo, String tag, Digest d) {
        return tagDir(repo, tag) + "/index/" + d.algorithm() + "/" + d.hex() + "/link";
    }

    /** {@code repositories/<name>/_uploads} */
    public static String uploads(RepositoryName repo) {
        return repository(repo) + "/_uploads";
    }

    /** {@code _uploads/<id>} — callers validate the id first. */
    public static String uploadDir(RepositoryName repo, String id) {
        return uploads(repo) + "/" + id;
    }

    public static String uploadData(RepositoryName repo, String id) {
        return uploadDir(repo, id) + "/data";
    }

    public static String uploadStartedAt(RepositoryName repo, String id) {
        return uploadDir(repo, id) + "/startedat";
    }

    /** {@code repositories/<name>/_referrers} */
    public static String referrersRoot(RepositoryName repo) {
        return repository(repo) + "/_referrers";
    }

    /** {@code _referrers/<alg>/<subject hex>} — holds {@code <alg>/<referrer hex>/link} entries. */
    public static String referrers(RepositoryName repo, Digest subject) {
        return referrersRoot(repo) + "/" + subject.algorithm() + "/" + subject.hex();
    }

    /** {@code _referrers/<alg>/<subject hex>/<alg>/<referrer hex>} — holds {@code link}. */
    public static String referrerDir(RepositoryName repo, Digest subject, Digest referrer) {
        return referrers(repo, subject) + "/" + referrer.algorithm() + "/" + referrer.hex();
    }

    public static String referrerLink(RepositoryName repo, Digest subject, Digest referrer) {
        return referrerDir(repo, subject, referrer) + "/link";
    }

    /** Last segment of a path. */
    static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Checks a driver path: absolute, '/'-separated, no empty, "." or ".." segments, no NUL; "/" is the root.
     *
     * @throws IllegalArgumentException when it is not
     */
    static String validate(String path) {
        if (path == null || path.isEmpty() || path.charAt(0) != '/') {
            throw new IllegalArgumentException("storage path must be absolute: " + path);
        }
        if (path.length() == 1) {
            return path;
        }
        int start = 1;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            int len = end - start;
            if (len == 0 || (len == 1 && path.charAt(start) == '.')
                    || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                throw new IllegalArgumentException("invalid storage path: " + path);
            }
            start = end + 1;
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid storage path: " + path);
        }
        return path;
    }
}
