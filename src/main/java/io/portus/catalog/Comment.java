package io.portus.catalog;

import java.time.Instant;

/**
 * A comment on a repository.
 *
 * @param body the Markdown source
 * @param html the body rendered to HTML with raw HTML escaped and unsafe link targets removed
 */
public record Comment(long id, long repositoryId, Long userId, String author, String body, String html,
                      Instant createdAt, Instant updatedAt) {
}
