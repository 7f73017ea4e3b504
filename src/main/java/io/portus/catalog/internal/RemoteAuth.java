package io.portus.catalog.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portus.auth.RegistryTokens;

/**
 * Answers a registry's {@code WWW-Authenticate: Bearer realm=..,service=..,scope=..} challenge with a token
 * for the {@code portus} user, signed by this instance (the token the realm would give). Tokens are kept
 * per registry and repository path for a minute, at most {@value #MAX_KEPT} of them (Caffeine).
 */
final class RemoteAuth {

    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=\"([^\"]*)\"");
    static final int MAX_KEPT = 10_000;

    private final RegistryTokens tokens;
    private final Cache<String, String> kept;

    RemoteAuth(RegistryTokens tokens) {
        this(tokens, Duration.ofMinutes(1), MAX_KEPT);
    }

    RemoteAuth(RegistryTokens tokens, Duration keep, int maxKept) {
        this.tokens = tokens;
        this.kept = Caffeine.newBuilder().maximumSize(maxKept).expireAfterWrite(keep).executor(Runnable::run).build();
    }

    /** A token recently obtained for this path's repository at the registry at {@code base}, or null. */
    String cached(String base, String path) {
        return kept.getIfPresent(key(base, path));
    }

    long size() {
        kept.cleanUp();
        return kept.estimatedSize();
    }

    /** A token for the challenge; throws when the registry does not use Bearer tokens. */
    String answer(String challenge, String base, String path) {
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RetryableException("the registry asks for '" + challenge.split(" ")[0]
                    + "' authentication; Portus can only answer Bearer token challenges");
        }
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(), m.group(2));
        }
        String scope = params.getOrDefault("scope", "");
        String token = tokens.forPortus(params.getOrDefault("service", ""), scope);
        kept.put(key(base, path), token);
        return token;
    }

    private static String key(String base, String path) {
        return base + " " + repositoryOf(path);
    }

    private static String repositoryOf(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        for (String marker : new String[] {"/manifests/", "/tags/", "/blobs/", "/referrers/"}) {
            int i = p.indexOf(marker);
            if (i >= 0) {
                return p.substring(0, i) + marker;
            }
        }
        return p;
    }
}
