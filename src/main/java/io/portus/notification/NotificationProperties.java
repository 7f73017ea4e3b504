package io.portus.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code portus.notifications.endpoints[]}, distribution's {@code notifications.endpoints} (docs/compatibility.md#notifications):
 * name, url, static headers, timeout, threshold (failures before backing off), backoff, ignored media
 * types and actions, disabled. The classic {@code ENDPOINT_NAME}, {@code ENDPOINT_URL}, {@code ENDPOINT_TIMEOUT},
 * {@code ENDPOINT_THRESHOLD} and {@code ENDPOINT_BACKOFF} add one more endpoint.
 */
@ConfigurationProperties("portus.notifications")
public record NotificationProperties(@DefaultValue List<Endpoint> endpoints) {

    /** One endpoint; durations in Spring's forms ({@code 500ms}, {@code 1s}, {@code 5m}) as in distribution. */
    public record Endpoint(String name, String url, Map<String, List<String>> headers,
                           @DefaultValue("1s") Duration timeout, @DefaultValue("10") int threshold,
                           @DefaultValue("1s") Duration backoff, List<String> ignoredmediatypes, Ignore ignore,
                           @DefaultValue("false") boolean disabled) {

        public Endpoint {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
            ignoredmediatypes = ignoredmediatypes == null ? List.of() : List.copyOf(ignoredmediatypes);
            ignore = ignore == null ? new Ignore(List.of(), List.of()) : ignore;
        }

        /** Media types and actions whose events this endpoint does not get. */
        public boolean wants(String action, String mediaType) {
            if (ignore.actions().contains(action)) {
                return false;
            }
            return mediaType == null || !(ignoredmediatypes.contains(mediaType) || ignore.mediatypes().contains(mediaType));
        }
    }

    /** {@code ignore: {mediatypes: [...], actions: [...]}}. */
    public record Ignore(List<String> mediatypes, List<String> actions) {
        public Ignore {
            mediatypes = mediatypes == null ? List.of() : List.copyOf(mediatypes);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** The configured endpoints plus the classic {@code ENDPOINT_*} one, enabled ones only. */
    public List<Endpoint> active(java.util.function.UnaryOperator<String> env) {
        List<Endpoint> all = new ArrayList<>(endpoints);
        String url = env.apply("ENDPOINT_URL");
        if (url != null && !url.isBlank()) {
            String name = env.apply("ENDPOINT_NAME");
            all.add(new Endpoint(name == null || name.isBlank() ? "portus" : name.trim(), url.trim(), Map.of(),
                    duration(env, "ENDPOINT_TIMEOUT", Duration.ofMillis(500)), number(env, "ENDPOINT_THRESHOLD", 5),
                    duration(env, "ENDPOINT_BACKOFF", Duration.ofSeconds(1)), List.of(), null, false));
        }
        return all.stream().filter(e -> !e.disabled()).toList();
    }

    private static Duration duration(java.util.function.UnaryOperator<String> env, String name, Duration fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return org.springframework.boot.convert.DurationStyle.detectAndParse(v.trim());
        } catch (IllegalArgumentException e) {
            throw new io.portus.common.InvalidSettingException(name, "not a duration (e.g. 500ms, 1s, 5m): '" + v + "'");
        }
    }

    private static int number(java.util.function.UnaryOperator<String> env, String name, int fallback) {
        String v = env.apply(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new io.portus.common.InvalidSettingException(name, "not a number: '" + v + "'");
        }
    }
}
