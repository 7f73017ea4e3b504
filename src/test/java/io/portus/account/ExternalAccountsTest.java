package io.portus.account;

import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ContextConfiguration;

/** {@link ExternalAccountsContract} on embedded H2, MariaDB and PostgreSQL. */
class ExternalAccountsTest {

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnH2 extends ExternalAccountsContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.MariaDb.class)
    class OnMariaDb extends ExternalAccountsContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.Postgres.class)
    class OnPostgres extends ExternalAccountsContract {
    }
}
