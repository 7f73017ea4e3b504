package io.portus.common;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which of H2, MariaDB and PostgreSQL a data source is, for the few SQL expressions that differ. */
final class DbVendor {

    private DbVendor() {
    }

    static DatabaseDriver of(DataSource dataSource) {
        try {
            return DatabaseDriver.fromJdbcUrl(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot read the database's metadata: " + e.getMostSpecificCause().getMessage(), e);
        }
    }
}
