package io.portus.importer;

import io.portus.support.OnDatabase;
import io.portus.support.TestDatabases.Vendor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.ContextConfiguration;

/** Portus 2.3 and 2.4 on MariaDB and on PostgreSQL, imported into H2 (the default database). */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
class ImportPortusH2Test extends ImportPortusContract {

    @ParameterizedTest
    @CsvSource({"MARIADB, 2.4", "POSTGRESQL, 2.4", "MARIADB, 2.3", "POSTGRESQL, 2.3"})
    void importsAPortusDatabase(Vendor vendor, String version) throws Exception {
        importsAndUsersKeepWorking(vendor, version);
    }

    @Test
    void aFailedGroupIsRolledBack() throws Exception {
        aFailedGroupLeavesNothingHalfDone();
    }
}
