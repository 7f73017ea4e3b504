package io.portus.account;

import io.portus.account.internal.ApplicationTokenStore;
import io.portus.common.DbTime;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.NotFoundException;
import io.portus.common.Secrets;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portus.common.Page;
import io.portus.common.PageQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Application tokens: random 256-bit secrets, stored as SHA-256, shown once, at most
 * {@value #MAX_PER_USER} per user. A user manages their own; admins also manage those of bots
 * (Portus 2.4+ forgot this ownership check, docs/compatibility.md#application-tokens).
 */
@Service
public class ApplicationTokenService {

    public static final int MAX_PER_USER = 5;
    /** The last use of a token is written at most this often. */
    public static final long LAST_USED_SECONDS = 60;

    private final ApplicationTokenStore store;
    private final UserService users;
    private final Logins logins;
    private final ApplicationEventPublisher events;
    private final AccountPolicy policy;

    ApplicationTokenService(ApplicationTokenStore store, UserService users, Logins logins,
                            ApplicationEventPublisher events, AccountPolicy policy) {
        this.policy = policy;
        this.store = store;
        this.users = users;
        this.logins = logins;
        this.events = events;
    }

    public List<ApplicationToken> list(User actor, long userId) {
        return store.byUser(manageable(actor, userId).id());
    }

    @Transactional
    public NewApplicationToken create(User actor, long userId, String application) {
        return create(actor, userId, application, TokenOptions.UNRESTRICTED);
    }

    /** A token with an expiry and/or a scope (issue #9); {@link TokenOptions#UNRESTRICTED} is Portus's kind. */
    @Transactional
    public NewApplicationToken create(User actor, long userId, String application, TokenOptions options) {
        return createFor(manageable(actor, userId), application, actor, options);
    }

    /** Creates a token without the ownership check (bootstrap, operator commands), as its owner. */
    @Transactional
    public NewApplicationToken createFor(User owner, String application) {
        return createFor(owner, application, owner);
    }

    /** Creates a token without the ownership check, by {@code actor} (e.g. the admin creating a bot). */
    @Transactional
    public NewApplicationToken createFor(User owner, String application, User actor) {
        return createFor(owner, application, actor, TokenOptions.UNRESTRICTED);
    }

    /** Creates a token with {@code options} without the ownership check, by {@code actor}. */
    @Transactional
    public NewApplicationToken createFor(User owner, String application, User actor, TokenOptions options) {
        FieldErrors errors = new FieldErrors();
        if (options.expiresAt() != null && !options.expiresAt().isAfter(DbTime.now())) {
            errors.add("expires_at", "must be in the future");
        }
        String app = application == null ? "" : application.trim();
        if (app.isEmpty()) {
            errors.add("application", "can't be blank");
        } else if (app.length() > 255) {
            errors.add("application", "is too long (maximum is 255 characters)");
        } else if (store.applicationTaken(owner.id(), app)) {
            errors.add("application", "has already been taken");
        }
        if (store.countByUser(owner.id()) >= MAX_PER_USER) {
            errors.add("base", "Users cannot have more than " + MAX_PER_USER + " application tokens");
        }
        errors.throwIfAny();
        String plain = Secrets.newToken();
        long id = store.insert(owner.id(), app, Secrets.sha256Hex(plain), options);
        events.publishEvent(new ApplicationTokenChanged("create", id, app, owner.id(), owner.username(), actor.id(),
                actor.username()));
        return new NewApplicationToken(id, app, plain, options.expiresAt(), options.scope());
    }

    @Transactional
    public void delete(User actor, long tokenId) {
        ApplicationToken token = store.byId(tokenId).orElseThrow(() -> new NotFoundException("Not found"));
        User owner = manageable(actor, token.userId());
        store.delete(tokenId);
        events.publishEvent(new ApplicationTokenChanged("destroy", tokenId, token.application(), owner.id(),
                owner.username(), actor.id(), actor.username()));
    }

    /** Every user's tokens, a page at a time, for admins. */
    public Page<ApplicationToken> listAll(User actor, PageQuery query) {
        administering(actor);
        return store.page(query);
    }

    /** Sortable attributes of {@link #listAll}. */
    public static Set<String> sortAttributes() {
        return ApplicationTokenStore.SORTS.attributes();
    }

    /** An admin revokes anyone's token ({@code destroy} activity, as a delete by its owner). */
    @Transactional
    public ApplicationToken revoke(User actor, long tokenId) {
        administering(actor);
        ApplicationToken token = store.byId(tokenId).orElseThrow(() -> new NotFoundException("Not found"));
        store.delete(tokenId);
        events.publishEvent(new ApplicationTokenChanged("destroy", tokenId, token.application(), token.userId(),
                token.ownerName(), actor.id(), actor.username()));
        return token;
    }

    /**
     * The {@code Portus-Auth: <username>:<token>} check: the user if the token is theirs, not expired, and they
     * are enabled and not locked.
     */
    public Optional<User> authenticate(String username, String token) {
        return authenticateToken(username, token).map(TokenLogin::user);
    }

    /** As {@link #authenticate}, with the token that matched (its scope and expiry). */
    public Optional<TokenLogin> authenticateToken(String username, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return logins.candidate(username, token)
                .filter(LoginCandidate::tokenMatched)
                .filter(c -> c.user().enabled() && !c.user().lockedAt(DbTime.now()))
                .map(c -> new TokenLogin(c.user(), c.matchedToken()));
    }

    /** A user signed in with one of their application tokens. */
    public record TokenLogin(User user, MatchedToken token) {
    }

    /** The token {@code tokenId} if it still exists and has not expired (refresh tokens made from it). */
    public Optional<MatchedToken> current(long tokenId) {
        return store.byId(tokenId).filter(t -> !t.expired(DbTime.now()))
                .map(t -> new MatchedToken(t.id(), t.scope(), t.expiresAt(), t.lastUsedAt()));
    }

    /**
     * Records that {@code token} was used from {@code address}: at most once per {@value #LAST_USED_SECONDS} s a
     * token, so a busy CI does not write on every request (the stored time decides, across instances).
     */
    public void used(MatchedToken token, String address) {
        Instant now = DbTime.now();
        Instant notBefore = now.minusSeconds(LAST_USED_SECONDS);
        if (token.lastUsedAt() != null && !token.lastUsedAt().isBefore(notBefore)) {
            return;
        }
        String ip = address == null ? null : address.length() > 64 ? address.substring(0, 64) : address;
        store.used(token.id(), now, ip, notBefore);
    }

    private void administering(User actor) {
        if (!policy.mayAdministerApplicationTokens(actor)) {
            throw new ForbiddenException("Authorization fails");
        }
    }

    private User manageable(User actor, long userId) {
        User owner = users.find(userId).orElseThrow(() -> new NotFoundException("Not found"));
        if (!policy.mayManageApplicationTokens(actor, owner)) {
            throw new ForbiddenException("Authorization fails");
        }
        return owner;
    }
}
