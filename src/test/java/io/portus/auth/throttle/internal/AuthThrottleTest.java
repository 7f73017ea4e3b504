package io.portus.auth.throttle.internal;

import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ContextConfiguration;

/** {@link AuthThrottleContract} on embedded H2, MariaDB and PostgreSQL. */
class AuthThrottleTest {

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnH2 extends AuthThrottleContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.MariaDb.class)
    class OnMariaDb extends AuthThrottleContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.Postgres.class)
    class OnPostgres extends AuthThrottleContract {
    }
}
