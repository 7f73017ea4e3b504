package io.portus.api;

import io.portus.account.User;
import io.portus.ldap.LdapTeamChecks;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portus 2.5's {@code POST /api/v1/teams/:id/ldap_check}: "Disables any LDAP check for the team". 200 (empty
 * body), 401 without credentials, 403 unless the caller may update the team, 404 for an unknown team, 405 when
 * LDAP or its group sync is off.
 */
@RestController
class LdapCheckApi {

    private final LdapTeamChecks checks;

    LdapCheckApi(LdapTeamChecks checks) {
        this.checks = checks;
    }

    @PostMapping("/api/v1/teams/{id}/ldap_check")
    ResponseEntity<Void> disable(@ApiActor User actor, @PathVariable long id) {
        checks.disableCheck(actor, id);
        return ResponseEntity.ok().build();
    }
}
