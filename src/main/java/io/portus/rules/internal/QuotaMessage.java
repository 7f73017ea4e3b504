package io.portus.rules.internal;

import java.util.Locale;

import io.portus.rules.NamespaceRules;

/** The messages clients see when a rule refuses them. */
final class QuotaMessage {

    private QuotaMessage() {
    }

    static String exceeded(String namespace, NamespaceRules rules, long more) {
        return "quota of namespace " + namespace + " exceeded: " + size(rules.usedBytes()) + " used + " + size(more)
                + " new > " + size(rules.quotaBytes()) + " quota (" + rules.usedBytes() + " + " + more + " > "
                + rules.quotaBytes() + " bytes)";
    }

    static String immutable(String tag, String namespace, String rule, String action) {
        return "tag " + tag + " is immutable in namespace " + namespace + " (" + rule + "): " + action;
    }

    /** Decimal units, as docker shows sizes. */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double v = bytes;
        int i = -1;
        while (v >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[i]);
    }
}
