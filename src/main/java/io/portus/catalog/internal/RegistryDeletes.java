package io.portus.catalog.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import io.portus.catalog.CatalogEvents.Place;
import io.portus.common.RuleViolationException;
import io.portus.common.UnavailableException;
import io.portus.namespace.Registry;
import org.springframework.stereotype.Component;

/**
 * Deletes manifests in the registry first, then in the catalog: the built-in registry through its storage,
 * an external one with {@code DELETE /v2/<name>/manifests/<digest>} as {@code portus}. Only the given
 * repository is ever touched (Portus #1125). A manifest already gone counts as deleted; a refusal or an
 * unreachable registry changes nothing in the catalog. The built-in registry publishes its delete events as for
 * an HTTP {@code DELETE} (outgoing notifications get them); the catalog's change carries that event, so the
 * namespace's webhooks are called with it.
 */
@Component
public class RegistryDeletes {

    private final RegistryAccessFactory access;
    private final CatalogWriter writer;
    private final TagStore tags;

    RegistryDeletes(RegistryAccessFactory access, CatalogWriter writer, TagStore tags) {
        this.access = access;
        this.writer = writer;
        this.tags = tags;
    }

    /** Deletes one manifest of {@code place}'s repository and every tag of that repository pointing at it. */
    public void deleteDigest(Registry registry, Place place, String digest, CatalogWriter.Actor actor) {
        String event = deleteInRegistry(access.of(registry), place.repository(), digest, actor);
        writer.deletedDigest(registry, place.repository(), digest, actor, event);
    }

    /** Deletes every manifest the repository's tags point at, then the repository. */
    public void deleteRepository(Registry registry, Place place, CatalogWriter.Actor actor) {
        RegistryAccess registryAccess = access.of(registry);
        Set<String> digests = new LinkedHashSet<>();
        tags.ofRepository(place.repositoryId()).forEach(t -> digests.add(t.digest()));
        for (String digest : digests) {
            String event = deleteInRegistry(registryAccess, place.repository(), digest, actor);
            writer.deletedDigest(registry, place.repository(), digest, actor, event);
        }
        writer.deletedRepository(place, actor);
    }

    /** The registry's delete event (JSON) when it published one in-process, else null. */
    private static String deleteInRegistry(RegistryAccess registryAccess, String repository, String digest,
                                           CatalogWriter.Actor actor) {
        try {
            return registryAccess.deleteManifest(repository, digest, actor.name()).orElse(null);
        } catch (RegistryAccess.RegistryRefusedException e) {
            throw new RuleViolationException(e.getMessage());
        } catch (RetryableException e) {
            throw new UnavailableException("the registry cannot be reached to delete " + repository + "@" + digest
                    + ": " + e.getMessage());
        }
    }
}
