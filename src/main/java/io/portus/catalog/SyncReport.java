package io.portus.catalog;

import java.util.List;

/**
 * The outcome of one sync of one registry.
 *
 * @param listed          repositories the registry listed (-1 when the listing failed: nothing was removed)
 * @param tagsWritten     tags created or moved to another digest
 * @param tagsRemoved     tags removed after the registry confirmed they are gone
 * @param reposRemoved    repositories removed after the registry confirmed they are gone
 * @param failed          repositories whose listing failed (their rows were left as they were)
 */
public record SyncReport(String registry, int listed, int tagsWritten, int tagsRemoved, int reposRemoved,
                         List<String> failed) {
}
