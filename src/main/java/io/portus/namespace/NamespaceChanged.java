package io.portus.namespace;

/**
 * A namespace was changed by a user (published in the changing transaction).
 *
 * @param change   Portus's activity name: {@code change_team}, {@code change_visibility},
 *                 {@code change_namespace_description} (and ours, {@code change_namespace_name})
 * @param previous the old value (team name, visibility, description or name)
 */
public record NamespaceChanged(String change, Namespace namespace, Long actorId, String actorName, String previous) {
}
