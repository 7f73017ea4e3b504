package io.portus.registry.internal;

import java.util.List;

import io.portus.registry.AccessController.Access;
import io.portus.storage.RepositoryName;

/**
 * The accesses a request needs, exactly as distribution computes them: GET/HEAD → pull, POST/PUT/PATCH →
 * pull+push, DELETE → delete, a mount also pull on {@code from}, the catalog {@code registry:catalog:*},
 * the base {@code /v2/} nothing (any valid credential).
 */
final class RequiredAccess {

    private RequiredAccess() {
    }

    static List<Access> of(Route route, String method, Query query) {
        return switch (route.kind()) {
            case BASE -> List.of();
            case CATALOG -> List.of(new Access("registry", "catalog", "*"));
            default -> repository(route, method, query);
        };
    }

    private static List<Access> repository(Route route, String method, Query query) {
        String name = route.name();
        return switch (method) {
            case "GET", "HEAD" -> List.of(Access.repository(name, "pull"));
            case "DELETE" -> List.of(Access.repository(name, "delete"));
            default -> {
                String from = query.first("from");
                if (route.kind() == Route.Kind.UPLOAD_START && query.has("mount")
                        && RepositoryName.isValid(from) && !from.equals(name)) {
                    yield List.of(Access.repository(name, "pull"), Access.repository(name, "push"),
                            Access.repository(from, "pull"));
                }
                yield List.of(Access.repository(name, "pull"), Access.repository(name, "push"));
            }
        };
    }
}
