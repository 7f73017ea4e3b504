package io.portus.web.support;

import io.portus.account.ScopeRule;
import io.portus.account.TokenOptions;
import io.portus.account.TokenScope;
import io.portus.common.InvalidInputException;

import java.time.Instant;
import java.util.List;

/**
 * The expiry and scope fields of the token forms ({@code layout/token_fields.jte}): {@code expiry} never, 7, 30,
 * 90 or custom (then {@code expires_on}, a date: the token works until the end of that day, UTC), and one scope rule
 * ({@code scope_namespace}, optional {@code scope_repository}, {@code scope_actions}) unless {@code scope} is
 * {@code all}. The API takes up to {@value TokenScope#MAX_RULES} rules; the form one, which is what CI jobs need.
 */
public record TokenForm(String expiry, String expiresOn, String scope, String namespace, String repository,
                        List<String> actions) {

    /**
     * The options asked for.
     *
     * @param scopeRequired a bot's token: "everything" only when chosen explicitly ({@code scope=all})
     */
    public TokenOptions options(boolean scopeRequired) {
        return new TokenOptions(expiresAt(), scope(scopeRequired));
    }

    private Instant expiresAt() {
        String e = expiry == null ? "never" : expiry.trim();
        return switch (e) {
            case "", "never" -> null;
            case "7", "30", "90" -> TokenOptions.expiry(null, e);
            case "custom" -> {
                if (expiresOn == null || expiresOn.isBlank()) {
                    throw InvalidInputException.of("expires_on", "needs a date when the expiry is custom");
                }
                yield TokenOptions.expiry(expiresOn, null);
            }
            default -> throw InvalidInputException.of("expiry", "must be never, 7, 30, 90 or custom");
        };
    }

    private TokenScope scope(boolean required) {
        boolean all = "all".equals(scope);
        boolean noNamespace = namespace == null || namespace.isBlank();
        if (all) {
            return null;
        }
        if (noNamespace) {
            if (required || "scoped".equals(scope)) {
                throw InvalidInputException.of("scopes", "need a namespace (or choose \"everything the user may do\")");
            }
            return null;
        }
        return new TokenScope(List.of(ScopeRule.of(namespace, repository, actions == null ? List.of() : actions)));
    }
}
