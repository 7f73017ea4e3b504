package io.portus.registry.internal;

import java.util.Map;

import io.portus.storage.RepositoryName;

/**
 * What a request's method and path alone decide, before access control and before any storage is read:
 * no endpoint (404 UNSUPPORTED), a method the endpoint lacks (405 UNSUPPORTED with {@code Allow}), a name
 * outside the grammar or over 255 characters (400 NAME_INVALID), and a reference or digest outside its
 * grammar (400 TAG_INVALID / DIGEST_INVALID), as the OCI distribution spec defines them
 * (https://github.com/opencontainers/distribution-spec/blob/main/spec.md). Syntax reveals nothing about a
 * repository, so it is answered to anyone.
 */
final class RouteSyntax {

    private RouteSyntax() {
    }

    /** Throws the protocol error the path and method deserve, or returns when they are well-formed. */
    static void check(Route route, String method) {
        if (route.kind() == Route.Kind.NO_ROUTE) {
            throw new RegistryException(ErrorCode.UNSUPPORTED, "no registry endpoint at this path").withStatus(404);
        }
        if (!route.kind().allows(method)) {
            throw methodNotAllowed(route, method);
        }
        if (route.name() != null && !RepositoryName.isValid(route.name())) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "invalid repository name: it must match the name"
                    + " grammar and be at most " + RepositoryName.MAX_LENGTH + " characters",
                    Map.of("name", abbreviate(route.name())));
        }
        String ref = route.reference();
        RegistryException invalid = switch (route.kind()) {
            case MANIFEST -> Reference.grammarError(ref, "PUT".equals(method));
            case BLOB, REFERRERS -> digestError(ref);
            default -> null;
        };
        if (invalid != null) {
            throw invalid;
        }
    }

    /**
     * {@link #check}, then what the handler would answer without looking anything up: an upload id that
     * cannot be one of ours is 404 BLOB_UPLOAD_UNKNOWN, a manifest reference that is no tag 404
     * MANIFEST_UNKNOWN. For requests the container refused before the registry could see them.
     */
    static void checkWithoutStorage(Route route, String method) {
        check(route, method);
        if (route.kind() == Route.Kind.UPLOAD && !UploadBodies.validId(route.reference())) {
            throw UploadBodies.unknown(route.reference());
        }
        if (route.kind() == Route.Kind.MANIFEST && !"PUT".equals(method)) {
            Reference.lookup(route.reference());
        }
    }

    /** The 405 answer for a method the family does not support. */
    static RegistryException methodNotAllowed(Route route, String method) {
        return new RegistryException(ErrorCode.UNSUPPORTED, "method " + abbreviate(method) + " not allowed here")
                .withHeader("Allow", route.kind().allowHeader());
    }

    private static RegistryException digestError(String ref) {
        try {
            Reference.digest(ref);
            return null;
        } catch (RegistryException e) {
            return e;
        }
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
