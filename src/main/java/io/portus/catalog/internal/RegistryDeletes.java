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
 * unreachable registry changes nothing in the catalog.
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
        deleteInRegistry(access.of(registry), place.repository(), digest);
        writer.deletedDigest(registry, place.repository(), digest, actor, null);
    }

    /** Deletes every manifest the repository's tags point at, then the repository. */
    public void deleteRepository(Registry registry, Place place, CatalogWriter.Actor actor) {
        RegistryAccess registryAccess = access.of(registry);
        Set<String> digests = new LinkedHashSet<>();
        tags.ofRepository(place.repositoryId()).forEach(t -> digests.add(t.digest()));
        for (String digest : digests) {
            deleteInRegistry(registryAccess, place.repository(), digest);
            writer.deletedDigest(registry, place.repository(), digest, actor, null);
        }
        writer.deletedRepository(place, actor);
    }

    private static void deleteInRegistry(RegistryAccess registryAccess, String repository, String digest) {
        try {
            registryAccess.deleteManifest(repository, digest);
        } catch (RegistryAccess.RegistryRefusedException e) {
            throw new RuleViolationException(e.getMessage());
        } catch (RetryableException e) {
            throw new UnavailableException("the registry cannot be reached to delete " + repository + "@" + digest
                    + ": " + e.getMessage());
        }
    }
}
