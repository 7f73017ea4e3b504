package io.portus.retention;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a retention rule keeps of the tags its pattern matches (Harbor's retention templates).
 * {@link #amount()} is N for {@link #LATEST_PUSHED}, days for the two "within" kinds, unused for {@link #ALWAYS}.
 */
public enum RuleKind {
    /** The N most recently pushed matching tags of each repository. */
    LATEST_PUSHED("latest_pushed", "the %d most recently pushed"),
    /** Matching tags pulled in the last D days. */
    PULLED_WITHIN_DAYS("pulled_within_days", "pulled in the last %d days"),
    /** Matching tags pushed in the last D days. */
    PUSHED_WITHIN_DAYS("pushed_within_days", "pushed in the last %d days"),
    /** Every matching tag. */
    ALWAYS("always", "always");

    private final String apiName;
    private final String description;

    RuleKind(String apiName, String description) {
        this.apiName = apiName;
        this.description = description;
    }

    public String apiName() {
        return apiName;
    }

    /** "the 5 most recently pushed", "pulled in the last 7 days", "always". */
    public String describe(int amount) {
        return description.formatted(amount);
    }

    /** "the N most recently pushed", for forms. */
    public String label() {
        return description.replace("%d", "N");
    }

    public boolean needsAmount() {
        return this != ALWAYS;
    }

    public static Optional<RuleKind> parse(String value) {
        return Arrays.stream(values()).filter(k -> k.apiName.equals(value)).findFirst();
    }
}
