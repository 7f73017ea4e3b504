package io.portus.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at the shared test database of one vendor. Use the nested classes with
 * {@code @ContextConfiguration(initializers = ...)}; contexts with the same vendor are cached and shared.
 */
public abstract class OnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final TestDatabases.Vendor vendor;

    OnDatabase(TestDatabases.Vendor vendor) {
        this.vendor = vendor;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(TestDatabases.shared(vendor).properties()).applyTo(context);
    }

    /**
     * A fresh embedded H2 database of this context alone: for tests whose background jobs must not be run by
     * another cached context (the job leases of contexts sharing a database go to whichever came first, e.g.
     * the mail outbox, which would then be sent with that context's SMTP settings).
     */
    public static class OwnH2 implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(TestDatabases.fresh(TestDatabases.Vendor.H2).properties()).applyTo(context);
        }
    }

    /** Embedded H2. */
    public static class H2 extends OnDatabase {
        public H2() {
            super(TestDatabases.Vendor.H2);
        }
    }

    /** MariaDB on 127.0.0.1:3306. */
    public static class MariaDb extends OnDatabase {
        public MariaDb() {
            super(TestDatabases.Vendor.MARIADB);
        }
    }

    /** PostgreSQL on 127.0.0.1:5432. */
    public static class Postgres extends OnDatabase {
        public Postgres() {
            super(TestDatabases.Vendor.POSTGRESQL);
        }
    }
}
