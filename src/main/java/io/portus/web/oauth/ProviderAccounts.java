package io.portus.web.oauth;

import io.portus.account.ExternalAccounts;
import io.portus.account.User;
import io.portus.common.InvalidInputException;
import io.portus.web.support.UiSettings;

import java.util.Optional;

/**
 * The Portus account of a provider identity ({@link ExternalAccounts}): found by (provider, uid), or created on
 * the first sign-in (an admin when it is the first account of the installation and
 * {@code first_user_admin.enabled}, as the sign-up form does: {@link ExternalAccounts} decides under its lock).
 */
final class ProviderAccounts {

    private final ExternalAccounts accounts;
    private final UiSettings settings;

    ProviderAccounts(ExternalAccounts accounts, UiSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    Optional<User> find(ProviderIdentity identity) {
        return accounts.find(identity.identity());
    }

    /** Creates the account; an {@link InvalidInputException} names the field to ask again (username, email). */
    User create(ProviderIdentity identity, String username, String email) {
        String displayName = identity.displayName();
        if (displayName != null && displayName.length() > 255) {
            displayName = displayName.substring(0, 255);
        }
        return accounts.create(identity.identity(), username == null ? "" : username.trim(),
                email == null ? "" : email.trim(), settings.displayNames() ? displayName : null, false);
    }
}
