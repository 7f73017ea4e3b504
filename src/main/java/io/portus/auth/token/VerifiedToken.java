package io.portus.auth.token;

import java.util.Set;

/**
 * What a verified token grants.
 *
 * @param subject the user ("" when anonymous)
 * @param grants  {@code type:name:action} strings ({@code *} as action grants everything on that resource)
 */
record VerifiedToken(String subject, long expiresAt, long notBefore, Set<String> grants) {

    boolean allows(String type, String name, String action) {
        String resource = type + ":" + name + ":";
        return grants.contains(resource + action) || grants.contains(resource + "*");
    }
}
