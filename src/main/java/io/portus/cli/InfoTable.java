package io.portus.cli;

import tools.jackson.databind.JsonNode;

import java.util.Map;

/** {@code info}'s table format: a heading per part and {@code key  value} lines, values shown escaped. */
final class InfoTable {

    private InfoTable() {
    }

    static String of(JsonNode info) {
        StringBuilder out = new StringBuilder();
        out.append("portus ").append(Printer.cell(info.path("version"))).append(" on ")
                .append(Printer.cell(info.path("java"))).append('\n');
        for (String part : new String[] {"database", "storage", "settings"}) {
            out.append('\n').append(part).append(':').append('\n');
            int width = 0;
            for (Map.Entry<String, JsonNode> e : info.path(part).properties()) {
                width = Math.max(width, e.getKey().length());
            }
            for (Map.Entry<String, JsonNode> e : info.path(part).properties()) {
                out.append("  ").append(e.getKey()).append(" ".repeat(width - e.getKey().length() + 2))
                        .append(Printer.cell(e.getValue())).append('\n');
            }
        }
        return out.toString();
    }
}
