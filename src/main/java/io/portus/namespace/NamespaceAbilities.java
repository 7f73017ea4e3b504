package io.portus.namespace;

/**
 * What one user may do with one namespace (the {@link NamespacePolicy}'s answers, docs/compatibility.md#ui-api-rules), for showing only the
 * actions that will be accepted; the services check every action again.
 *
 * @param deleteContent delete its repositories and tags
 * @param delete        delete the namespace itself (never global or personal ones)
 */
public record NamespaceAbilities(boolean pull, boolean push, boolean update, boolean changeVisibility,
                                 boolean changeTeam, boolean deleteContent, boolean delete) {

    public static final NamespaceAbilities NONE = new NamespaceAbilities(false, false, false, false, false, false, false);
}
