package io.portus.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code portus.registry.*} settings (see application.yml for the environment variables they map).
 *
 * @param auth             {@code token} (Bearer JWTs from the token service) or {@code none} (open registry)
 * @param storage          where content lives and whether it may be deleted
 * @param uploads          how long unfinished upload sessions are kept
 * @param manifestMaxBytes largest manifest accepted on PUT (bigger ones get 413)
 * @param debugAddr        {@code host:port} of the debug server ({@code /debug/health}, {@code /debug/vars}),
 *                         off when empty
 */
@ConfigurationProperties("portus.registry")
public record RegistryProperties(
        @DefaultValue("token") String auth,
        @DefaultValue Storage storage,
        @DefaultValue Uploads uploads,
        @DefaultValue("4194304") long manifestMaxBytes,
        @DefaultValue("") String debugAddr) {

    /** True for the open registry ({@code auth: none}). */
    public boolean open() {
        return "none".equalsIgnoreCase(auth);
    }

    /**
     * @param root          storage root directory (filesystem driver)
     * @param deleteEnabled whether manifests, tags and blobs may be deleted ({@code REGISTRY_STORAGE_DELETE_ENABLED})
     */
    public record Storage(String root, @DefaultValue("true") boolean deleteEnabled) {
    }

    /**
     * @param purgeAge      sessions older than this are removed
     * @param purgeInterval how often the purge runs
     */
    public record Uploads(@DefaultValue("7d") Duration purgeAge, @DefaultValue("1h") Duration purgeInterval) {
    }
}
