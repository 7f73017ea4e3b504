package io.portus.namespace;

/** A partial update of a namespace (null = unchanged); {@code team} is a team name. */
public record NamespaceUpdate(String name, String description, String team, Visibility visibility) {
}
