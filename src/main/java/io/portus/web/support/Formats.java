package io.portus.web.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and sizes read on the pages. */
public final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** "just now", "5 minutes ago", "3 days ago", or the date for older times. */
    public static String ago(Instant instant) {
        if (instant == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(instant, Instant.now()).getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return plural(s / 60, "minute") + " ago";
        }
        if (s < 86_400) {
            return plural(s / 3600, "hour") + " ago";
        }
        if (s < 30 * 86_400L) {
            return plural(s / 86_400, "day") + " ago";
        }
        return DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(instant);
    }

    /** Bytes as people read them: 512 B, 2.1 MB (decimal units, as docker shows them). */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
