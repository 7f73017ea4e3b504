package io.portus.importer;

import io.portus.support.OnDatabase;
import io.portus.support.TestDatabases.Vendor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/** A Portus 2.4 PostgreSQL database imported into MariaDB (types and SQL of another target). */
@ContextConfiguration(initializers = OnDatabase.MariaDb.class)
class ImportPortusMariaDbTest extends ImportPortusContract {

    @Test
    void importsAPortusDatabase() throws Exception {
        importsAndUsersKeepWorking(Vendor.POSTGRESQL, "2.4");
    }
}
