package io.portus.importer;

import io.portus.common.PortusProperties;
import io.portus.importer.internal.Importer;
import io.portus.importer.internal.Source;
import io.portus.webhook.WebhookSecrets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Imports a Portus 2.x database into this project's database: the entry of the {@code import-portus} verb
 * and of the tests. The source connection is only read (and set read-only).
 */
public final class PortusImport {

    private PortusImport() {
    }

    /**
     * Imports everything from {@code source} into {@code target}, one transaction of {@code tx} per table group;
     * webhook secrets are sealed with {@code secrets}. A dry run writes nothing.
     *
     * @throws NotPortusDatabaseException when {@code source} lacks Portus's tables
     */
    public static ImportReport run(Connection source, JdbcClient target, TransactionTemplate tx, WebhookSecrets secrets,
                                   boolean dryRun) throws SQLException {
        source.setReadOnly(true);
        source.setAutoCommit(false); // PostgreSQL streams a result (fetch size) only inside a transaction
        Source portus = Source.open(JdbcClient.create(new SingleConnectionDataSource(source, true)), source);
        return Importer.run(portus, target, tx, secrets, dryRun);
    }

    /** What the import needs in its Spring context besides the database: {@code portus.*} (data dir, secret key base). */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PortusProperties.class)
    public static class Settings {
    }
}
