package io.portus.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A resource's sortable attributes and the SQL columns behind them (the whitelist: nothing else ever reaches
 * an ORDER BY). Text columns sort case-insensitively first, then by their exact text; see {@link SqlPages}.
 */
public final class SortColumns {

    record Column(String sql, boolean text) {
    }

    private final String id;
    private final Map<String, Column> columns = new LinkedHashMap<>();

    /** {@code idColumn}: the unique column ties are broken by, sortable as {@code id}. */
    public SortColumns(String idColumn) {
        this.id = idColumn;
        columns.put("id", new Column(idColumn, false));
    }

    public SortColumns text(String attribute, String column) {
        columns.put(attribute, new Column(column, true));
        return this;
    }

    public SortColumns other(String attribute, String column) {
        columns.put(attribute, new Column(column, false));
        return this;
    }

    public Set<String> attributes() {
        return java.util.Collections.unmodifiableSet(columns.keySet());
    }

    String idColumn() {
        return id;
    }

    Column column(String attribute) {
        Column c = columns.get(attribute);
        if (c == null) {
            throw new BadRequestException("sort_attr must be one of " + String.join(", ", columns.keySet()));
        }
        return c;
    }
}
