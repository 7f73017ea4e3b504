package io.portus.namespace;

/**
 * A namespace was deleted (published in the deleting transaction, after its repositories were deleted one by
 * one). Names are kept so the activity stays readable.
 */
public record NamespaceDeleted(Namespace namespace, String registryName, Long actorId, String actorName) {
}
