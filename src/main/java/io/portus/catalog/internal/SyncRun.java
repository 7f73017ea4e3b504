package io.portus.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.portus.catalog.CatalogEvents.Place;
import io.portus.catalog.RepositoryView;
import io.portus.catalog.SyncReport;
import io.portus.common.DbTime;
import io.portus.namespace.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconciliation of the catalog with one registry ({@code /v2/_catalog} and each repository's tag
 * list). Adds and updates freely; removes a tag only when the registry answers 404 for it and a repository
 * only when its tag listing answers 404. A failed catalog listing removes nothing; a failed tag listing
 * leaves that repository's rows as they are.
 */
final class SyncRun {

    private static final Logger log = LoggerFactory.getLogger(SyncRun.class);

    private final Registry registry;
    private final RegistryAccess access;
    private final ContentReader reader;
    private final CatalogWriter writer;
    private final RepositoryStore repositories;
    private final TagStore tags;
    private final Runnable heartbeat;
    private final CatalogWriter.Actor portus;
    private int written;
    private int removed;
    private int reposRemoved;
    private final List<String> failed = new ArrayList<>();

    SyncRun(Registry registry, RegistryAccess access, ContentReader reader, CatalogWriter writer,
            RepositoryStore repositories, TagStore tags, Runnable heartbeat) {
        this.registry = registry;
        this.access = access;
        this.reader = reader;
        this.writer = writer;
        this.repositories = repositories;
        this.tags = tags;
        this.heartbeat = heartbeat;
        this.portus = writer.actor("portus");
    }

    SyncReport run() {
        List<String> names;
        try {
            names = access.repositories();
        } catch (RetryableException e) {
            log.warn("sync of registry {}: the catalog cannot be listed ({}); nothing changed", registry.name(), e.getMessage());
            return new SyncReport(registry.name(), -1, 0, 0, 0, List.of());
        }
        log.info("sync of registry {}: {} repositories listed", registry.name(), names.size());
        int done = 0;
        for (String name : names) {
            if (io.portus.storage.RepositoryName.isValid(name)) {
                repository(name);
            }
            if (++done % 100 == 0) {
                log.info("sync of registry {}: {}/{} repositories", registry.name(), done, names.size());
                heartbeat.run();
            }
        }
        Set<String> listed = new HashSet<>(names);
        for (RepositoryView repo : repositories.ofRegistry(registry.id())) {
            if (!listed.contains(repo.fullName())) {
                goneRepository(repo);
            }
        }
        SyncReport report = new SyncReport(registry.name(), names.size(), written, removed, reposRemoved, List.copyOf(failed));
        log.info("sync of registry {} done: {} tags written, {} tags and {} repositories removed, {} repositories "
                + "could not be listed {}", registry.name(), written, removed, reposRemoved, failed.size(), failed);
        return report;
    }

    private void repository(String name) {
        try {
            Optional<List<String>> listing = access.tags(name);
            List<String> current = listing.orElse(List.of());
            for (String tag : current) {
                Optional<String> digest = access.resolveTag(name, tag);
                if (digest.isEmpty()) {
                    continue;
                }
                Optional<RepositoryView> repo = repositoryOf(name);
                Optional<TagStore.TagRow> row = repo.flatMap(r -> tags.find(r.id(), tag));
                if (row.isPresent() && row.get().digest().equals(digest.get())) {
                    continue;
                }
                Optional<TagStore.Content> content = reader.read(access, name, digest.get());
                if (content.isPresent() && writer.pushed(registry, name, tag, content.get(), portus, DbTime.now(), null)) {
                    written++;
                }
            }
            Optional<RepositoryView> repo = repositoryOf(name);
            if (repo.isPresent()) {
                for (TagStore.TagRow row : tags.ofRepository(repo.get().id())) {
                    if (!current.contains(row.name()) && access.resolveTag(name, row.name()).isEmpty()
                            && writer.deletedTag(registry, name, row.name(), portus, null)) {
                        removed++;
                    }
                }
            }
        } catch (RetryableException e) {
            failed.add(name);
            log.warn("sync of registry {}: repository {} left as it is: {}", registry.name(), name, e.getMessage());
        }
    }

    private void goneRepository(RepositoryView repo) {
        try {
            if (access.tags(repo.fullName()).isEmpty()) {
                writer.deletedRepository(new Place(registry.id(), repo.namespaceId(),
                        repo.globalNamespace() ? "" : repo.namespace(), repo.id(), repo.fullName()), portus);
                reposRemoved++;
            }
        } catch (RetryableException e) {
            failed.add(repo.fullName());
            log.warn("sync of registry {}: repository {} left as it is: {}", registry.name(), repo.fullName(), e.getMessage());
        }
    }

    private Optional<RepositoryView> repositoryOf(String fullName) {
        return writer.placeOf(registry, fullName).flatMap(p -> repositories.view(p.repositoryId()));
    }
}
