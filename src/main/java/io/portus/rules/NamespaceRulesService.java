package io.portus.rules;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.portus.account.User;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.namespace.Namespace;
import io.portus.namespace.NamespaceService;
import io.portus.rules.internal.RulesStore;
import io.portus.rules.internal.UsageRecount;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reading and changing a namespace's rules. Who may change them: whoever may update the namespace (Portus's
 * {@code update?}: admins and owners of its team); the quota only admins (as in Harbor: a limit the owners could
 * lift would not be one). Changes are checked ({@link #check}) before they are applied,
 * so a caller changing other namespace fields too can refuse everything before changing anything.
 */
@Service
public class NamespaceRulesService {

    private final RulesStore store;
    private final NamespaceService namespaces;
    private final UsageRecount recount;
    private final ApplicationEventPublisher events;

    NamespaceRulesService(RulesStore store, NamespaceService namespaces, UsageRecount recount,
                          ApplicationEventPublisher events) {
        this.store = store;
        this.namespaces = namespaces;
        this.recount = recount;
        this.events = events;
    }

    /** A change that passed {@link #check}: the rules to write, and who changes them. */
    public record Checked(long namespaceId, boolean immutableTags, String pattern, Long quotaBytes, long actorId,
                          String actorName) {
    }

    public NamespaceRules of(long namespaceId) {
        return store.find(namespaceId);
    }

    /**
     * Validates {@code change} (422 naming the field) and that {@code actor} may make it (403).
     *
     * @return the rules after the change
     */
    public Checked check(User actor, long namespaceId, RulesChange change) {
        Namespace ns = namespaces.get(namespaceId);
        if (!change.isEmpty() && !namespaces.abilities(actor, ns).update()) {
            throw new ForbiddenException("Authorization fails");
        }
        NamespaceRules now = store.find(namespaceId);
        boolean immutable = change.immutableTags() == null ? now.immutableTags() : change.immutableTags();
        String pattern = change.immutableTagsPattern() == null ? now.immutableTagsPattern()
                : change.immutableTagsPattern().isBlank() ? null : change.immutableTagsPattern();
        Long quota = change.quotaBytes() == null ? now.quotaBytes() : null;
        FieldErrors errors = new FieldErrors();
        if (pattern != null && change.immutableTagsPattern() != null) {
            patternProblem(pattern).ifPresent(p -> errors.add("immutable_tags_pattern", p));
        }
        if (change.quotaBytes() != null && !change.quotaBytes().isBlank()) {
            try {
                quota = Long.parseLong(change.quotaBytes().trim());
                if (quota < 0) {
                    errors.add("quota_bytes", "must be a number of bytes, 0 or more (empty or null = unlimited)");
                }
            } catch (NumberFormatException e) {
                errors.add("quota_bytes", "must be a number of bytes, 0 or more (empty or null = unlimited)");
            }
        }
        errors.throwIfAny();
        if (!actor.admin() && !Objects.equals(quota, now.quotaBytes())) {
            throw new ForbiddenException("Only administrators can change a namespace's quota");
        }
        return new Checked(namespaceId, immutable, pattern, quota, actor.id(), actor.username());
    }

    /**
     * Writes the rules. When a quota is set on a namespace that had none, its usage is recounted from storage
     * first, so the quota applies to what is there (usage kept before this version, or drifted, included).
     */
    public NamespaceRules apply(Checked checked) {
        NamespaceRules before = store.find(checked.namespaceId());
        boolean newQuota = checked.quotaBytes() != null && before.quotaBytes() == null;
        store.save(checked.namespaceId(), checked.immutableTags(), checked.pattern(), checked.quotaBytes());
        if (newQuota) {
            recount(checked.namespaceId());
        }
        NamespaceRules after = store.find(checked.namespaceId());
        if (before.immutableTags() != after.immutableTags()
                || !Objects.equals(before.immutableTagsPattern(), after.immutableTagsPattern())
                || !Objects.equals(before.quotaBytes(), after.quotaBytes())) {
            events.publishEvent(new NamespaceRulesChanged(namespaces.get(checked.namespaceId()), before, after,
                    checked.actorId(), checked.actorName()));
        }
        return after;
    }

    /** Recounts the usage from the registry's storage (built-in registry only); returns it. */
    public long recount(long namespaceId) {
        return recount.recount(namespaces.get(namespaceId));
    }

    /** What is wrong with a pattern, if anything. */
    public static java.util.Optional<String> patternProblem(String pattern) {
        if (pattern.length() > NamespaceRules.MAX_PATTERN) {
            return java.util.Optional.of("is too long (at most " + NamespaceRules.MAX_PATTERN + " characters)");
        }
        try {
            Pattern.compile(pattern);
            return java.util.Optional.empty();
        } catch (PatternSyntaxException e) {
            return java.util.Optional.of("is not a valid regular expression: " + e.getDescription()
                    + " near index " + e.getIndex());
        }
    }
}
