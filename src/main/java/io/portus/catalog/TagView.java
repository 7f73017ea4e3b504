package io.portus.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A tag as the API shows it.
 *
 * @param size      config + layers; for an index, the distinct blobs of all its platforms
 * @param imageId   the config digest's hex (Portus's image_id), null for an index
 * @param author    the pusher's name ("" when anonymous), kept after the user is deleted
 * @param platforms the children of an index or manifest list (empty for a single image)
 */
public record TagView(long id, String name, long repositoryId, String repository, String digest, String mediaType,
                      String artifactType, String imageId, long size, Long userId, String author, Instant pushedAt,
                      Instant pulledAt, Instant createdAt, Instant updatedAt, List<Platform> platforms) {
}
