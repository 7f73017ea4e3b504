package io.portus.config;

import java.net.URI;
import java.util.Optional;

import io.portus.common.InvalidSettingException;
import io.portus.storage.S3Options;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** distribution's S3 variables as the driver gets them, and the start-up errors that name the variable. */
class S3SettingsTest {

    static StorageProperties.S3 s3(String endpoint, String bucket, Boolean pathStyle, boolean secure, long chunk, String storageClass) {
        return new StorageProperties.S3(endpoint, bucket, "us-east-1", "ak", "sk", "", pathStyle, secure, chunk, storageClass);
    }

    @Test
    void anEndpointMeansPathStyleAndAHostWithoutSchemeFollowsSecure() {
        S3Options o = S3Settings.options(s3("minio:9000", "reg", null, false, 10485760, "STANDARD"));
        assertThat(o.endpoint()).contains(URI.create("http://minio:9000"));
        assertThat(o.forcePathStyle()).isTrue();
        assertThat(o.storageClass()).contains("STANDARD");
        assertThat(S3Settings.options(s3("minio:9000", "reg", null, true, 10485760, "NONE")).endpoint())
                .contains(URI.create("https://minio:9000"));
        assertThat(S3Settings.options(s3("http://s3.local", "reg", false, true, 10485760, "NONE")).forcePathStyle()).isFalse();
        assertThat(S3Settings.options(s3("https://s3.local:9000/", "reg", null, true, 10485760, "NONE")).endpoint())
                .contains(URI.create("https://s3.local:9000"));
        S3Options aws = S3Settings.options(s3("", "reg", null, true, 10485760, "NONE"));
        assertThat(aws.endpoint()).isEmpty();
        assertThat(aws.forcePathStyle()).isFalse();
        assertThat(aws.storageClass()).isEqualTo(Optional.empty());
        assertThat(aws.toString()).doesNotContain("sk").contains("******");
    }

    @Test
    void badValuesNameTheirVariable() {
        assertThatThrownBy(() -> S3Settings.options(s3("", " ", null, true, 10485760, "NONE")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE_S3_BUCKET:");
        assertThatThrownBy(() -> S3Settings.options(s3("", "b", null, true, 1024, "NONE")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE_S3_CHUNKSIZE:");
        assertThatThrownBy(() -> S3Settings.options(s3("ftp://x", "b", null, true, 10485760, "NONE")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE_S3_REGIONENDPOINT:");
        assertThatThrownBy(() -> S3Settings.options(s3("http://bad host", "b", null, true, 10485760, "NONE")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE_S3_REGIONENDPOINT:");
        assertThatThrownBy(() -> S3Settings.options(new StorageProperties.S3("", "b", "us-east-1", "ak", "", "", null, true,
                10485760, "NONE"))).isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("REGISTRY_STORAGE_S3_SECRETKEY:");
    }
}
