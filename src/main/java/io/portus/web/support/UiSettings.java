package io.portus.web.support;

import io.portus.auth.policy.PolicySettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The Portus switches the pages depend on (config.yml keys, see application.yml). */
@Component
public final class UiSettings {

    private final boolean signupEnabled;
    private final boolean anonymousBrowsing;
    private final boolean deleteEnabled;
    private final boolean displayNames;
    private final int perPage;

    UiSettings(@Value("${portus.signup.enabled:true}") boolean signupEnabled,
               @Value("${portus.anonymous-browsing.enabled:true}") boolean anonymousBrowsing,
               PolicySettings policy,
               @Value("${portus.display-name.enabled:false}") boolean displayNames,
               @Value("${portus.pagination.per-page:25}") int perPage) {
        this.signupEnabled = signupEnabled;
        this.anonymousBrowsing = anonymousBrowsing;
        this.deleteEnabled = policy.deleteEnabled();
        this.displayNames = displayNames;
        this.perPage = Math.clamp(perPage, 5, 200);
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
}
