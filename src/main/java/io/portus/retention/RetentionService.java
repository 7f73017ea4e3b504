package io.portus.retention;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.portus.account.User;
import io.portus.auth.policy.DeleteProperties;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.NotAllowedException;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.retention.internal.Cleanups;
import io.portus.retention.internal.RetentionStore;
import org.springframework.stereotype.Service;

/**
 * A namespace's retention policy: whoever may see the namespace reads it; those who may update the namespace
 * (admins, and owners of its team when {@code portus.user-permission.manage-namespace} is on) change it, dry-run
 * it and run it. A run deletes only while {@code portus.delete.enabled} is on (405 otherwise).
 */
@Service
public class RetentionService {

    /** The changes asked for; {@code rules} replace the existing ones. */
    public record Change(boolean enabled, Integer intervalHours, List<RetentionRule> rules) {
    }

    private static final int MAX_AMOUNT = 100_000;

    private final NamespaceService namespaces;
    private final RetentionStore store;
    private final Cleanups cleanups;
    private final boolean deleteEnabled;

    RetentionService(NamespaceService namespaces, RetentionStore store, Cleanups cleanups, DeleteProperties delete) {
        this.namespaces = namespaces;
        this.store = store;
        this.cleanups = cleanups;
        this.deleteEnabled = delete.enabled();
    }

    public RetentionPolicy get(User actor, long namespaceId) {
        namespaces.show(actor, namespaceId);
        return store.find(namespaceId).orElse(RetentionPolicy.none(namespaceId));
    }

    /** Whether {@code actor} may change, dry-run and run the namespace's policy. */
    public boolean mayManage(User actor, Namespace ns) {
        return actor != null && namespaces.abilities(actor, ns).update();
    }

    public RetentionPolicy save(User actor, long namespaceId, Change change) {
        requireManager(actor, namespaceId);
        validate(change);
        store.save(namespaceId, change.enabled(), change.intervalHours(), change.rules());
        return store.find(namespaceId).orElseThrow();
    }

    /** What a run would do now, tag by tag; deletes nothing. */
    public List<TagDecision> dryRun(User actor, long namespaceId) {
        requireManager(actor, namespaceId);
        return cleanups.retain(namespaceId, get(actor, namespaceId).rules(), true);
    }

    /** Runs the policy now: every tag's decision, {@code delete} true for those deleted. */
    public List<TagDecision> run(User actor, long namespaceId) {
        requireManager(actor, namespaceId);
        if (!deleteEnabled) {
            throw new NotAllowedException("Deleting images is disabled (portus.delete.enabled / PORTUS_DELETE_ENABLED)");
        }
        RetentionPolicy policy = get(actor, namespaceId);
        var now = cleanups.now();
        List<TagDecision> decisions = cleanups.retain(namespaceId, policy.rules(), false);
        if (store.find(namespaceId).isPresent()) {
            store.ran(namespaceId, now);
        }
        return decisions;
    }

    private void requireManager(User actor, long namespaceId) {
        Namespace ns = namespaces.show(actor, namespaceId);
        if (!mayManage(actor, ns)) {
            throw new ForbiddenException("Authorization fails");
        }
    }

    private static void validate(Change change) {
        FieldErrors errors = new FieldErrors();
        if (change.intervalHours() != null
                && (change.intervalHours() < 1 || change.intervalHours() > RetentionPolicy.MAX_INTERVAL_HOURS)) {
            errors.add("interval_hours", "must be between 1 and " + RetentionPolicy.MAX_INTERVAL_HOURS);
        }
        if (change.rules().size() > RetentionPolicy.MAX_RULES) {
            errors.add("rules", "are at most " + RetentionPolicy.MAX_RULES);
        }
        for (int i = 0; i < change.rules().size(); i++) {
            String field = "rules[" + i + "]";
            problem(change.rules().get(i)).ifPresent(p -> errors.add(field, p));
        }
        errors.throwIfAny();
    }

    private static Optional<String> problem(RetentionRule rule) {
        if (rule.pattern().length() > 255) {
            return Optional.of("pattern is longer than 255 characters");
        }
        try {
            Pattern.compile(rule.pattern());
        } catch (PatternSyntaxException e) {
            return Optional.of("pattern is not a regular expression: " + e.getDescription());
        }
        if (rule.kind().needsAmount() && (rule.amount() < 1 || rule.amount() > MAX_AMOUNT)) {
            return Optional.of("value must be between 1 and " + MAX_AMOUNT);
        }
        return Optional.empty();
    }
}
