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
     * @param redirect      whether blob GETs are sent to the storage itself when it can serve them (S3)
     */
    public record Storage(String root, @DefaultValue("true") boolean deleteEnabled, @DefaultValue Redirect redirect) {
    }

    /**
     * @param disable true = blob bytes always stream through the registry ({@code REGISTRY_STORAGE_REDIRECT_DISABLE});
     *                false = a blob GET answers 307 to a presigned URL when the storage driver can make one
     */
    public record Redirect(@DefaultValue("false") boolean disable) {
    }

    /**
     * @param purgeAge      sessions older than this are removed
     * @param purgeInterval how often the purge runs
     */
    public record Uploads(@DefaultValue("7d") Duration purgeAge, @DefaultValue("1h") Duration purgeInterval) {
    }
}
