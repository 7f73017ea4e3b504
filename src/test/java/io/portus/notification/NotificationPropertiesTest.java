package io.portus.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.portus.common.InvalidSettingException;
import org.junit.jupiter.api.Test;

/** The classic ENDPOINT_* variables and distribution's ignore rules. */
class NotificationPropertiesTest {

    @Test
    void theClassicVariablesAddOneEndpoint() {
        Map<String, String> env = Map.of("ENDPOINT_NAME", "portus", "ENDPOINT_URL", "http://portus:3000/v2/webhooks/events",
                "ENDPOINT_TIMEOUT", "500ms", "ENDPOINT_THRESHOLD", "5", "ENDPOINT_BACKOFF", "1s");
        var endpoints = new NotificationProperties(List.of()).active(env::get);
        assertThat(endpoints).hasSize(1);
        var e = endpoints.getFirst();
        assertThat(e.name()).isEqualTo("portus");
        assertThat(e.url()).isEqualTo("http://portus:3000/v2/webhooks/events");
        assertThat(e.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(e.threshold()).isEqualTo(5);
        assertThat(e.backoff()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void noUrlNoEndpointAndDisabledOnesAreLeftOut() {
        var disabled = new NotificationProperties.Endpoint("off", "http://x", null, Duration.ofSeconds(1), 3,
                Duration.ofSeconds(1), null, null, true);
        assertThat(new NotificationProperties(List.of(disabled)).active(k -> null)).isEmpty();
    }

    @Test
    void badClassicValuesNameTheVariable() {
        assertThatThrownBy(() -> new NotificationProperties(List.of())
                .active(Map.of("ENDPOINT_URL", "http://x", "ENDPOINT_TIMEOUT", "soon")::get))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("ENDPOINT_TIMEOUT");
    }

    @Test
    void ignoredMediaTypesAndActions() {
        var e = new NotificationProperties.Endpoint("e", "http://x", Map.of(), Duration.ofSeconds(1), 3, Duration.ofSeconds(1),
                List.of("application/octet-stream"), new NotificationProperties.Ignore(List.of("text/plain"), List.of("pull")), false);
        assertThat(e.wants("push", "application/vnd.oci.image.manifest.v1+json")).isTrue();
        assertThat(e.wants("push", "application/octet-stream")).isFalse();
        assertThat(e.wants("push", "text/plain")).isFalse();
        assertThat(e.wants("pull", "application/vnd.oci.image.manifest.v1+json")).isFalse();
        assertThat(e.wants("delete", null)).isTrue();
    }
}
