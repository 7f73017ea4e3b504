package io.portus.namespace;

/**
 * A registry was registered or changed (published inside the transaction).
 *
 * @param change    {@code create} or {@code update}
 * @param actorId   the admin who did it; null when Portus did it itself (the built-in registry at start-up)
 * @param actorName their name ({@code portus} when Portus did it)
 */
public record RegistryChanged(String change, Registry registry, Long actorId, String actorName) {
}
