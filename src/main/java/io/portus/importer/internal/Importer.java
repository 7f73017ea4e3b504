package io.portus.importer.internal;

import io.portus.importer.ImportReport;
import io.portus.importer.TableSummary;
import io.portus.webhook.WebhookSecrets;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs an import group by group, in dependency order, one transaction per group: a group that fails is rolled
 * back whole and the groups after it are not tried (a second run picks up from there, importing nothing twice).
 * A dry run does everything in one transaction that is rolled back, so its counts are exact and nothing stays.
 */
public final class Importer {

    private Importer() {
    }

    public static ImportReport run(Source source, JdbcClient target, TransactionTemplate tx, WebhookSecrets secrets,
                                   boolean dryRun) {
        Run run = new Run(source, target, secrets);
        List<Group> groups = List.of(
                new Group("users and application tokens", () -> new AccountsImport(run).importAll()),
                new Group("registries, teams and namespaces", () -> new AccessImport(run).importAll()),
                new Group("repositories, tags, stars and comments", () -> new CatalogImport(run).importAll()),
                new Group("webhooks", () -> new WebhooksImport(run).importAll()),
                new Group("activities", () -> new ActivitiesImport(run).importAll()));
        List<String> failure = new ArrayList<>();
        if (dryRun) {
            tx.executeWithoutResult(status -> {
                status.setRollbackOnly();
                for (Group g : groups) {
                    if (!attempt(g, failure)) {
                        return;
                    }
                }
            });
        } else {
            for (Group g : groups) {
                int before = run.summaries().size();
                boolean ok = Boolean.TRUE.equals(tx.execute(status -> {
                    boolean done = attempt(g, failure);
                    if (!done) {
                        status.setRollbackOnly();
                    }
                    return done;
                }));
                if (!ok) {
                    return report(source, dryRun, run.summaries().subList(0, before), failure);
                }
            }
        }
        return report(source, dryRun, run.summaries(), failure);
    }

    private static boolean attempt(Group group, List<String> failure) {
        try {
            group.work().run();
            return true;
        } catch (RuntimeException e) {
            failure.add(group.name());
            failure.add(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
            return false;
        }
    }

    private static ImportReport report(Source source, boolean dryRun, List<TableSummary> tables, List<String> failure) {
        return new ImportReport(source.version(), dryRun, List.copyOf(tables),
                failure.isEmpty() ? null : failure.get(0), failure.isEmpty() ? null : failure.get(1));
    }

    private record Group(String name, Runnable work) {
    }
}
