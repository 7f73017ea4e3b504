package io.portus.registry.internal;

/** Header names and media types used by the handlers. */
final class Headers {

    static final String API_VERSION = "Docker-Distribution-API-Version";
    static final String API_VERSION_VALUE = "registry/2.0";
    static final String CONTENT_DIGEST = "Docker-Content-Digest";
    static final String UPLOAD_UUID = "Docker-Upload-UUID";
    static final String OCI_SUBJECT = "OCI-Subject";
    static final String OCI_FILTERS_APPLIED = "OCI-Filters-Applied";

    static final String JSON = "application/json";
    static final String OCTET_STREAM = "application/octet-stream";
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_SCHEMA1 = "application/vnd.docker.distribution.manifest.v1+json";
    static final String DOCKER_SCHEMA1_SIGNED = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    private Headers() {
    }

    /** {@code "text/x; charset=a"} → {@code "text/x"}, lower case; null or blank → null. */
    static String mediaTypeOnly(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(java.util.Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    /** The {@code Range} header value of an upload session holding {@code size} bytes. */
    static String uploadRange(long size) {
        return "0-" + Math.max(0, size - 1);
    }
}
