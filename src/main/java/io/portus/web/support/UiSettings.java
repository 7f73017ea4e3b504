package io.portus.web.support;

import io.portus.account.SignupProperties;
import io.portus.auth.policy.PolicySettings;
import io.portus.common.PaginationProperties;
import org.springframework.stereotype.Component;

/** The Portus switches the pages depend on (config.yml keys, see application.yml), from their typed records. */
@Component
public final class UiSettings {

    private final boolean signupEnabled;
    private final boolean anonymousBrowsing;
    private final boolean deleteEnabled;
    private final boolean displayNames;
    private final int perPage;
    private final int beforeAfter;

    UiSettings(UiProperties ui, SignupProperties signup, PolicySettings policy, PaginationProperties pagination) {
        this.signupEnabled = signup.enabled();
        this.anonymousBrowsing = ui.anonymousBrowsing().enabled();
        this.deleteEnabled = policy.deleteEnabled();
        this.displayNames = ui.displayName().enabled();
        this.perPage = Math.clamp(pagination.perPage(), 5, 200);
        this.beforeAfter = Math.clamp(pagination.beforeAfter(), 0, 10);
    }

    public boolean signupEnabled() {
        return signupEnabled;
    }

    public boolean anonymousBrowsing() {
        return anonymousBrowsing;
    }

    public boolean deleteEnabled() {
        return deleteEnabled;
    }

    public boolean displayNames() {
        return displayNames;
    }

    public int perPage() {
        return perPage;
    }

    /** Portus's {@code pagination.before_after}: numbered page links before the current one (0–10). */
    public int beforeAfter() {
        return beforeAfter;
    }
}
