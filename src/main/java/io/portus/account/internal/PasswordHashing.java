package io.portus.account.internal;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Devise-compatible bcrypt (cost 10, {@code $2a$}), so hashes imported from a Portus database verify as
 * they are. Like ruby-bcrypt, only the first 72 bytes of a password count; longer passwords are cut at
 * the last whole character within 72 bytes, both when hashing and when checking.
 */
@Component
public class PasswordHashing {

    static final int BCRYPT_MAX_BYTES = 72;

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

    public String hash(String password) {
        return encoder.encode(usable(password));
    }

    /** False for an empty hash (users without a password, e.g. created by LDAP) or a malformed one. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null || hash.isEmpty()) {
            return false;
        }
        return encoder.matches(usable(password), hash);
    }

    static String usable(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES) {
            return password;
        }
        int bytes = 0;
        int end = 0;
        while (end < password.length()) {
            int cp = password.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > BCRYPT_MAX_BYTES) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return password.substring(0, end);
    }
}
