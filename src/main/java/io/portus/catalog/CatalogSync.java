package io.portus.catalog;

import java.util.List;

import io.portus.catalog.internal.CatalogSyncJob;
import org.springframework.stereotype.Service;

/** Runs the catalog sync of every registry now (it also runs at start-up and every {@code portus.catalog.sync.interval}). */
@Service
public class CatalogSync {

    private final CatalogSyncJob job;

    CatalogSync(CatalogSyncJob job) {
        this.job = job;
    }

    public List<SyncReport> syncAll() {
        return job.syncAll();
    }
}
