package io.portus.account;

import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ContextConfiguration;

/** {@link PasswordResetContract} on embedded H2, MariaDB and PostgreSQL. */
class PasswordResetTest {

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnH2 extends PasswordResetContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.MariaDb.class)
    class OnMariaDb extends PasswordResetContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.Postgres.class)
    class OnPostgres extends PasswordResetContract {
    }
}
