package io.portus.web.oauth;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A provider identity without a Portus account yet, kept in the session (only) until {@code /users/oauth} has a
 * free user name for it; {@code askEmail} when the provider gave no email or its email belongs to another account.
 */
record PendingAccount(ProviderIdentity identity, boolean askEmail, HashMap<String, List<String>> errors)
        implements Serializable {

    /** Why the account could not be created as it was: field name → messages (shown on the page). */
    static PendingAccount of(ProviderIdentity identity, boolean askEmail, Map<String, List<String>> errors) {
        HashMap<String, List<String>> copy = new HashMap<>();
        errors.forEach((field, messages) -> copy.put(field, List.copyOf(messages)));
        return new PendingAccount(identity, askEmail || errors.containsKey("email"), copy);
    }
}
