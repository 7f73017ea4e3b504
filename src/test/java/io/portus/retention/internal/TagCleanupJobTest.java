package io.portus.retention.internal;

import io.portus.support.TestDatabases;
import io.portus.support.TestDatabases.Vendor;
import org.junit.jupiter.api.Nested;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link TagCleanupJobContract} on a database of its own per vendor: with the expiry on and the clock moved
 * forward, a shared database would lose every other test's tags.
 */
class TagCleanupJobTest {

    abstract static class Own implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private final Vendor vendor;

        Own(Vendor vendor) {
            this.vendor = vendor;
        }

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(TestDatabases.fresh(vendor).properties()).applyTo(context);
        }
    }

    static class OwnH2 extends Own {
        OwnH2() {
            super(Vendor.H2);
        }
    }

    static class OwnMariaDb extends Own {
        OwnMariaDb() {
            super(Vendor.MARIADB);
        }
    }

    static class OwnPostgres extends Own {
        OwnPostgres() {
            super(Vendor.POSTGRESQL);
        }
    }

    @Nested
    @ContextConfiguration(initializers = OwnH2.class)
    class OnH2 extends TagCleanupJobContract {
    }

    @Nested
    @ContextConfiguration(initializers = OwnMariaDb.class)
    class OnMariaDb extends TagCleanupJobContract {
    }

    @Nested
    @ContextConfiguration(initializers = OwnPostgres.class)
    class OnPostgres extends TagCleanupJobContract {
    }
}
