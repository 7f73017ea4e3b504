package io.portus.api;

import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ContextConfiguration;

/** {@link ScopedTokensContract} on embedded H2, MariaDB and PostgreSQL. */
class ScopedTokensTest {

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnH2 extends ScopedTokensContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.MariaDb.class)
    class OnMariaDb extends ScopedTokensContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.Postgres.class)
    class OnPostgres extends ScopedTokensContract {
    }
}
