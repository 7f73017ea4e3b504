package io.portus.importer.internal;

import io.portus.importer.TableSummary;

import java.util.ArrayList;
import java.util.List;

/** The counts of one table while it is imported; becomes a {@link TableSummary}. */
final class Tally {

    private final String table;
    private int imported;
    private int skipped;
    private final List<TableSummary.Refusal> refused = new ArrayList<>();

    Tally(String table) {
        this.table = table;
    }

    void imported() {
        imported++;
    }

    void skipped() {
        skipped++;
    }

    /** A row that cannot be mapped: {@code row} names it for a person (id and name), {@code reason} says why. */
    void refused(long sourceId, String row, String reason) {
        refused.add(new TableSummary.Refusal(sourceId, row, reason));
    }

    TableSummary summary() {
        return new TableSummary(table, imported, skipped, List.copyOf(refused));
    }
}
