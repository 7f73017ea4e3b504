package io.portus.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what the server answered in the chosen {@link Format}: {@code json} (the body, indented; nothing else
 * on stdout), {@code yaml} ({@link Yaml}) or {@code table} (one row per object, the resource's columns, control
 * characters of values shown escaped so a name cannot drive the terminal).
 */
final class Printer {

    private final Format format;
    private final PrintStream out;

    Printer(Format format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    Format format() {
        return format;
    }

    /** Prints {@code body}; {@code columns} for the table format (empty = every plain field of the first row). */
    void print(JsonNode body, List<String> columns) {
        switch (format) {
            case json -> out.println(ApiClient.JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(body));
            case yaml -> out.print(Yaml.of(body));
            case table -> out.print(table(body, columns));
        }
        out.flush();
    }

    /** A line for people (table format only: json and yaml print nothing but the document). */
    void note(String line) {
        if (format == Format.table) {
            out.println(line);
        }
    }

    static String table(JsonNode body, List<String> columns) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return "";
        }
        List<JsonNode> rows = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(rows::add);
        } else {
            rows.add(body);
        }
        if (rows.isEmpty()) {
            return "(none)\n";
        }
        if (!rows.getFirst().isObject()) {
            StringBuilder plain = new StringBuilder();
            rows.forEach(r -> plain.append(cell(r)).append('\n'));
            return plain.toString();
        }
        List<String> cols = new ArrayList<>();
        for (String c : columns.isEmpty() ? scalarFields(rows.getFirst()) : columns) {
            if (rows.stream().anyMatch(r -> !at(r, c).isMissingNode())) {
                cols.add(c);
            }
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(cols.stream().map(c -> c.toUpperCase(Locale.ROOT).replace('.', '_')).toList());
        for (JsonNode row : rows) {
            cells.add(cols.stream().map(c -> cell(at(row, c))).toList());
        }
        return align(cells);
    }

    private static List<String> scalarFields(JsonNode row) {
        List<String> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : row.properties()) {
            if (e.getValue().isValueNode() || e.getValue().isNull()) {
                fields.add(e.getKey());
            }
        }
        return fields;
    }

    private static JsonNode at(JsonNode row, String dotted) {
        JsonNode node = row;
        for (String part : dotted.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    static String cell(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    private static String align(List<List<String>> cells) {
        int[] widths = new int[cells.getFirst().size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 3));
                }
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }
}
