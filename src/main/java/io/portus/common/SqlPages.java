package io.portus.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one page of a list in the database ({@code LIMIT}/{@code OFFSET}) with its total ({@code COUNT(*)},
 * skipped when the page itself shows the end), in the same order on H2, MariaDB and PostgreSQL: NULLs last
 * in both directions, text case-insensitively and then by code point (PostgreSQL with {@code COLLATE "C"},
 * as MariaDB's binary collation and H2 compare), ties by id in the same direction.
 */
@Component
public class SqlPages {

    private final JdbcClient jdbc;
    private final String collate;

    public SqlPages(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.collate = DbVendor.of(dataSource) == DatabaseDriver.POSTGRESQL ? " COLLATE \"C\"" : "";
    }

    /**
     * @param columns   the select list
     * @param fromWhere {@code FROM ... [WHERE ...]} with positional parameters {@code params}
     */
    public <T> Page<T> read(String columns, String fromWhere, List<?> params, SortColumns sortable, PageQuery query,
                            RowMapper<T> row) {
        List<Object> all = new ArrayList<>(params);
        String sql = "SELECT " + columns + " " + fromWhere + " ORDER BY " + orderBy(sortable, query);
        if (query.limit() != null) {
            sql += " LIMIT ? OFFSET ?";
            all.add(query.limit());
            all.add(query.offset());
        }
        List<T> items = jdbc.sql(sql).params(all).query(row).list();
        return new Page<>(items, total(query, items, () -> jdbc.sql("SELECT COUNT(*) " + fromWhere)
                .params(new ArrayList<>(params)).query(Long.class).single()));
    }

    /** {@link #read} with named parameters ({@code :name}; collections expand for {@code IN (:name)}). */
    public <T> Page<T> readNamed(String columns, String fromWhere, Map<String, ?> params, SortColumns sortable,
                                 PageQuery query, RowMapper<T> row) {
        Map<String, Object> all = new HashMap<>(params);
        String sql = "SELECT " + columns + " " + fromWhere + " ORDER BY " + orderBy(sortable, query);
        if (query.limit() != null) {
            sql += " LIMIT :pageLimit OFFSET :pageOffset";
            all.put("pageLimit", query.limit());
            all.put("pageOffset", query.offset());
        }
        List<T> items = jdbc.sql(sql).params(all).query(row).list();
        return new Page<>(items, total(query, items, () -> jdbc.sql("SELECT COUNT(*) " + fromWhere)
                .params(new HashMap<>(params)).query(Long.class).single()));
    }

    /** The total: known from the page when it is the last one, else counted. */
    private static long total(PageQuery query, List<?> items, LongSupplier count) {
        if (query.limit() == null) {
            return items.size();
        }
        if (items.size() < query.limit() && (!items.isEmpty() || query.offset() == 0)) {
            return query.offset() + items.size();
        }
        return count.getAsLong();
    }

    String orderBy(SortColumns sortable, PageQuery query) {
        SortColumns.Column c = sortable.column(query.sortAttribute());
        String dir = query.ascending() ? " ASC" : " DESC";
        String id = sortable.idColumn() + dir;
        if (c.sql().equals(sortable.idColumn())) {
            return id;
        }
        String nullsLast = "CASE WHEN " + c.sql() + " IS NULL THEN 1 ELSE 0 END, ";
        if (c.text()) {
            return nullsLast + "LOWER(" + c.sql() + ")" + collate + dir + ", " + c.sql() + collate + dir + ", " + id;
        }
        return nullsLast + c.sql() + dir + ", " + id;
    }
}
