package io.portus.ldap;

import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Nested;
import org.springframework.test.context.ContextConfiguration;

/** {@link LdapContract} on embedded H2, MariaDB and PostgreSQL. */
class LdapTest {

    @Nested
    @ContextConfiguration(initializers = OnDatabase.H2.class)
    class OnH2 extends LdapContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.MariaDb.class)
    class OnMariaDb extends LdapContract {
    }

    @Nested
    @ContextConfiguration(initializers = OnDatabase.Postgres.class)
    class OnPostgres extends LdapContract {
    }
}
