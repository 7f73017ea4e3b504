package io.portus.namespace;

/**
 * A namespace was created, by a user or by a push into a namespace that did not exist yet (published in
 * the creating transaction).
 *
 * @param actorId   who created it (null when unknown or anonymous)
 * @param actorName their name ("" when anonymous)
 */
public record NamespaceCreated(Namespace namespace, Long actorId, String actorName) {
}
