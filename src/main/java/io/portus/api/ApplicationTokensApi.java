package io.portus.api;

import io.portus.account.ApplicationTokenService;
import io.portus.account.User;
import io.portus.api.Json.NewTokenJson;
import io.portus.api.Json.TokenJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Application tokens: list and create for yourself (or, as an admin, for a bot), delete your own (or a
 * bot's as an admin). Portus 2.4+ checked none of this (docs/compatibility.md#application-tokens).
 */
@RestController
class ApplicationTokensApi {

    private final ApplicationTokenService tokens;

    ApplicationTokensApi(ApplicationTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/api/v1/users/{id}/application_tokens")
    List<TokenJson> list(@ApiActor User actor, @PathVariable long id) {
        return tokens.list(actor, id).stream().map(TokenJson::of).toList();
    }

    @PostMapping("/api/v1/users/{id}/application_tokens")
    ResponseEntity<NewTokenJson> create(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(NewTokenJson.of(tokens.create(actor, id, params.required("application"))));
    }

    @DeleteMapping("/api/v1/users/application_tokens/{id}")
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id) {
        tokens.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
