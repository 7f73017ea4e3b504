package io.portus.importer;

import java.util.List;

/**
 * What an import did, table by table, for a person (a table and the refused rows) or a script (JSON).
 *
 * @param sourceVersion "2.4" or "2.3 or older", from the columns of the Portus database
 * @param failedGroup   null when every group was imported; else the group that was rolled back (the groups
 *                      before it are committed, the ones after it were not tried)
 * @param failure       why that group failed
 */
public record ImportReport(String sourceVersion, boolean dryRun, List<TableSummary> tables, String failedGroup,
                           String failure) {

    public boolean complete() {
        return failedGroup == null;
    }

    /** The summary for a terminal. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "Dry run (nothing written): " : "Imported ").append("a Portus ").append(sourceVersion)
                .append(" database.\n\n");
        out.append(String.format("%-20s %9s %9s %9s%n", "table", "imported", "skipped", "refused"));
        for (TableSummary t : tables) {
            out.append(String.format("%-20s %9d %9d %9d%n", t.table(), t.imported(), t.skipped(), t.refused().size()));
        }
        boolean header = false;
        for (TableSummary t : tables) {
            for (TableSummary.Refusal r : t.refused()) {
                if (!header) {
                    out.append("\nRefused (not imported, the rest went on):\n");
                    header = true;
                }
                out.append("  ").append(t.table()).append(" #").append(r.id())
                        .append(r.row() == null ? "" : " (" + r.row() + ")").append(": ").append(r.reason()).append('\n');
            }
        }
        out.append("\nskipped = already here (a previous import, or made here), mapped onto the existing row.\n");
        if (!complete()) {
            out.append("\nFAILED while importing ").append(failedGroup).append(": ").append(failure)
                    .append("\nThat group was rolled back and the following ones were not tried; the groups above are "
                            + "committed. Fix the cause and run again: nothing is imported twice.\n");
        }
        return out.toString();
    }
}
