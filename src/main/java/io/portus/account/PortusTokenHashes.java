package io.portus.account;

import java.util.regex.Pattern;

/**
 * The one home of the rule for application tokens made by Portus 2.x and imported from its database: Portus
 * stored {@code BCrypt::Engine.hash_secret(token, salt)} (a {@code $2a$} bcrypt hash whose first 29 characters
 * are the salt, kept again in {@code token_salt}) of a {@code Devise.friendly_token} (20 URL-safe base64
 * characters). Such a hash is checked with bcrypt and replaced by this project's SHA-256 form on its first
 * successful use ({@code account.internal.PortusTokens}); tokens made here are never stored this way.
 */
public final class PortusTokenHashes {

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
    private static final Pattern FRIENDLY_TOKEN = Pattern.compile("[A-Za-z0-9_-]{20}");

    private PortusTokenHashes() {
    }

    /** A stored {@code token_hash} in Portus's form (a bcrypt hash), as opposed to our 64 hex digits. */
    public static boolean isPortusHash(String tokenHash) {
        return tokenHash != null && BCRYPT.matcher(tokenHash).matches();
    }

    /** Portus's row is consistent: a bcrypt hash made with its own {@code token_salt}. */
    public static boolean importable(String tokenHash, String tokenSalt) {
        return isPortusHash(tokenHash) && tokenSalt != null && tokenSalt.length() == 29
                && tokenHash.startsWith(tokenSalt);
    }

    /**
     * Whether {@code secret} can be a token Portus made (its shape): only then are a user's imported hashes
     * checked with bcrypt, so ordinary password logins do not pay for it.
     */
    public static boolean mayBePortusToken(String secret) {
        return secret != null && FRIENDLY_TOKEN.matcher(secret).matches();
    }
}
