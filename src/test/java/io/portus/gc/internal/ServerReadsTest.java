package io.portus.gc.internal;

import io.portus.catalog.internal.CatalogSyncJob;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.rules.internal.UsageRecount;
import io.portus.storage.BlobStore;
import io.portus.storage.Digest;
import io.portus.support.DatabaseTest;
import io.portus.support.OnDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own reads of the whole registry (the catalog sync, the quota recount) do not mark what they read
 * as in use: through the collector's guard they would keep every digest from the next collection for a grace
 * period, and write a row per digest. Content is written straight into storage, as by a registry that ran before.
 * Same context as {@code PushWhileCollectingTest}.
 */
@ContextConfiguration(initializers = OnDatabase.OwnH2.class)
@TestPropertySource(properties = "portus.gc.grace-period=2s")
class ServerReadsTest extends DatabaseTest {

    @Autowired
    BlobStore store;
    @Autowired
    CatalogSyncJob sync;
    @Autowired
    UsageRecount recount;
    @Autowired
    NamespaceService namespaces;
    @Autowired
    RegistryService registries;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theCatalogSyncAndTheQuotaRecountTouchNothing() throws Exception {
        GcFixture fixture = new GcFixture(store);
        String ns = unique("reads");
        var repo = GcFixture.repo(ns + "/app");
        Digest config = fixture.blob(repo);
        Digest layer = fixture.blob(repo);
        Digest manifest = fixture.image(repo, "v1", config, layer);

        sync.syncAll();
        long registryId = registries.builtin().orElseThrow().id();
        var namespace = namespaces.find(registryId, ns).orElseThrow();
        assertThat(recount.recount(namespace)).isPositive();

        List<String> digests = List.of(config.toString(), layer.toString(), manifest.toString());
        long touched = jdbc.sql("SELECT COUNT(*) FROM blob_touches WHERE digest IN (:d)").param("d", digests)
                .query(Long.class).single();
        assertThat(touched).isZero();
    }
}
