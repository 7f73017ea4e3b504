package io.portus.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import io.portus.common.JobLeases;
import io.portus.common.LeasedLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The periodic group sync ({@link LdapGroupSync#syncAll}) every {@code portus.ldap.group-sync.interval}, on the
 * instance holding the {@code ldap-group-sync} lease; not started when LDAP or the group sync is off or the
 * interval is 0 (then only sign-ins sync). A directory that cannot be reached is a WARN line and a try at the
 * next interval.
 */
@Component
class LdapGroupSyncJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LdapGroupSyncJob.class);
    static final String LEASE = "ldap-group-sync";

    private final LdapGroupSync sync;
    private final LdapDirectory directory;
    private final Duration interval;
    private final LeasedLoop loop;
    private volatile boolean started;

    LdapGroupSyncJob(LdapGroupSync sync, LdapDirectory directory, JobLeases leases, LdapProperties properties) {
        this.sync = sync;
        this.directory = directory;
        this.interval = properties.groupSync().interval();
        Duration idle = interval.isPositive() ? interval : Duration.ofMinutes(30);
        this.loop = new LeasedLoop(new LeasedLoop.Settings("ldap-group-sync", LEASE, idle.plusMinutes(5), idle,
                Duration.ofSeconds(10)), leases, this::round,
                e -> log.warn("LDAP group sync failed: {}", e.getMessage()));
    }

    /** One sync of every team now; the number of teams whose group was found. */
    int runOnce() throws LDAPException {
        try (LDAPConnection connection = directory.searchConnection()) {
            return sync.syncAll(connection, directory);
        }
    }

    private Duration round() {
        try {
            int teams = runOnce();
            log.info("LDAP group sync: {} team(s) with an LDAP group synced", teams);
        } catch (LDAPException e) {
            log.warn("LDAP group sync skipped: the directory at {} could not be asked ({})", directory.address(),
                    e.getResultCode());
        }
        return interval;
    }

    @Override
    public void start() {
        if (sync.active() && interval.isPositive()) {
            started = true;
            loop.start();
        }
    }

    @Override
    public void stop() {
        if (started) {
            started = false;
            loop.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return started && loop.isRunning();
    }
}
