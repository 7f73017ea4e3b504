package io.portus.account;

import io.portus.account.internal.PasswordHashing;
import io.portus.account.internal.UserRow;
import io.portus.account.internal.UserStore;
import io.portus.common.FieldErrors;
import io.portus.common.ForbiddenException;
import io.portus.common.NotFoundException;
import io.portus.common.RuleViolationException;
import io.portus.common.Secrets;
import io.portus.common.Page;
import io.portus.common.PageQuery;
import io.portus.common.Slice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Users: create (with their personal namespace, through {@link UserCreated}), read, update, delete, and
 * the admin/enabled switches with Portus's rules. The hidden {@code portus} user is never listed, counted
 * or changed here (see {@link PortusUser}).
 */
@Service
public class UserService {

    private final UserStore store;
    private final PasswordHashing hashing;
    private final ApplicationEventPublisher events;
    private final AccountPolicy policy;

    UserService(UserStore store, PasswordHashing hashing, ApplicationEventPublisher events, AccountPolicy policy) {
        this.policy = policy;
        this.store = store;
        this.hashing = hashing;
        this.events = events;
    }

    /** A user who creates themselves (sign-up, first admin, operator). */
    @Transactional
    public User create(NewUser n) {
        return create(n, null);
    }

    /** @param actor the admin creating the user, or null when the user creates themselves */
    @Transactional
    public User create(NewUser n, User actor) {
        FieldErrors errors = new FieldErrors();
        UserRules.username(n.username(), errors);
        UserRules.email(n.email(), errors);
        UserRules.password(n.password(), errors);
        UserRules.displayName(n.displayName(), errors);
        if (n.username() != null && n.username().equalsIgnoreCase(User.PORTUS)) {
            errors.add("username", "is reserved");
        }
        if (errors.isEmpty()) {
            checkUnique(n.username(), n.email(), 0, errors);
        }
        errors.throwIfAny();
        long id = store.insert(n.username(), n.email().trim(), hashing.hash(n.password()),
                UserRules.blankToNull(n.displayName()), n.admin(), n.bot(), Secrets.newToken(16));
        User user = get(id);
        events.publishEvent(actor == null ? new UserCreated(user, user.id(), user.username())
                : new UserCreated(user, actor.id(), actor.username()));
        return get(id);
    }

    public Optional<User> find(long id) {
        return store.byId(id).map(UserRow::user).filter(u -> !u.portus());
    }

    public User get(long id) {
        return store.byId(id).map(UserRow::user).orElseThrow(() -> new NotFoundException("Not found"));
    }

    public Optional<User> findByUsername(String username) {
        return store.byUsername(username).map(UserRow::user);
    }

    /** Portus's {@code GET /api/v1/users/:id}: a numeric id or an email. */
    public Optional<User> findByIdOrEmail(String idOrEmail) {
        if (idOrEmail.matches("[0-9]{1,18}")) {
            Optional<User> byId = find(Long.parseLong(idOrEmail));
            if (byId.isPresent()) {
                return byId;
            }
        }
        return store.byEmail(idOrEmail).map(UserRow::user).filter(u -> !u.portus());
    }

    public List<User> list() {
        return store.listVisible().stream().map(UserRow::user).toList();
    }

    /** A page of {@link #list()}, by id. */
    public Slice<User> page(int offset, int limit) {
        int o = Slice.safeOffset(offset);
        int l = Slice.safeLimit(limit);
        return Slice.of(store.pageVisible(o, l).stream().map(UserRow::user).toList(), o, l);
    }

    /** Attributes {@link #page(PageQuery)} sorts by. */
    public static java.util.Set<String> sortAttributes() {
        return UserStore.SORTS.attributes();
    }

    /** A page of {@link #list()} read in the database, in the order asked for. */
    public Page<User> page(PageQuery query) {
        return store.pageVisible(query).map(UserRow::user);
    }

    /** Users other than {@code portus}. */
    public long count() {
        return store.countVisible();
    }

