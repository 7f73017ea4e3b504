package io.portus.catalog.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.portus.auth.RegistryTokens;

/**
 * Answers a registry's {@code WWW-Authenticate: Bearer realm=..,service=..,scope=..} challenge with a token
 * for the {@code portus} user, signed by this instance (the token the realm would give). Tokens are kept
 * per repository path for a minute.
 */
final class RemoteAuth {

    private static final Pattern PARAM = Pattern.compile("([a-zA-Z]+)=\"([^\"]*)\"");
    private static final long KEEP_NANOS = Duration.ofMinutes(1).toNanos();

    private record Kept(String token, long at) {
    }

    private final RegistryTokens tokens;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    RemoteAuth(RegistryTokens tokens) {
        this.tokens = tokens;
    }

    /** A token recently obtained for this path's repository, or null. */
    String cached(String path) {
        Kept k = kept.get(key(path));
        return k != null && System.nanoTime() - k.at() < KEEP_NANOS ? k.token() : null;
    }

    /** A token for the challenge; throws when the registry does not use Bearer tokens. */
    String answer(String challenge, String path) {
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
        kept.put(key(path), new Kept(token, System.nanoTime()));
        return token;
    }

    private static String key(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        for (String marker : new String[] {"/manifests/", "/tags/", "/blobs/"}) {
            int i = p.indexOf(marker);
            if (i >= 0) {
                return p.substring(0, i) + marker;
            }
        }
        return p;
    }
}
