package io.portus.retention.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.portus.catalog.TagView;
import io.portus.retention.RetentionRule;

/**
 * Which tags of ONE repository go, with the reason for every tag (pure: no database, no clock of its own).
 * Both selections end with the digest rule: a tag marked to go whose digest a kept tag shares is kept, because
 * deleting a manifest deletes every tag of the repository pointing at it.
 */
final class Selection {

    /** Portus's {@code delete.garbage_collector}: {@code tag} null = every tag. */
    record Expiry(int olderThanDays, int keepLatest, Pattern tag) {
    }

    /** The decision for one tag. */
    record Verdict(TagView tag, boolean delete, String reason) {
    }

    /** Newest push first; ties (same instant) by the newer row. */
    static final Comparator<TagView> NEWEST_FIRST = Comparator
            .comparing(TagView::pushedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
            .thenComparing(TagView::id, Comparator.reverseOrder());

    private Selection() {
    }

    /**
     * Portus's expiry, with {@code keep_latest} applied per repository (Portus #2330): the repository's
     * {@code keepLatest} most recently pushed tags stay; the others go when pushed before {@code now - olderThanDays}
     * and not pulled since then, and when their name matches {@code tag} (if set).
     */
    static List<Verdict> expiry(List<TagView> tags, Expiry settings, Instant now) {
        Instant cutoff = now.minus(Duration.ofDays(settings.olderThanDays()));
        List<TagView> ordered = tags.stream().sorted(NEWEST_FIRST).toList();
        List<Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            TagView t = ordered.get(i);
            if (i < settings.keepLatest()) {
                verdicts.add(keep(t, "one of the " + settings.keepLatest() + " most recently pushed tags of the repository (keep_latest)"));
            } else if (settings.tag() != null && !matchesOrKept(settings.tag(), t.name())) {
                verdicts.add(keep(t, "does not match the tag expression " + settings.tag().pattern()));
            } else if (t.pushedAt() != null && !t.pushedAt().isBefore(cutoff)) {
                verdicts.add(keep(t, "pushed in the last " + settings.olderThanDays() + " days"));
            } else if (t.pulledAt() != null && !t.pulledAt().isBefore(cutoff)) {
                verdicts.add(keep(t, "pulled in the last " + settings.olderThanDays() + " days"));
            } else {
                verdicts.add(new Verdict(t, true, "pushed and pulled more than " + settings.olderThanDays() + " days ago"
                        + (t.pulledAt() == null ? " (never pulled)" : "")));
            }
        }
        return protectSharedDigests(verdicts);
    }

    /**
     * Harbor's retention: each rule keeps some of the tags its pattern matches; a tag is kept when ANY rule keeps
     * it, every other tag goes. Without rules nothing goes.
     */
    static List<Verdict> retention(List<TagView> tags, List<RetentionRule> rules, Instant now) {
        List<TagView> ordered = tags.stream().sorted(NEWEST_FIRST).toList();
        if (rules.isEmpty()) {
            return ordered.stream().map(t -> keep(t, "the namespace has no retention rule")).toList();
        }
        List<Pattern> patterns = rules.stream().map(r -> Pattern.compile(r.pattern())).toList();
        Map<Integer, Integer> seen = new HashMap<>();
        List<Verdict> verdicts = new ArrayList<>();
        for (TagView t : ordered) {
            String keptBy = null;
            for (int r = 0; r < rules.size(); r++) {
                boolean matches;
                try {
                    matches = BoundedMatch.find(patterns.get(r), t.name());
                } catch (BoundedMatch.TooExpensive e) {
                    keptBy = keptBy != null ? keptBy : "kept: the pattern of rule " + (r + 1) + " needs too much work on this tag";
                    continue;
                }
                if (!matches) {
                    continue;
                }
                int rank = seen.merge(r, 1, Integer::sum);
                if (keptBy == null && keeps(rules.get(r), t, rank, now)) {
                    keptBy = "kept by rule " + (r + 1) + " (" + rules.get(r).describe() + ")";
                }
            }
            verdicts.add(keptBy != null ? keep(t, keptBy) : new Verdict(t, true, "no retention rule keeps it"));
        }
        return protectSharedDigests(verdicts);
    }

    /** Whether {@code rule} keeps {@code t}, the {@code rank}-th newest tag its pattern matches. */
    private static boolean keeps(RetentionRule rule, TagView t, int rank, Instant now) {
        Instant since = now.minus(Duration.ofDays(rule.amount()));
        return switch (rule.kind()) {
            case LATEST_PUSHED -> rank <= rule.amount();
            case PULLED_WITHIN_DAYS -> t.pulledAt() != null && !t.pulledAt().isBefore(since);
            case PUSHED_WITHIN_DAYS -> t.pushedAt() != null && !t.pushedAt().isBefore(since);
            case ALWAYS -> true;
        };
    }

    /** A tag expression too expensive on a name counts as "does not match": the tag stays. */
    private static boolean matchesOrKept(Pattern tag, String name) {
        try {
            return BoundedMatch.find(tag, name);
        } catch (BoundedMatch.TooExpensive e) {
            return false;
        }
    }

    private static List<Verdict> protectSharedDigests(List<Verdict> verdicts) {
        Map<String, String> keptDigests = new HashMap<>();
        verdicts.stream().filter(v -> !v.delete()).forEach(v -> keptDigests.putIfAbsent(v.tag().digest(), v.tag().name()));
        return verdicts.stream().map(v -> v.delete() && keptDigests.containsKey(v.tag().digest())
                ? keep(v.tag(), "shares its digest with the kept tag " + keptDigests.get(v.tag().digest()))
                : v).toList();
    }

    private static Verdict keep(TagView t, String reason) {
        return new Verdict(t, false, reason);
    }
}
