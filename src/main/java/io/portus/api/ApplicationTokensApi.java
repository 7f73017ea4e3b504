package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.TokenOptions;
import io.portus.account.TokenScope;
import io.portus.account.User;
import io.portus.api.TokenJsons.NewTokenJson;
import io.portus.api.TokenJsons.ScopeJson;
import io.portus.api.TokenJsons.TokenJson;
import io.portus.common.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * Application tokens: list and create for yourself (or, as an admin, for a bot), delete your own (or a
 * bot's as an admin). Portus 2.4+ checked none of this (docs/compatibility.md#application-tokens). Creation
 * takes the optional {@code expires_at} or {@code expires_in_days} and {@code scopes} (a JSON array of
 * {@link ScopeJson}, or the compact {@code ns:pull,push ns/app:pull} text in a form); admins list and revoke
 * every user's tokens under {@code /api/v1/application_tokens}.
 */
@RestController
class ApplicationTokensApi {

    private static final TypeReference<List<ScopeJson>> SCOPES = new TypeReference<>() {
    };

    private final ApplicationTokenService tokens;
    private final JsonMapper json;

    ApplicationTokensApi(ApplicationTokenService tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    @GetMapping("/api/v1/users/{id}/application_tokens")
    List<TokenJson> list(@ApiActor User actor, @PathVariable long id) {
        return tokens.list(actor, id).stream().map(TokenJson::of).toList();
    }

    @PostMapping("/api/v1/users/{id}/application_tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"application! name of the token",
            "expires_at date or time the token expires (ISO 8601)",
            "expires_in_days:integer days until it expires",
            "scopes:array what the token may do: [{namespace, repository, actions}]; none = everything its user may"})
    ResponseEntity<NewTokenJson> create(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        String application = params.required("application");
        if (params.nested("scopes")) {
            throw InvalidInputException.of("scopes", "must be a list of scopes, not a single object");
        }
        TokenOptions options = new TokenOptions(
                TokenOptions.expiry(params.string("expires_at"), params.string("expires_in_days")),
                scopes(params.string("scopes")));
        return ResponseEntity.status(HttpStatus.CREATED).body(NewTokenJson.of(tokens.create(actor, id, application, options)));
    }

    @DeleteMapping("/api/v1/users/application_tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id) {
        tokens.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** Every user's tokens (admins), paged as the other lists, with their owners. */
    @GetMapping("/api/v1/application_tokens")
    ResponseEntity<List<TokenJson>> all(@ApiActor(admin = true) User actor, ApiParams params) {
        return Paging.page(params, ApplicationTokenService.sortAttributes(), q -> tokens.listAll(actor, q).map(TokenJson::of));
    }

    /** An admin revokes anyone's token. */
    @DeleteMapping("/api/v1/application_tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> revoke(@ApiActor(admin = true) User actor, @PathVariable long id) {
        tokens.revoke(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** null or empty: no scope; a JSON array of scope objects; or the compact text form. */
    private TokenScope scopes(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (!text.startsWith("[")) {
            return TokenScope.parse(text);
        }
        List<ScopeJson> parsed;
        try {
            parsed = json.readValue(text, SCOPES);
        } catch (JacksonException e) {
            throw InvalidInputException.of("scopes",
                    "must be a list of {\"namespace\": ..., \"repository\": ... or null, \"actions\": [\"pull\", ...]}");
        }
        return new TokenScope(parsed.stream().map(s -> {
            if (s == null) {
                throw InvalidInputException.of("scopes", "must not contain null");
            }
            return s.rule();
        }).toList());
    }
}
