package io.portus.web.security;

import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.auth.authn.CredentialsAuthenticator;
import io.portus.auth.authn.CredentialsAuthenticator.Authenticated;
import io.portus.auth.authn.CredentialsAuthenticator.Refused;
import io.portus.auth.authn.CredentialsAuthenticator.Unavailable;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The sign-in form: the account module's password check and lockout ({@link CredentialsAuthenticator}, the
 * same counters as {@code docker login}); application tokens are not accepted here and bots cannot sign in
 * to the UI, as in Portus.
 */
final class UiAuthenticationProvider implements AuthenticationProvider {

    static final String BAD_CREDENTIALS = "Invalid username or password.";
    static final String LOCKED = "Your account is locked after too many failed sign-in attempts. "
            + "Try again in 10 minutes.";

    private final CredentialsAuthenticator authenticator;
    private final UserService users;

    UiAuthenticationProvider(CredentialsAuthenticator authenticator, UserService users) {
        this.authenticator = authenticator;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        return switch (authenticator.authenticatePassword(username, password)) {
            case Authenticated a -> signedIn(a.principal().userId());
            case Refused r when r.locked() -> throw new LockedException(LOCKED);
            case Refused r -> throw new BadCredentialsException(BAD_CREDENTIALS);
            case Unavailable u -> throw new AuthenticationServiceException(u.reason());
        };
    }

    private Authentication signedIn(long userId) {
        User user = users.find(userId).filter(u -> u.enabled() && !u.bot())
                .orElseThrow(() -> new BadCredentialsException(BAD_CREDENTIALS));
        return UsernamePasswordAuthenticationToken.authenticated(new UiPrincipal(user.id(), user.username()), null,
                AuthorityUtils.createAuthorityList("ROLE_USER"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
