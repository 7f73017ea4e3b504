package io.portus.retention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.portus.catalog.TagView;
import io.portus.retention.RetentionRule;
import io.portus.retention.RuleKind;
import io.portus.retention.internal.Selection.Expiry;
import io.portus.retention.internal.Selection.Verdict;
import org.junit.jupiter.api.Test;

/** The pure selections: Portus's expiry with keep_latest per repository, Harbor's union of rules, shared digests. */
class SelectionTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    long ids;
    final List<TagView> tags = new ArrayList<>();

    /** A tag pushed {@code pushedDaysAgo} days ago, pulled {@code pulledDaysAgo} days ago (null: never). */
    TagView tag(String name, String digest, double pushedDaysAgo, Double pulledDaysAgo) {
        TagView t = new TagView(++ids, name, 1, "ns/app", digest, "application/vnd.oci.image.manifest.v1+json", null,
                null, 10, null, "", ago(pushedDaysAgo), pulledDaysAgo == null ? null : ago(pulledDaysAgo), NOW, NOW, List.of());
        tags.add(t);
        return t;
    }

    static Instant ago(double days) {
        return NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    static Map<String, Boolean> deleted(List<Verdict> verdicts) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        verdicts.forEach(v -> out.put(v.tag().name(), v.delete()));
        return out;
    }

    static String reason(List<Verdict> verdicts, String tag) {
        return verdicts.stream().filter(v -> v.tag().name().equals(tag)).findFirst().orElseThrow().reason();
    }

    List<Verdict> expiry(int olderThan, int keepLatest, String regex) {
        return Selection.expiry(tags, new Expiry(olderThan, keepLatest, regex == null ? null : Pattern.compile(regex)), NOW);
    }

    @Test
    void expiryDeletesTagsPushedAndPulledBeforeTheCutoff() {
        tag("fresh", "sha256:a", 10, null);
        tag("old-never-pulled", "sha256:b", 40, null);
        tag("old-pulled-recently", "sha256:c", 40, 3.0);
        tag("old-pulled-long-ago", "sha256:d", 50, 31.0);

        var v = expiry(30, 0, null);

        assertThat(deleted(v)).containsOnly(Map.entry("fresh", false), Map.entry("old-never-pulled", true),
                Map.entry("old-pulled-recently", false), Map.entry("old-pulled-long-ago", true));
        assertThat(reason(v, "old-never-pulled")).contains("never pulled");
        assertThat(reason(v, "old-pulled-recently")).contains("pulled in the last 30 days");
        assertThat(reason(v, "fresh")).contains("pushed in the last 30 days");
    }

    @Test
    void theCutoffIsStrictAsPortusUpdatedAtBeforeOlderThan() {
        tag("exactly", "sha256:a", 30, null);
        tag("just-older", "sha256:b", 30.001, null);

        assertThat(deleted(expiry(30, 0, null))).containsOnly(Map.entry("exactly", false), Map.entry("just-older", true));
    }

    @Test
    void keepLatestKeepsTheNewestPushesOfTheRepository() {
        for (int i = 1; i <= 8; i++) {
            tag("v" + i, "sha256:" + i, 100 - i, null);
        }

        var v = expiry(30, 5, null);

        assertThat(v.stream().filter(Verdict::delete).map(x -> x.tag().name())).containsExactlyInAnyOrder("v1", "v2", "v3");
        assertThat(reason(v, "v8")).contains("keep_latest");
    }

    @Test
    void keepLatestCountsEveryTagOfTheRepositoryNotOnlyMatchingOnes() {
        tag("latest", "sha256:l", 40, null);
        tag("build-1", "sha256:1", 60, null);
        tag("build-2", "sha256:2", 50, null);

        var v = expiry(30, 1, "^build-");

        assertThat(deleted(v)).containsEntry("latest", false).containsEntry("build-1", true).containsEntry("build-2", true);
    }

    @Test
    void theTagExpressionLimitsWhatGoesAndIsSearchedNotMatchedWhole() {
        tag("pr-12-snapshot", "sha256:a", 40, null);
        tag("v1.0", "sha256:b", 40, null);

        var v = expiry(30, 0, "snapshot");

        assertThat(deleted(v)).containsEntry("pr-12-snapshot", true).containsEntry("v1.0", false);
        assertThat(reason(v, "v1.0")).contains("does not match the tag expression snapshot");
    }

    @Test
    void aTagSharingItsDigestWithAKeptTagStays() {
        tag("latest", "sha256:same", 1, null);
        tag("v1", "sha256:same", 90, null);
        tag("v0", "sha256:other", 90, null);

        var v = expiry(30, 0, null);

        assertThat(deleted(v)).containsEntry("v1", false).containsEntry("v0", true).containsEntry("latest", false);
        assertThat(reason(v, "v1")).isEqualTo("shares its digest with the kept tag latest");
    }

    @Test
    void tagsSharingADigestGoTogetherWhenNoneIsKept() {
        tag("a", "sha256:same", 90, null);
        tag("b", "sha256:same", 80, null);

        assertThat(deleted(expiry(30, 0, null))).containsEntry("a", true).containsEntry("b", true);
    }

    @Test
    void keepLatestProtectsADigestSharedWithAnOlderTag() {
        tag("new", "sha256:x", 40, null);
        tag("old", "sha256:x", 90, null);

        assertThat(deleted(expiry(30, 1, null))).containsEntry("new", false).containsEntry("old", false);
    }

    @Test
    void samePushTimeIsBrokenByTheNewerRow() {
        tag("first", "sha256:1", 40, null);
        tag("second", "sha256:2", 40, null);

        assertThat(deleted(expiry(30, 1, null))).containsEntry("second", false).containsEntry("first", true);
    }

    // --- Harbor's retention

    List<Verdict> retention(RetentionRule... rules) {
        return Selection.retention(tags, List.of(rules), NOW);
    }

    @Test
    void withoutRulesNothingGoes() {
        tag("a", "sha256:a", 400, null);

        var v = retention();

        assertThat(v).allMatch(x -> !x.delete());
        assertThat(reason(v, "a")).contains("no retention rule");
    }

    @Test
    void latestPushedKeepsTheNewestNOfTheMatchingTagsAndTheRestGoes() {
        tag("v1", "sha256:1", 5, null);
        tag("v2", "sha256:2", 4, null);
        tag("v3", "sha256:3", 3, null);
        tag("dev", "sha256:4", 1, null);

        var v = retention(new RetentionRule("^v", RuleKind.LATEST_PUSHED, 2));

        assertThat(deleted(v)).containsExactly(Map.entry("dev", true), Map.entry("v3", false), Map.entry("v2", false),
                Map.entry("v1", true));
        assertThat(reason(v, "dev")).isEqualTo("no retention rule keeps it");
        assertThat(reason(v, "v3")).isEqualTo("kept by rule 1 (tags matching ^v: the 2 most recently pushed)");
    }

    @Test
    void aTagIsKeptWhenAnyRuleKeepsItTheUnion() {
        tag("v1", "sha256:1", 100, 2.0);
        tag("v2", "sha256:2", 90, null);
        tag("v3", "sha256:3", 2, null);
        tag("release-1", "sha256:4", 300, null);
        tag("tmp", "sha256:5", 200, null);

        var v = retention(new RetentionRule("^v", RuleKind.PULLED_WITHIN_DAYS, 7),
                new RetentionRule("", RuleKind.PUSHED_WITHIN_DAYS, 10),
                new RetentionRule("^release-", RuleKind.ALWAYS, 0));

        assertThat(deleted(v)).containsEntry("v1", false).containsEntry("v2", true).containsEntry("v3", false)
                .containsEntry("release-1", false).containsEntry("tmp", true);
        assertThat(reason(v, "v1")).startsWith("kept by rule 1");
        assertThat(reason(v, "v3")).startsWith("kept by rule 2");
        assertThat(reason(v, "release-1")).isEqualTo("kept by rule 3 (tags matching ^release-: always)");
    }

    @Test
    void pulledWithinIgnoresNeverPulledTags() {
        tag("never", "sha256:1", 1, null);
        tag("recent", "sha256:2", 100, 1.0);
        tag("long-ago", "sha256:3", 100, 8.0);

        assertThat(deleted(retention(new RetentionRule("", RuleKind.PULLED_WITHIN_DAYS, 7))))
                .containsEntry("never", true).containsEntry("recent", false).containsEntry("long-ago", true);
    }

    @Test
    void latestPushedRanksOnlyTheTagsOfItsOwnPattern() {
        tag("v1", "sha256:1", 10, null);
        tag("nightly-1", "sha256:2", 3, null);
        tag("nightly-2", "sha256:3", 2, null);
        tag("v2", "sha256:4", 9, null);

        var v = retention(new RetentionRule("^v", RuleKind.LATEST_PUSHED, 1), new RetentionRule("^nightly", RuleKind.LATEST_PUSHED, 1));

        assertThat(deleted(v)).containsEntry("v2", false).containsEntry("v1", true)
                .containsEntry("nightly-2", false).containsEntry("nightly-1", true);
    }

    @Test
    void retentionNeverDeletesATagWhoseDigestAKeptTagShares() {
        tag("stable", "sha256:x", 100, null);
        tag("build-7", "sha256:x", 100, null);
        tag("build-6", "sha256:y", 100, null);

        var v = retention(new RetentionRule("^stable$", RuleKind.ALWAYS, 0));

        assertThat(deleted(v)).containsEntry("stable", false).containsEntry("build-7", false).containsEntry("build-6", true);
        assertThat(reason(v, "build-7")).isEqualTo("shares its digest with the kept tag stable");
    }

    @Test
    void aPatternThatBacktracksForeverKeepsTheTagInsteadOfHoldingTheJob() {
        String evil = "^(.*a){15}c"; // about 2·10^9 character reads on 30 a's without the budget (33 s here)
        String heavy = "a".repeat(30);
        tag(heavy, "sha256:1", 400, null);
        tag("aaa", "sha256:2", 400, null);
        String matching = "a".repeat(15) + "c";
        tag(matching, "sha256:3", 400, null);

        var retained = retention(new RetentionRule(evil, RuleKind.ALWAYS, 0));
        var expired = expiry(30, 0, evil);

        assertThat(deleted(retained)).containsEntry(heavy, false).containsEntry("aaa", true).containsEntry(matching, false);
        assertThat(reason(retained, heavy)).isEqualTo("kept: the pattern of rule 1 needs too much work on this tag");
        assertThat(deleted(expired)).containsEntry(heavy, false).containsEntry("aaa", false).containsEntry(matching, true);
    }
}
