package io.portus.namespace.internal;

import io.portus.common.DbTime;
import io.portus.namespace.Registry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code registries} table. */
@Repository
public class RegistryStore {

    private static final String COLUMNS = "id, name, hostname, use_ssl, external_hostname, builtin, created_at, updated_at";
    private static final RowMapper<Registry> ROW = (rs, n) -> new Registry(rs.getLong("id"), rs.getString("name"),
            rs.getString("hostname"), rs.getBoolean("use_ssl"), rs.getString("external_hostname"),
            rs.getBoolean("builtin"), DbTime.read(rs, "created_at"), DbTime.read(rs, "updated_at"));

    private final JdbcClient jdbc;

    public RegistryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String name, String hostname, boolean useSsl, String externalHostname, boolean builtin) {
        Instant now = DbTime.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO registries (name, hostname, use_ssl, external_hostname, builtin, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(name, hostname, useSsl, externalHostname, builtin, DbTime.toDb(now), DbTime.toDb(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, String hostname, boolean useSsl, String externalHostname) {
        jdbc.sql("UPDATE registries SET name = ?, hostname = ?, use_ssl = ?, external_hostname = ?, updated_at = ? "
                        + "WHERE id = ?")
                .params(name, hostname, useSsl, externalHostname, DbTime.toDb(DbTime.now()), id).update();
    }

    public List<Registry> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registries ORDER BY id").query(ROW).list();
    }

    public Optional<Registry> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registries WHERE id = ?").param(id).query(ROW).optional();
    }

    public Optional<Registry> builtin() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM registries WHERE builtin = TRUE ORDER BY id").query(ROW)
                .list().stream().findFirst();
    }

    /** By hostname first, then by external hostname (Portus 2.3+'s {@code by_hostname_or_external}). */
    public Optional<Registry> byHostnameOrExternal(String host) {
        Optional<Registry> byHost = jdbc.sql("SELECT " + COLUMNS + " FROM registries WHERE hostname = ?")
                .param(host).query(ROW).optional();
        if (byHost.isPresent()) {
            return byHost;
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM registries WHERE external_hostname = ? ORDER BY id")
                .param(host).query(ROW).list().stream().findFirst();
    }

    public boolean nameTaken(String name, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM registries WHERE name = ? AND id <> ?").params(name, exceptId)
                .query(Long.class).single() > 0;
    }

    public boolean hostnameTaken(String hostname, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM registries WHERE hostname = ? AND id <> ?").params(hostname, exceptId)
                .query(Long.class).single() > 0;
    }
}
