package io.portus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Logs (issue #13): structured JSON lines in both of Spring Boot's formats, request ids in every line of a
 * request and in {@code X-Request-Id}, the access log in distribution's format. Three jars, started together:
 * ECS with the access log on, logstash with it off (the default), the plain pattern with it switched on by
 * distribution's {@code REGISTRY_LOG_ACCESSLOG_DISABLED=false}; the logstash one also sends registry
 * notifications to a receiver (open registry). Each lets two failed token requests through,
 * then throttles (429) and logs a warning inside the request.
 */
class LogsIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    /** distribution's access log line: host - user [time] "request" status bytes "referer" "user agent". */
    private static final String COMBINED = "127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] "
            + "\"GET %s HTTP/1\\.1\" %d \\d+ \"\" \"[^\"]+\"";
    private static final String BAD_CREDENTIALS = "Basic " + Base64.getEncoder().encodeToString(
            "bob:not-his-password".getBytes(StandardCharsets.UTF_8));

    private static PortusProcess ecs;
    private static PortusProcess logstash;
    private static PortusProcess plain;
    private static EventReceiver events;
    private static int managementPort;

    @BeforeAll
    static void start() throws IOException {
        int receiverPort = FreePorts.next();
        events = new EventReceiver(receiverPort);
        var e = CompletableFuture.supplyAsync(() -> throttled("logs-ecs").env("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .env("PORTUS_ACCESS_LOG_ENABLED", "true").start());
        var l = CompletableFuture.supplyAsync(() -> throttled("logs-logstash")
                .env("LOGGING_STRUCTURED_FORMAT_CONSOLE", "logstash").auth("none")
                .env("ENDPOINT_NAME", "logs-it").env("ENDPOINT_URL", "http://127.0.0.1:" + receiverPort + "/events")
                .start());
        managementPort = FreePorts.next();
        var p = CompletableFuture.supplyAsync(() -> throttled("logs-plain")
                .env("REGISTRY_LOG_ACCESSLOG_DISABLED", "false")
                .env("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort)).start());
        ecs = e.join();
        logstash = l.join();
        plain = p.join();
    }

    private static PortusProcess.Builder throttled(String name) {
        // three start at once on a shared machine: more time than one alone
        return PortusProcess.builder(name).auth("token").startTimeout(java.time.Duration.ofMinutes(4)).env("PORTUS_SECURITY_AUTH_THROTTLE_MAX_FAILURES_PER_MINUTE", "2");
    }

    @AfterAll
    static void stop() {
        for (PortusProcess p : new PortusProcess[] {ecs, logstash, plain}) {
            if (p != null) {
                p.close();
            }
        }
        if (events != null) {
            events.close();
        }
    }

    @Test
    void registryEventsCarryTheRequestIdOfThePush() throws Exception {
        byte[] blob = "a blob pushed with a request id".getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> start = Http.client(false).send(HttpRequest.newBuilder(
                logstash.baseUri().resolve("/v2/logs/events/blobs/uploads/")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(start.statusCode()).isEqualTo(202);
        String location = start.headers().firstValue("Location").orElseThrow();
        HttpResponse<Void> put = Http.client(false).send(HttpRequest.newBuilder(logstash.baseUri().resolve(
                        location + (location.contains("?") ? "&" : "?") + "digest=" + Digests.sha256(blob)))
                .header("X-Request-Id", "push-with-an-id").header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(put.statusCode()).isEqualTo(201);
        List<JsonNode> pushes = List.of();
        for (int i = 0; i < 300 && pushes.isEmpty(); i++) {
            Thread.sleep(100);
            pushes = events.events().stream().filter(e -> e.path("target").path("repository").asString().equals("logs/events"))
                    .toList();
        }
        assertThat(pushes).singleElement().satisfies(e -> assertThat(e.path("request").path("id").asString())
                .isEqualTo("push-with-an-id"));
    }

    @Test
    void ecsLinesAreJsonWithServiceAndTheRequestIdOfEveryLineOfARequest() throws Exception {
        List<String> ids = failThreeTimes(ecs);
        List<JsonNode> lines = jsonLines(ecs);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("service").path("name").asString()).isEqualTo("portus");
            assertThat(line.path("service").path("version").asString()).isEqualTo(jarVersion());
            assertThat(line.path("ecs").path("version").asString()).isNotBlank();
        });
        List<JsonNode> throttled = withId(lines, ids.get(1), line -> line.path("http").path("request").path("id"));
        assertThat(throttled).extracting(line -> line.path("log").path("logger").asString())
                .contains("io.portus.auth.throttle.internal.DatabaseAuthThrottle", "io.portus.access");
        assertThat(throttled).filteredOn(line -> line.path("log").path("logger").asString().equals("io.portus.access"))
                .singleElement().satisfies(line -> assertThat(line.path("message").asString())
                        .matches(String.format(COMBINED, "/v2/token\\?service=x&scope=repository:a/b:pull&password=REDACTED", 429)));
        assertThat(withId(lines, ids.get(2), line -> line.path("http").path("request").path("id")))
                .as("an unusable X-Request-Id is replaced; the access line carries the new one")
                .extracting(line -> line.path("log").path("logger").asString()).contains("io.portus.access");
        assertThat(lines).filteredOn(line -> line.path("process").path("thread").path("name").asString().equals("catalog-sync"))
                .as("background work carries no request id").isNotEmpty()
                .allSatisfy(line -> assertThat(line.has("http")).isFalse());
        assertNoSecrets(ecs);
    }

    @Test
    void logstashLinesAreJsonWithTheRequestIdAndNoAccessLogByDefault() throws Exception {
        List<String> ids = failThreeTimes(logstash);
        List<JsonNode> lines = jsonLines(logstash);
        assertThat(lines).allSatisfy(line -> assertThat(line.path("@version").asString()).isEqualTo("1"));
        assertThat(withId(lines, ids.get(1), line -> line.path("http.request.id")))
                .extracting(line -> line.path("logger_name").asString())
                .containsExactly("io.portus.auth.throttle.internal.DatabaseAuthThrottle");
        assertThat(lines).noneMatch(line -> line.path("logger_name").asString().equals("io.portus.access"));
        assertNoSecrets(logstash);
    }

    @Test
    void thePlainPatternShowsTheRequestIdAndDistributionsSwitchTurnsTheAccessLogOn() throws Exception {
        List<String> ids = failThreeTimes(plain);
        List<String> lines = Files.readAllLines(plain.logFile());
        assertThat(lines).filteredOn(line -> line.contains(" [" + ids.get(1) + "] "))
                .anySatisfy(line -> assertThat(line).contains("DatabaseAuthThrottle").contains("throttled"))
                .anySatisfy(line -> assertThat(line).contains("io.portus.access")
                        .containsPattern(String.format(COMBINED, "/v2/token\\?service=x&scope=repository:a/b:pull&password=REDACTED", 429)));
        assertThat(lines).filteredOn(line -> line.contains("[   catalog-sync]")).isNotEmpty()
                .noneMatch(line -> line.matches(".*\\[(" + UUID + "|req-[a-z0-9-]+)] .*"));
        assertNoSecrets(plain);
    }

    @Test
    void theManagementPortHasRequestIdsAndTheAccessLogToo() throws Exception {
        HttpResponse<Void> health = Http.client(false).send(HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/liveness"))
                .header("X-Request-Id", "probe-" + managementPort).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("X-Request-Id")).hasValue("probe-" + managementPort);
        awaitLogged(plain, "/actuator/health/liveness");
        List<String> lines = Files.readAllLines(plain.logFile());
        assertThat(lines).filteredOn(line -> line.contains("io.portus.access") && line.contains("/actuator/health/liveness"))
                .singleElement().satisfies(line -> assertThat(line).containsPattern(String.format(COMBINED,
                        "/actuator/health/liveness", 200)));
        assertThat(lines).filteredOn(line -> line.contains("io.portus.access") && line.contains("[probe-" + managementPort + "]"))
                .hasSize(1);

        String once = "once-" + managementPort;
        Http.client(false).send(HttpRequest.newBuilder(plain.baseUri().resolve("/v2/")).header("X-Request-Id", once)
                .build(), HttpResponse.BodyHandlers.discarding());
        awaitLogged(plain, "[" + once + "]");
        assertThat(Files.readAllLines(plain.logFile())).filteredOn(line -> line.contains("io.portus.access")
                && line.contains("[" + once + "]")).as("the main server's valves are there once, not twice").hasSize(1);
    }

    /**
     * Two failed token requests, the second one throttled (with a warning logged inside it), and a third with an
     * unusable {@code X-Request-Id}; returns the ids the responses carried.
     */
    private static List<String> failThreeTimes(PortusProcess portus) throws Exception {
        List<String> ids = new ArrayList<>();
        String tag = "req-" + portus.port();
        for (String sent : new String[] {tag + "-first", tag + "-second", "not usable\t\"id\""}) {
            HttpResponse<Void> r = Http.client(false).send(HttpRequest.newBuilder(portus.baseUri().resolve(
                            "/v2/token?service=x&scope=repository:a/b:pull&password=oops-in-the-query"))
                    .header("Authorization", BAD_CREDENTIALS).header("X-Request-Id", sent).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(r.statusCode()).isIn(401, 429);
            ids.add(r.headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(ids.subList(0, 2)).containsExactly(tag + "-first", tag + "-second");
        assertThat(ids.get(2)).matches(UUID);
        HttpResponse<Void> registry = Http.client(false).send(HttpRequest.newBuilder(portus.baseUri().resolve("/v2/"))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(registry.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
        for (String path : new String[] {"/v2/a/b/manifests/latest", "/api/v1/_ping", "/users/sign_in", "/no/such/page"}) {
            HttpResponse<Void> r = Http.client(false).send(HttpRequest.newBuilder(portus.baseUri().resolve(path))
                    .header("X-Request-Id", "path-check").build(), HttpResponse.BodyHandlers.discarding());
            assertThat(r.headers().firstValue("X-Request-Id")).as(path).hasValue("path-check");
        }
        awaitLogged(portus, ids.get(1));
        return ids;
    }

    /** Log lines are written when the request ends: wait until the throttled request's lines are there. */
    private static void awaitLogged(PortusProcess portus, String id) throws IOException, InterruptedException {
        for (int i = 0; i < 100 && !Files.readString(portus.logFile()).contains(id); i++) {
            Thread.sleep(100);
        }
    }

    /** Every line of the process's output (stdout and stderr), each parsed as one JSON object. */
    private static List<JsonNode> jsonLines(PortusProcess portus) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(portus.logFile())) {
            JsonNode node;
            try {
                node = Json.parse(line);
            } catch (RuntimeException e) {
                throw new AssertionError("not a JSON line in " + portus.logFile() + ": " + line, e);
            }
            assertThat(node.isObject()).as(line).isTrue();
            lines.add(node);
        }
        assertThat(lines).hasSizeGreaterThan(10);
        return lines;
    }

    private static List<JsonNode> withId(List<JsonNode> lines, String id, java.util.function.Function<JsonNode, JsonNode> field) {
        return lines.stream().filter(line -> id.equals(field.apply(line).isString() ? field.apply(line).asString() : null)).toList();
    }

    private static void assertNoSecrets(PortusProcess portus) throws IOException {
        String log = Files.readString(portus.logFile());
        assertThat(log).doesNotContain("oops-in-the-query").doesNotContain("not-his-password")
                .doesNotContain(BAD_CREDENTIALS.substring("Basic ".length()));
    }

    private static String jarVersion() {
        try (JarFile jar = new JarFile(ItPaths.jar().toFile())) {
            String version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            assertThat(version).as("Implementation-Version of " + ItPaths.jar()).isNotBlank();
            return version;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
