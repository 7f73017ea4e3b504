package io.portus.registry;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * Sends fuzz requests over raw sockets and checks each answer against its class's expectation: the exact
 * status, the {@code Docker-Distribution-API-Version} header, a JSON content type and, for everything but
 * HEAD, the error envelope {@code {"errors":[{"code","message",...}]}} with the expected code. Never a 5xx,
 * never a body that is not the envelope. Keeps one summary line per class and every mismatch.
 */
final class FuzzHarness {

    /** One request: request line parts, extra header lines, body, and whether to half-close after the body. */
    record Req(String method, String target, String protocol, List<String> headers, byte[] body, boolean halfClose) {

        static Req of(String method, String target, String... headers) {
            boolean bodyless = "GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method)
                    || List.of(headers).stream().anyMatch(h -> h.regionMatches(true, 0, "Content-Length", 0, 14)
                    || h.regionMatches(true, 0, "Transfer-Encoding", 0, 17));
            List<String> all = new ArrayList<>(List.of(headers));
            if (!bodyless) {
                all.add("Content-Length: 0");
            }
            return new Req(method, target, "HTTP/1.1", all, new byte[0], false);
        }

        Req withProtocol(String newProtocol) {
            return new Req(method, target, newProtocol, headers, body, halfClose);
        }

        /** The same request with a body, its Content-Length header given by the caller. */
        Req withBody(byte[] newBody, boolean close, String... newHeaders) {
            return new Req(method, target, protocol, List.of(newHeaders), newBody, close);
        }

        String head() {
            StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(' ').append(protocol);
            headers.forEach(h -> sb.append("\r\n").append(h));
            return sb.toString();
        }
    }

    /** What every request of a class must get. */
    record Expect(int status, String code, Function<Response, String> extra) {

        static Expect of(int status, String code) {
            return new Expect(status, code, r -> null);
        }

        /** Also requires a header to be present (and, when {@code value} is not null, equal to it). */
        Expect withHeader(String name, String value) {
            Function<Response, String> previous = extra;
            return new Expect(status, code, r -> {
                String first = previous.apply(r);
                if (first != null) {
                    return first;
                }
                String actual = r.header(name);
                return actual == null || value != null && !value.equals(actual)
                        ? "header " + name + " is " + actual + ", expected " + (value == null ? "present" : value) : null;
            });
        }
    }

    private final int port;
    private final List<String> summary = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int total;

    FuzzHarness(int port) {
        this.port = port;
    }

    /** Sends every request of a class and checks it; returns the responses in order (null after an I/O error). */
    List<Response> run(String className, Expect expect, List<Req> requests) {
        List<Response> responses = new ArrayList<>(requests.size());
        for (Req req : requests) {
            Response r;
            try {
                r = RawHttp.send(port, req.head(), req.body(), req.halfClose());
            } catch (UncheckedIOException e) {
                failures.add(className + ": " + printable(req.head()) + " -> I/O error " + e.getCause());
                responses.add(null);
                continue;
            }
            responses.add(r);
            String problem = check(req, r, expect);
            if (problem != null) {
                failures.add(className + ": " + printable(req.head()) + " -> " + problem);
            }
        }
        total += requests.size();
        String line = String.format(Locale.ROOT, "fuzz class %-34s %5d requests, expected %d %s", className,
                requests.size(), expect.status(), expect.code() == null ? "(no error)" : expect.code());
        summary.add(line);
        System.out.println(line);
        return responses;
    }

    /** Records a mismatch found by a check of the caller's own. */
    void fail(String className, String problem) {
        failures.add(className + ": " + problem);
    }

    List<String> failures() {
        return failures;
    }

    List<String> summary() {
        return summary;
    }

    int total() {
        return total;
    }

    private static String check(Req req, Response r, Expect expect) {
        if (r.status() >= 500 && expect.status() < 500 || r.status() != expect.status()) {
            return "status " + r.status() + " " + describe(r);
        }
        if (!"registry/2.0".equals(r.header("Docker-Distribution-API-Version"))) {
            return "no Docker-Distribution-API-Version " + describe(r);
        }
        String type = r.header("Content-Type");
        boolean error = expect.code() != null;
        if (error && (type == null || !type.startsWith("application/json"))) {
            return "content type " + type + " " + describe(r);
        }
        if ("HEAD".equals(req.method())) {
            if (r.body().length != 0) {
                return "HEAD with a body " + describe(r);
            }
        } else if (error) {
            JsonNode json;
            try {
                json = r.json();
            } catch (RuntimeException e) {
                return "body is no JSON " + describe(r);
            }
            JsonNode first = json.path("errors").path(0);
            if (json.size() != 1 || !json.path("errors").isArray() || !first.path("message").isString()) {
                return "not the error envelope " + describe(r);
            }
            if (!expect.code().equals(first.path("code").asString())) {
                return "code " + first.path("code").asString() + " " + describe(r);
            }
        }
        return expect.extra().apply(r);
    }

    private static String describe(Response r) {
        String text = r.text();
        return "[" + r.status() + " " + r.header("Content-Type") + "] " + (text.length() > 200 ? text.substring(0, 200) : text);
    }

    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c < 0x20 || c > 0x7e ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.valueOf(c));
        }
        String out = sb.toString();
        return out.length() > 300 ? out.substring(0, 300) + "..." : out;
    }
}
