package io.portus.importer;

import java.util.List;

/**
 * What the import did with one Portus table: rows imported, rows skipped because they are already here (a
 * previous run, or the same user/registry/... made here), and rows refused with the reason.
 */
public record TableSummary(String table, int imported, int skipped, List<Refusal> refused) {

    /** A row that could not be mapped; the rest of the import goes on. */
    public record Refusal(long id, String row, String reason) {
    }
}
