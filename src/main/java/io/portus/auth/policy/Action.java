package io.portus.auth.policy;

/**
 * Everything {@link Policy} answers, one enum per kind of target. The token grants are
 * {@link RepositoryAction}s; the UI and API ask the others.
 */
public sealed interface Action permits RepositoryAction, NamespaceAction, TeamAction, WebhookAction, CommentAction,
        UserAction {
}
