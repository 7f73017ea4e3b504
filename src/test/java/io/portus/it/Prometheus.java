package io.portus.it;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads our jar's {@code /actuator/prometheus}: sums of series by name and label subset. */
public final class Prometheus {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s+(\\S+)");

    private final String text;

    private Prometheus(String text) {
        this.text = text;
    }

    public static Prometheus scrape(URI base) {
        try {
            HttpResponse<String> r = Http.client(false).send(HttpRequest.newBuilder(base.resolve("/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /actuator/prometheus: HTTP " + r.statusCode());
            }
            return new Prometheus(r.body());
        } catch (Exception e) {
            throw new AssertionError("cannot scrape " + base + "/actuator/prometheus: " + e, e);
        }
    }

    /** The sum of every series {@code name} whose labels include {@code labels} (0 when none). */
    public double sum(String name, Map<String, String> labels) {
        double total = 0;
        for (String line : text.lines().toList()) {
            Matcher m = SERIES.matcher(line);
            if (m.find() && m.group(1).equals(name) && hasLabels(m.group(3), labels)) {
                total += Double.parseDouble(m.group(4));
            }
        }
        return total;
    }

    public boolean has(String name) {
        return text.lines().anyMatch(l -> l.startsWith(name + "{") || l.startsWith(name + " "));
    }

    private static boolean hasLabels(String labelText, Map<String, String> wanted) {
        String s = labelText == null ? "" : labelText;
        return wanted.entrySet().stream().allMatch(e -> s.contains(e.getKey() + "=\"" + e.getValue() + "\""));
    }
}
