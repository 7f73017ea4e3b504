package io.portus.account;

import io.portus.common.InvalidInputException;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a {@link TokenScope}: a namespace ({@code repository} null: every repository in it) or one
 * repository of it, and the registry actions allowed there. Names follow the registry's rules: the
 * namespace as Portus's namespace names, the repository as distribution path components
 * ({@code a/b} allowed), lower case.
 */
public record ScopeRule(String namespace, String repository, Set<Action> actions) {

    /** The registry actions a token may be scoped to. */
    public enum Action {
        PULL, PUSH, DELETE;

        public String registryName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The action named {@code name} (pull, push, delete), or null. */
        public static Action of(String name) {
            for (Action a : values()) {
                if (a.registryName().equals(name)) {
                    return a;
                }
            }
            return null;
        }
    }

    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final int MAX_NAME = 255;

    public ScopeRule {
        actions = Collections.unmodifiableSet(actions.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(actions));
    }

    /** Validates the parts, naming the first problem for a person to fix. */
    public static ScopeRule of(String namespace, String repository, List<String> actionNames) {
        String ns = namespace == null ? "" : namespace.trim();
        if (ns.isEmpty()) {
            throw invalid("a scope needs a namespace");
        }
        if (ns.length() > MAX_NAME || !NAMESPACE.matcher(ns).matches()) {
            throw invalid("namespace " + quote(ns) + " is not a valid namespace name "
                    + "(lower case letters and digits, with '.', '_' or '-' between them)");
        }
        String repo = repository == null || repository.isBlank() ? null : repository.trim();
        if (repo != null) {
            if (repo.startsWith(ns + "/")) {
                repo = repo.substring(ns.length() + 1);
            }
            if (!validRepository(repo) || ns.length() + 1 + repo.length() > MAX_NAME) {
                throw invalid("repository " + quote(repo) + " is not a valid repository name "
                        + "(lower case path components such as app or tools/app)");
            }
        }
        if (actionNames == null || actionNames.isEmpty()) {
            throw invalid("scope " + target(ns, repo) + " needs at least one action (pull, push, delete)");
        }
        Set<Action> actions = new LinkedHashSet<>();
        for (String name : actionNames) {
            Action a = Action.of(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
            if (a == null) {
                throw invalid("action " + quote(name) + " is not one of pull, push, delete");
            }
            actions.add(a);
        }
        return new ScopeRule(ns, repo, actions);
    }

    /** {@code ns} or {@code ns/repo}. */
    public String target() {
        return target(namespace, repository);
    }

    /** Whether this rule covers the repository {@code fullName} ({@code ns/...}). */
    public boolean covers(String fullName) {
        return repository == null ? fullName.startsWith(namespace + "/") : fullName.equals(namespace + "/" + repository);
    }

    public List<String> actionNames() {
        return actions.stream().map(Action::registryName).toList();
    }

    private static boolean validRepository(String repo) {
        if (repo.isEmpty() || repo.length() > MAX_NAME) {
            return false;
        }
        for (String component : repo.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                return false;
            }
        }
        return true;
    }

    private static String target(String ns, String repo) {
        return repo == null ? ns : ns + "/" + repo;
    }

    private static String quote(String s) {
        String v = s == null ? "" : s;
        return "'" + (v.length() > 80 ? v.substring(0, 80) + "…" : v) + "'";
    }

    /** A scope a person must correct: 422 with the message under {@code scopes}. */
    static InvalidInputException invalid(String message) {
        return InvalidInputException.of("scopes", message);
    }
}
