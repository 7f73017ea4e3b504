package io.portus.registry;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import io.portus.registry.event.RegistryEvent;
import io.portus.storage.Digest;
import io.portus.storage.RepositoryName;

/**
 * Deletes in the built-in registry for callers that are not HTTP clients of {@code /v2/} (the catalog's deletes
 * through the REST API and the UI): the same storage changes and the same events as {@code DELETE
 * /v2/<name>/manifests/<reference>}, so event listeners (outgoing notifications, the catalog) see them too.
 * The caller says on whose behalf; the registry does not know users.
 */
public interface ManifestDeletes {

    /**
     * Who asked, as the events tell it.
     *
     * @param actor the name the events carry as {@code actor.name} ("" for nobody)
     * @param host  the registry's host name (and port) the events carry as {@code request.host}, as an HTTP
     *              client's {@code Host} header would
     */
    record Origin(String actor, String host) {
    }

    /** Whether this registry deletes at all ({@code REGISTRY_STORAGE_DELETE_ENABLED}). */
    boolean enabled();

    /**
     * Deletes a manifest and every tag of the repository pointing at it.
     *
     * @return the events published (the manifest's, then one per removed tag); empty when the repository has
     *         no such manifest
     * @throws IllegalStateException when deletes are disabled
     */
    Optional<List<RegistryEvent>> deleteManifest(RepositoryName repository, Digest digest, Origin origin)
            throws IOException;

    /**
     * Deletes one tag (the manifest stays).
     *
     * @return the event published; empty when there was no such tag
     * @throws IllegalStateException when deletes are disabled
     */
    Optional<RegistryEvent> deleteTag(RepositoryName repository, String tag, Origin origin) throws IOException;
}
