package io.portus.support;

import io.portus.Application;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Base of the tests that run on every database: a whole Portus on a random port, pointed at the
 * vendor chosen by the subclass ({@code @ContextConfiguration(initializers = OnDatabase.X.class)}).
 * The database is shared by the tests of a vendor, so tests use unique names ({@link #unique}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DatabaseTest {

    @Autowired
    protected Environment environment;

    /** A name no other test uses: {@code prefix} + random lower-case letters and digits. */
    protected static String unique(String prefix) {
        return prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36).substring(0, 8);
    }

    /** The vendor of this test's database. */
    protected TestDatabases.Vendor vendor() {
        String url = environment.getProperty("spring.datasource.url");
        return url.startsWith("jdbc:h2") ? TestDatabases.Vendor.H2
                : url.startsWith("jdbc:mariadb") ? TestDatabases.Vendor.MARIADB : TestDatabases.Vendor.POSTGRESQL;
    }

    /** A second, independent Portus on the same database (a restart, or another instance). */
    protected ConfigurableApplicationContext anotherInstance(String... extraProperties) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", environment.getProperty("spring.datasource.url"));
        props.put("spring.datasource.username", environment.getProperty("spring.datasource.username"));
        props.put("spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
        props.put("portus.data-dir", environment.getProperty("portus.data-dir"));
        props.put("portus.registry.auth", "none");
        props.put("portus.portus-password", TestDatabases.PORTUS_PASSWORD);
        props.put("server.port", "0");
        for (String p : extraProperties) {
            int eq = p.indexOf('=');
            props.put(p.substring(0, eq), p.substring(eq + 1));
        }
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).run(args);
    }
}
