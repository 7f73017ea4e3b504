package io.portus.auth.token;

import java.util.Arrays;
import java.util.List;

import io.portus.account.User;
import io.portus.auth.RegistryTokens;
import io.portus.auth.scope.InvalidScopeException;
import io.portus.auth.scope.Scope;
import io.portus.auth.scope.Scopes;
import org.springframework.stereotype.Component;

/** {@link RegistryTokens} from this instance's {@link TokenIssuer}: subject {@code portus}, the scopes asked for. */
@Component
class PortusRegistryTokens implements RegistryTokens {

    private final TokenIssuer issuer;

    PortusRegistryTokens(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public String forPortus(String service, String scopes) {
        List<String> raw = scopes == null || scopes.isBlank() ? List.of()
                : Arrays.stream(scopes.trim().split("\\s+")).toList();
        List<Scope> access;
        try {
            access = Scopes.parseRequested(raw);
        } catch (InvalidScopeException e) {
            throw new IllegalArgumentException("registry asked for an invalid scope: " + e.getMessage(), e);
        }
        return issuer.issue(User.PORTUS, service == null ? "" : service, access).token();
    }
}
