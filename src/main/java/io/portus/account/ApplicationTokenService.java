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

import java.util.List;
import java.util.Optional;

/**
 * Application tokens: random 256-bit secrets, stored as SHA-256, shown once, at most
 * {@value #MAX_PER_USER} per user. A user manages their own; admins also manage those of bots
 * (Portus 2.4+ forgot this ownership check, docs/compatibility.md#application-tokens).
 */
@Service
public class ApplicationTokenService {

    public static final int MAX_PER_USER = 5;

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
        return createFor(manageable(actor, userId), application, actor);
    }

    /** Creates a token without the ownership check (bootstrap, operator commands), as its owner. */
    @Transactional
    public NewApplicationToken createFor(User owner, String application) {
        return createFor(owner, application, owner);
    }

    /** Creates a token without the ownership check, by {@code actor} (e.g. the admin creating a bot). */
    @Transactional
    public NewApplicationToken createFor(User owner, String application, User actor) {
        FieldErrors errors = new FieldErrors();
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
        long id = store.insert(owner.id(), app, Secrets.sha256Hex(plain));
        events.publishEvent(new ApplicationTokenChanged("create", id, app, owner.id(), owner.username(), actor.id(),
                actor.username()));
        return new NewApplicationToken(id, app, plain);
    }

    @Transactional
    public void delete(User actor, long tokenId) {
        ApplicationToken token = store.byId(tokenId).orElseThrow(() -> new NotFoundException("Not found"));
        User owner = manageable(actor, token.userId());
        store.delete(tokenId);
        events.publishEvent(new ApplicationTokenChanged("destroy", tokenId, token.application(), owner.id(),
                owner.username(), actor.id(), actor.username()));
    }

    /**
     * The {@code Portus-Auth: <username>:<token>} check: the user if the token is theirs and they are
     * enabled and not locked.
     */
    public Optional<User> authenticate(String username, String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return logins.candidate(username, token)
                .filter(LoginCandidate::tokenMatched)
                .map(LoginCandidate::user)
                .filter(u -> u.enabled() && !u.lockedAt(DbTime.now()));
    }

    private User manageable(User actor, long userId) {
        User owner = users.find(userId).orElseThrow(() -> new NotFoundException("Not found"));
        if (!policy.mayManageApplicationTokens(actor, owner)) {
            throw new ForbiddenException("Authorization fails");
        }
        return owner;
    }
}
