package io.portus.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CombinedLogFormatTest {

    private final CombinedLogFormat format = new CombinedLogFormat(ZoneOffset.ofHours(-7));

    @Test
    void aLineIsDistributionsCombinedFormat() {
        String line = format.format(new CombinedLogFormat.Entry("127.0.0.1", null,
                Instant.parse("2006-01-02T22:04:05Z"), "GET", "/v2/", "HTTP/1.1", 401, 87, null, "docker/27.0"));
        assertThat(line).isEqualTo("127.0.0.1 - - [02/Jan/2006:15:04:05 -0700] \"GET /v2/ HTTP/1.1\" 401 87 \"\" \"docker/27.0\"");
    }

    @Test
    void secretQueryValuesAreRedactedAndTheRestKept() {
        assertThat(CombinedLogFormat.redactQuery("/v2/token?service=r&scope=repository:a/b:pull&password=x&offline_token=true"))
                .isEqualTo("/v2/token?service=r&scope=repository:a/b:pull&password=REDACTED&offline_token=REDACTED");
        assertThat(CombinedLogFormat.redactQuery("/users/auth/oidc/callback?code=abc&state=def"))
                .isEqualTo("/users/auth/oidc/callback?code=REDACTED&state=REDACTED");
        assertThat(CombinedLogFormat.redactQuery("/users/password/edit?reset_password_token=s3cret&X-Amz-Signature=1"))
                .isEqualTo("/users/password/edit?reset_password_token=REDACTED&X-Amz-Signature=REDACTED");
        assertThat(CombinedLogFormat.redactQuery("/v2/_catalog?n=10&last=a")).isEqualTo("/v2/_catalog?n=10&last=a");
    }

    @Test
    void quotesAndControlCharactersCannotSplitOrForgeALine() {
        String line = format.format(new CombinedLogFormat.Entry("10.0.0.1", "bob", Instant.EPOCH, "GET", "/a\"b",
                "HTTP/1.1", 200, 0, "x\" 200 1 \"", "evil\nagent\\"));
        assertThat(line).doesNotContain("\n")
                .endsWith("\"GET /a\\\"b HTTP/1.1\" 200 0 \"x\\\" 200 1 \\\"\" \"evil\\x0aagent\\\\\"")
                .startsWith("10.0.0.1 - bob [");
    }
}
