package io.portus.importer.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One row of a Portus table as the JDBC driver gave it, read by column name whatever the vendor's types
 * (MariaDB's TINYINT(1) or PostgreSQL's boolean, DATETIME or timestamp). A column the schema version lacks
 * reads as null. Rails stores times in UTC without a zone: they are read as UTC.
 */
record Row(Map<String, Object> values) {

    String str(String column) {
        Object v = values.get(column);
        return v == null ? null : v.toString();
    }

    Long id(String column) {
        Object v = values.get(column);
        return v instanceof Number n ? n.longValue() : null;
    }

    long id() {
        return id("id");
    }

    Integer integer(String column) {
        Object v = values.get(column);
        return v instanceof Number n ? n.intValue() : v instanceof Boolean b ? (b ? 1 : 0) : null;
    }

    boolean bool(String column, boolean otherwise) {
        Object v = values.get(column);
        if (v instanceof Boolean b) {
            return b;
        }
        return v instanceof Number n ? n.intValue() != 0 : otherwise;
    }

    Instant time(String column) {
        Object v = values.get(column);
        return switch (v) {
            case null -> null;
            case Timestamp t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC);
            case LocalDateTime t -> t.toInstant(ZoneOffset.UTC);
            case OffsetDateTime t -> t.toInstant();
            case Instant t -> t;
            default -> null;
        };
    }

    /** {@link #time} or, when Portus left it empty, {@code otherwise}. */
    Instant time(String column, Instant otherwise) {
        Instant t = time(column);
        return t == null ? otherwise : t;
    }
}
