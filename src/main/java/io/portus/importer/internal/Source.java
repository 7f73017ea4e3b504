package io.portus.importer.internal;

import io.portus.importer.NotPortusDatabaseException;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Portus database being imported, read only: whole tables in id order, and which optional columns its
 * schema version has (2.4 added {@code users.bot} and {@code webhooks.name}).
 */
public final class Source {

    /** Tables every Portus 2.x database has; without them it is not a Portus database. */
    static final List<String> REQUIRED = List.of("users", "application_tokens", "teams", "team_users", "registries",
            "namespaces", "repositories", "tags", "stars", "comments", "activities", "webhooks", "webhook_headers",
            "webhook_deliveries");

    private static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final Set<String> columns;

    private Source(JdbcClient jdbc, Set<String> columns) {
        this.jdbc = jdbc;
        this.columns = columns;
    }

    /** Reads the catalog of {@code connection}'s database; refuses one without Portus's tables. */
    public static Source open(JdbcClient jdbc, Connection connection) throws SQLException {
        Set<String> columns = new HashSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        boolean pg = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        String catalog = pg ? null : connection.getCatalog();
        String schema = pg ? connection.getSchema() : null;
        try (ResultSet rs = meta.getColumns(catalog, schema, "%", "%")) {
            while (rs.next()) {
                columns.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT) + "."
                        + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        List<String> missing = REQUIRED.stream().filter(t -> !columns.contains(t + ".id")).toList();
        if (!missing.isEmpty()) {
            throw new NotPortusDatabaseException("this is not a Portus 2.x database: no table " + String.join(", ", missing));
        }
        return new Source(jdbc, columns);
    }

    boolean has(String table, String column) {
        return columns.contains(table + "." + column);
    }

    /** "2.4" when the columns 2.4 added are there, else "2.3 or older". */
    public String version() {
        return has("users", "bot") && has("webhooks", "name") ? "2.4" : "2.3 or older";
    }

    List<Row> rows(String table) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY id").query().listOfRows().stream().map(Row::new).toList();
    }

    /**
     * Each row of {@code table} in id order, streamed (a large Portus has many activities and webhook deliveries:
     * they are not held in memory). Nothing else may be read from the source meanwhile.
     */
    void each(String table, Consumer<Row> action) {
        ColumnMapRowMapper columns = new ColumnMapRowMapper();
        jdbc.sql("SELECT * FROM " + table + " ORDER BY id").withFetchSize(FETCH_SIZE)
                .query((RowCallbackHandler) rs -> action.accept(new Row(columns.mapRow(rs, 0))));
    }
}
