package io.portus.account;

import io.portus.account.internal.ExternalIdentityStore;
import io.portus.account.internal.LoginStore;
import io.portus.account.internal.PasswordHashing;
import io.portus.account.internal.PasswordResetStore;
import io.portus.account.internal.PasswordResetStore.State;
import io.portus.account.internal.UserRow;
import io.portus.account.internal.UserStore;
import io.portus.common.FieldErrors;
import io.portus.common.Secrets;
import io.portus.mail.Mail;
import io.portus.mail.MailComposer;
import io.portus.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Devise's recoverable, as in Portus: "Forgot your password?" mails a one-time link (256-bit random token, only
 * its SHA-256 stored) to a local, enabled, non-bot account; the link works once, for {@link #LIFETIME}, and a
 * new one ends the earlier ones. Accounts that sign in through LDAP or OpenID Connect get a mail telling them
 * to change their password there, never a link. At most one mail per account per {@link #MAIL_INTERVAL}.
 *
 * <p>{@link #request} only stores the request in the {@link MailOutbox} (one INSERT, whatever the address), so
 * the answer (and its timing) is the same whether the address exists or not, and an answered request survives
 * a crash. Looking the address up, writing the token and sending the mail happen later on the one instance
 * that sends the outbox ({@link #compose}, in the transaction that removes the outbox row: a token is stored
 * only when its mail went out).
 */
@Service
public class PasswordResets implements MailComposer {

    public static final Duration LIFETIME = Duration.ofHours(6);
    public static final Duration MAIL_INTERVAL = Duration.ofMinutes(5);
    static final String SUBJECT = "Reset password instructions";
    /** The outbox rows of reset requests: recipient = the address typed, data = the link base. */
    static final String MAIL_KIND = "password-reset";

    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

    /** What a reset link is worth. */
    public enum Link { VALID, EXPIRED, INVALID }

    private final PasswordResetStore store;
    private final UserStore users;
    private final ExternalIdentityStore identities;
    private final LoginStore logins;
    private final PasswordHashing hashing;
    private final ResetMails mails = new ResetMails();
    private final MailOutbox outbox;
    private final Clock clock;

    PasswordResets(PasswordResetStore store, UserStore users, ExternalIdentityStore identities, LoginStore logins,
                   PasswordHashing hashing, MailOutbox outbox, ObjectProvider<Clock> clock) {
        this.store = store;
        this.users = users;
        this.identities = identities;
        this.logins = logins;
        this.hashing = hashing;
        this.outbox = outbox;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /**
     * Asks for a reset link for the account of {@code email}, to be mailed with links under {@code linkBase}
     * ({@code scheme://host[:port]}). Returns at once, the same way for every address.
     */
    public void request(String email, String linkBase) {
        if (email == null || email.isBlank() || email.length() > 255) {
            return;
        }
        outbox.enqueue(MAIL_KIND, email.trim(), linkBase);
    }

    /** Whether the link with {@code token} can still set a password (nothing is changed). */
    public Link check(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Link.INVALID;
        }
        return switch (store.state(Secrets.sha256Hex(token), now())) {
            case VALID -> Link.VALID;
            case EXPIRED -> Link.EXPIRED;
            case USED, UNKNOWN -> Link.INVALID;
        };
    }

    /**
     * Sets the password of the link's account when the link is valid (then it is used up): the credentials
     * stamp changes (every session, refresh token and cached check of the old password ends) and the account
     * is unlocked. Throws {@link io.portus.common.InvalidInputException} when the password breaks the rules
     * (the link stays valid); returns {@link Link#VALID} when the password was set.
     */
    @Transactional
    public Link reset(String token, String password, String confirmation) {
        FieldErrors errors = new FieldErrors();
        UserRules.password(password, errors);
        if (password != null && !password.equals(confirmation)) {
            errors.add("password_confirmation", "doesn't match Password");
        }
        Link link = check(token);
        if (link != Link.VALID) {
            return link;
        }
        errors.throwIfAny();
        Instant now = now();
        Optional<UserRow> user = store.use(Secrets.sha256Hex(token), now).flatMap(users::byId)
                .filter(row -> resettable(row.user()) && identities.providerOf(row.user().id()).isEmpty());
        if (user.isEmpty()) {
            return check(token) == Link.EXPIRED ? Link.EXPIRED : Link.INVALID;
        }
        long id = user.get().user().id();
        users.updatePassword(id, hashing.hash(password), Secrets.newToken(16));
        logins.resetFailures(id);
        log.info("password of user {} reset through a mailed link", user.get().user().username());
        return Link.VALID;
    }

    @Override
    public String kind() {
        return MAIL_KIND;
    }

    /**
     * Writes the token (or the provider marker) and builds the mail; empty when nothing is to be sent. A retry
     * of a request whose mail may not have gone out is not held back by the per-account interval (its own
     * earlier token is what the interval would see); the new link ends that token.
     */
    @Override
    public Optional<Mail> compose(String email, String linkBase, boolean retry) {
        Instant now = now();
        store.deleteOlderThan(now.minus(Duration.ofDays(1)));
        Optional<User> found = store.userByEmail(email).map(UserRow::user).filter(this::resettable);
        if (found.isEmpty()) {
            log.info("password reset asked for an address of no enabled local account: nothing sent");
            return Optional.empty();
        }
        User user = found.get();
        Optional<Instant> last = store.lastCreated(user.id());
        if (!retry && last.isPresent() && last.get().isAfter(now.minus(MAIL_INTERVAL))) {
            log.info("password reset of user {} not mailed: the last one went out less than {} minutes ago",
                    user.username(), MAIL_INTERVAL.toMinutes());
            return Optional.empty();
        }
        Optional<String> provider = identities.providerOf(user.id());
        String token = Secrets.newToken();
        store.create(user.id(), Secrets.sha256Hex(token), now, now.plus(LIFETIME), provider.isPresent());
        return Optional.of(provider.isPresent()
                ? mails.useProvider(user, provider.get(), linkBase)
                : mails.resetLink(user, linkBase + "/users/password/edit?reset_password_token=" + token));
    }

    private boolean resettable(User user) {
        return !user.portus() && user.enabled() && !user.bot() && user.email() != null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
