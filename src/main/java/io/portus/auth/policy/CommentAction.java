package io.portus.auth.policy;

/** What a user may do with a comment on a repository (writing one only needs seeing the repository). */
public enum CommentAction implements Action {
    DELETE
}
