package io.portus.registry.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A parsed {@code /v2/} path.
 *
 * @param kind      the endpoint family
 * @param name      the repository name as it appeared in the path (not yet validated), null for base and catalog
 * @param reference the last path element: manifest reference, blob or subject digest, upload id (URL-decoded)
 */
record Route(Kind kind, String name, String reference) {

    /** Endpoint families with the methods they answer. */
    enum Kind {
        BASE("base", "GET", "HEAD"),
        CATALOG("catalog", "GET", "HEAD"),
        TAGS("tags", "GET", "HEAD"),
        MANIFEST("manifest", "GET", "HEAD", "PUT", "DELETE"),
        BLOB("blob", "GET", "HEAD", "DELETE"),
        UPLOAD_START("upload", "POST"),
        UPLOAD("upload", "GET", "HEAD", "PATCH", "PUT", "DELETE"),
        REFERRERS("referrers", "GET", "HEAD");

        private final String operation;
        private final Set<String> methods;

        Kind(String operation, String... methods) {
            this.operation = operation;
            this.methods = Set.of(methods);
        }

        boolean allows(String method) {
            return methods.contains(method);
        }

        /** Value of the {@code Allow} header for this family. */
        String allowHeader() {
            return String.join(", ", methods.stream().sorted().toList());
        }
    }

    /** Metric tag of a request on this route, e.g. {@code blob_get}, {@code manifest_put}. */
    String operation(String method) {
        return kind.operation + "_" + method.toLowerCase(Locale.ROOT);
    }
}