    @Transactional
    public User update(long id, UserUpdate u) {
        User current = visible(id);
        FieldErrors errors = new FieldErrors();
        String username = u.username() == null ? current.username() : u.username();
        String email = u.email() == null ? current.email() : u.email();
        String displayName = u.displayName() == null ? current.displayName() : UserRules.blankToNull(u.displayName());
        if (u.username() != null) {
            UserRules.username(username, errors);
            if (username.equalsIgnoreCase(User.PORTUS)) {
                errors.add("username", "is reserved");
            }
        }
        if (u.email() != null) {
            UserRules.email(email, errors);
        }
        if (u.password() != null) {
            UserRules.password(u.password(), errors);
        }
        UserRules.displayName(displayName, errors);
        if (errors.isEmpty()) {
            checkUnique(username, email, id, errors);
        }
        errors.throwIfAny();
        store.updateProfile(id, username, email == null ? null : email.trim(), displayName);
        if (u.password() != null) {
            store.updatePassword(id, hashing.hash(u.password()), Secrets.newToken(16));
        }
        return get(id);
    }

    /** Sets a new password; refresh tokens and cached verifications of the old one stop working at once. */
    @Transactional
    public void changePassword(long id, String password) {
        update(id, new UserUpdate(null, null, password, null));
    }

    @Transactional
    public void delete(User actor, long id) {
        User target = visible(id);
        if (target.id() == actor.id()) {
            throw new RuleViolationException("You cannot remove yourself");
        }
        if (target.admin() && target.enabled() && store.countEnabledAdmins() <= 1) {
            throw new RuleViolationException("Cannot remove the last admin");
        }
        store.delete(id);
        events.publishEvent(new UserDeleted(id, target.username(), actor.id(), actor.username()));
    }

    /** Portus's toggle_admin (not on yourself); keeps the global teams' owners in step. */
    @Transactional
    public User setAdmin(User actor, long id, boolean admin) {
        User target = visible(id);
        if (target.id() == actor.id()) {
            throw new ForbiddenException("You cannot change your own admin rights");
        }
        return changeAdmin(target, admin, actor.id(), actor.username());
    }

    /** Sets the admin flag without the "not yourself" rule (operator commands, bootstrap). */
    @Transactional
    public User changeAdmin(User target, boolean admin) {
        return changeAdmin(target, admin, null, User.PORTUS);
    }

    private User changeAdmin(User target, boolean admin, Long actorId, String actorName) {
        if (target.admin() != admin) {
            store.updateAdmin(target.id(), admin);
            events.publishEvent(new UserAdminChanged(get(target.id()), actorId, actorName));
        }
        return get(target.id());
    }

    /**
     * Portus's toggle_enabled: users may disable themselves unless they are the last admin; only admins
     * disable others or enable anyone; {@code portus} never changes. Disabling revokes refresh tokens.
     */
    @Transactional
    public User setEnabled(User actor, long id, boolean enabled) {
        User target = visible(id);
        if (target.enabled() == enabled) {
            return target;
        }
        boolean self = target.id() == actor.id();
        if (!enabled && self && target.admin() && store.countEnabledAdmins() <= 1) {
            throw new RuleViolationException("You cannot disable the last admin");
        }
        if (!policy.mayChangeEnabled(actor, target, enabled)) {
            throw new ForbiddenException("Only admins can enable or disable other users");
        }
        store.updateEnabled(id, enabled, Secrets.newToken(16));
        User changed = get(id);
        events.publishEvent(new UserEnabledChanged(changed, actor.id(), actor.username()));
        return changed;
    }

    /** Records the user's personal namespace (set by the namespace module). */
    @Transactional
    public void setPersonalNamespace(long userId, long namespaceId) {
        store.updateNamespace(userId, namespaceId);
    }

    private User visible(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Not found"));
    }

    private void checkUnique(String username, String email, long exceptId, FieldErrors errors) {
        if (store.usernameTaken(username, exceptId)) {
            errors.add("username", "has already been taken");
        }
        if (email != null && store.emailTaken(email.trim(), exceptId)) {
            errors.add("email", "has already been taken");
        }
    }
}
