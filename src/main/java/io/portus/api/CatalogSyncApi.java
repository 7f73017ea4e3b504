package io.portus.api;

import java.util.List;

import io.portus.account.User;
import io.portus.catalog.CatalogSync;
import io.portus.catalog.SyncReport;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/catalog/sync} (admins): reconcile the catalog with every registry now; one report per registry. */
@RestController
class CatalogSyncApi {

    private final CatalogSync sync;

    CatalogSyncApi(CatalogSync sync) {
        this.sync = sync;
    }

    @PostMapping("/api/v1/catalog/sync")
    List<SyncReport> sync(@ApiActor(admin = true) User actor) {
        return sync.syncAll();
    }
}
