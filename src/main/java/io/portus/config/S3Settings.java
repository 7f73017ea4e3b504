package io.portus.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import io.portus.common.InvalidSettingException;
import io.portus.storage.S3Options;

/**
 * {@link StorageProperties.S3} checked and turned into the driver's {@link S3Options}, with distribution's
 * rules: an endpoint without scheme gets https (http when {@code secure} is false); path style whenever an
 * endpoint is given unless {@code forcepathstyle} says otherwise; storage class {@code NONE} sends none.
 * Errors name the variable.
 */
final class S3Settings {

    private S3Settings() {
    }

    static S3Options options(StorageProperties.S3 s3) {
        if (s3.bucket().isBlank()) {
            throw new InvalidSettingException("REGISTRY_STORAGE_S3_BUCKET", "required with REGISTRY_STORAGE=s3");
        }
        if (s3.chunkSize() < S3Options.MIN_CHUNK_SIZE || s3.chunkSize() > Integer.MAX_VALUE - 16) {
            throw new InvalidSettingException("REGISTRY_STORAGE_S3_CHUNKSIZE", s3.chunkSize()
                    + " is not a part size S3 accepts (at least " + S3Options.MIN_CHUNK_SIZE + " bytes, below 2 GiB)");
        }
        if (s3.region().isBlank()) {
            throw new InvalidSettingException("REGISTRY_STORAGE_S3_REGION", "must not be empty");
        }
        if (s3.accessKey().isEmpty() != s3.secretKey().isEmpty()) {
            throw new InvalidSettingException(s3.accessKey().isEmpty() ? "REGISTRY_STORAGE_S3_ACCESSKEY" : "REGISTRY_STORAGE_S3_SECRETKEY",
                    "set both access key and secret key, or neither (the AWS default credential chain)");
        }
        Optional<URI> endpoint = endpoint(s3.regionEndpoint().strip().replaceAll("/+$", ""), s3.secure());
        boolean pathStyle = s3.forcePathStyle() != null ? s3.forcePathStyle() : endpoint.isPresent();
        String storageClass = s3.storageClass().strip();
        Optional<String> sent = storageClass.isEmpty() || storageClass.equalsIgnoreCase("NONE") ? Optional.empty()
                : Optional.of(storageClass.toUpperCase(Locale.ROOT));
        return new S3Options(endpoint, s3.region().strip(), s3.bucket().strip(), s3.accessKey(), s3.secretKey(),
                s3.rootDirectory(), pathStyle, s3.chunkSize(), sent);
    }

    private static Optional<URI> endpoint(String value, boolean secure) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String withScheme = value.contains("://") ? value : (secure ? "https://" : "http://") + value;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "not an http(s) URL with a host");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw new InvalidSettingException("REGISTRY_STORAGE_S3_REGIONENDPOINT",
                    "'" + value + "' is not an http(s) URL or host[:port]");
        }
    }
}
