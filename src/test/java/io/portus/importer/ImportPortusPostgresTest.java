package io.portus.importer;

import io.portus.support.OnDatabase;
import io.portus.support.TestDatabases.Vendor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/** A Portus 2.4 MariaDB database imported into PostgreSQL. */
@ContextConfiguration(initializers = OnDatabase.Postgres.class)
class ImportPortusPostgresTest extends ImportPortusContract {

    @Test
    void importsAPortusDatabase() throws Exception {
        importsAndUsersKeepWorking(Vendor.MARIADB, "2.4");
    }
}
