package io.portus.account;

import io.portus.support.DatabaseTest;
import io.portus.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts of LDAP/OIDC people: found by (provider, uid), created without a password, and of several first
 * sign-ins at the same moment on a fresh installation only one becomes the admin.
 */
abstract class ExternalAccountsContract extends DatabaseTest {

    @Autowired ExternalAccounts accounts;
    @Autowired Logins logins;

    @Test
    void anExternalAccountIsFoundByItsIdentityAndHasNoPassword() {
        String name = unique("ext");
        ExternalIdentity identity = new ExternalIdentity("openid_connect", "sub-" + name);
        User created = accounts.create(identity, name, name + "@example.com", null, false);

        assertThat(accounts.find(identity)).contains(created);
        assertThat(accounts.providerOf(created.id())).contains("openid_connect");
        assertThat(accounts.local(created.id())).isFalse();
        assertThat(created.namespaceId()).as("personal namespace").isNotNull();
        LoginCandidate candidate = logins.candidate(name, "").orElseThrow();
        assertThat(candidate.hasPassword()).isFalse();
        assertThatThrownBy(() -> accounts.create(new ExternalIdentity("openid_connect", "other-" + name), name,
                "x" + name + "@example.com", null, false)).hasMessageContaining("taken");
    }

    @Test
    void ofFirstSignInsAtOnceOnlyOneBecomesAdmin() throws Exception {
        TestDatabases.Db empty = TestDatabases.fresh(vendor());
        try (ConfigurableApplicationContext fresh = anotherInstance("spring.datasource.url=" + empty.url(),
                "spring.datasource.username=" + empty.username(), "portus.data-dir=" + empty.dataDir())) {
            ExternalAccounts external = fresh.getBean(ExternalAccounts.class);
            int n = 4;
            CountDownLatch go = new CountDownLatch(1);
            List<Future<User>> created = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
                for (int i = 0; i < n; i++) {
                    String name = "first" + i;
                    created.add(pool.submit(() -> {
                        go.await();
                        return external.create(new ExternalIdentity("ldap", "uid=" + name + ",dc=example"), name,
                                name + "@example.com", null, false);
                    }));
                }
                go.countDown();
                long admins = 0;
                for (Future<User> f : created) {
                    admins += f.get().admin() ? 1 : 0;
                }
                assertThat(admins).isEqualTo(1);
            }
        }
    }
}
