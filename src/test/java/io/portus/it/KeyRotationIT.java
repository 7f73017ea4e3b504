package io.portus.it;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rotate-key} end to end: a token taken before the rotation still reads {@code /v2/} after it (the
 * registry trusts both keys), new tokens carry the new kid, and once the previous key is retired the old token
 * is refused. The jar in token mode with its generated key pair; the verbs run as processes on its data dir.
 */
class KeyRotationIT {

    private static final Pattern SERVICE = Pattern.compile("service=\"([^\"]+)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");

    @Test
    void aTokenIssuedBeforeTheRotationStaysValidUntilThePreviousKeyIsRetired() throws Exception {
        try (PortusProcess portus = PortusProcess.builder("key-rotation").auth("token").start()) {
            Map<String, String> local = Map.of("PORTUS_DATA_DIR", portus.dataDir().toString());
            var boot = CliProcess.run(Map.of("PORTUSCTL_API_SERVER", portus.baseUri().toString()), "bootstrap",
                    "username=admin", "email=admin@example.com", "password=admin-password-1", "-f", "json");
            assertThat(boot.exit()).as(boot.toString()).isZero();
            String before = token(portus);
            assertThat(v2(portus, before)).isEqualTo(200);

            portus.stop();
            var rotated = CliProcess.run(local, "rotate-key", "-f", "json");
            assertThat(rotated.exit()).as(rotated.toString()).isZero();
            JsonNode result = Json.parse(rotated.out());
            assertThat(result.path("previous_kid").asString()).isEqualTo(kid(before));
            String newKid = result.path("kid").asString();
            assertThat(newKid).isNotEqualTo(kid(before));
            assertThat(CliProcess.run(local, "rotate-key").exit()).as("a second rotation before retiring").isEqualTo(1);
            portus.restart();

            assertThat(v2(portus, before)).as("the old token after the rotation").isEqualTo(200);
            String after = token(portus);
            assertThat(kid(after)).isEqualTo(newKid);
            assertThat(v2(portus, after)).isEqualTo(200);

            portus.stop();
            var retired = CliProcess.run(local, "rotate-key", "--retire");
            assertThat(retired.exit()).as(retired.toString()).isZero();
            assertThat(CliProcess.run(local, "rotate-key", "--retire").exit()).isEqualTo(4);
            portus.restart();

            assertThat(v2(portus, before)).as("the old token once its key is retired").isEqualTo(401);
            assertThat(v2(portus, after)).isEqualTo(200);
        }
    }

    /** A token for admin from the realm the registry's challenge names (docker login's way). */
    private static String token(PortusProcess portus) throws IOException, InterruptedException {
        HttpResponse<String> challenge = send(HttpRequest.newBuilder(portus.baseUri().resolve("/v2/")).GET().build());
        String header = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        String realm = match(REALM, header);
        String service = match(SERVICE, header);
        String basic = Base64.getEncoder().encodeToString("admin:admin-password-1".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm + "?service="
                + URLEncoder.encode(service, StandardCharsets.UTF_8) + "&account=admin"))
                .header("Authorization", "Basic " + basic).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.parse(response.body()).path("token").asString();
    }

    private static int v2(PortusProcess portus, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(portus.baseUri().resolve("/v2/")).header("Authorization", "Bearer " + token)
                .GET().build()).statusCode();
    }

    private static String kid(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return Json.parse(header).path("kid").asString();
    }

    private static String match(Pattern pattern, String header) {
        Matcher m = pattern.matcher(header);
        assertThat(m.find()).as(header).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return Http.client(false).send(request, HttpResponse.BodyHandlers.ofString());
    }
}
