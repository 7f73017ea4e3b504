package io.portus.api;

import io.portus.account.User;
import io.portus.api.Json.MemberJson;
import io.portus.api.Json.NamespaceJson;
import io.portus.api.Json.TeamJson;
import io.portus.common.InvalidInputException;
import io.portus.namespace.NamespaceService;
import io.portus.namespace.RegistryService;
import io.portus.rules.NamespaceRulesService;
import io.portus.team.Role;
import io.portus.team.TeamDeletes;
import io.portus.team.TeamService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code /api/v1/teams}: teams, their members (owner/contributor/viewer) and their namespaces; delete (204, or
 * 409 naming the namespaces the team still owns; with {@code new_team} they move to that team first).
 */
@RestController
@RequestMapping("/api/v1/teams")
class TeamsApi {

    private final TeamService teams;
    private final NamespaceService namespaces;
    private final RegistryService registries;
    private final TeamDeletes deletes;
    private final NamespaceRulesService rules;

    TeamsApi(TeamService teams, NamespaceService namespaces, RegistryService registries, TeamDeletes deletes,
             NamespaceRulesService rules) {
        this.rules = rules;
        this.teams = teams;
        this.namespaces = namespaces;
        this.registries = registries;
        this.deletes = deletes;
    }

    @GetMapping
    ResponseEntity<List<TeamJson>> list(@ApiActor User actor, ApiParams params) {
        return Paging.page(params, TeamService.sortAttributes(), q -> teams.page(actor, q).map(TeamJson::of));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"name! team name",
            "description",
            "owner_id:integer owner other than the caller (admins only)"})
    ResponseEntity<TeamJson> create(@ApiActor User actor, ApiParams params) {
        var team = teams.create(actor, params.required("name"), params.string("description"), params.number("owner_id"));
        return ResponseEntity.status(HttpStatus.CREATED).body(TeamJson.of(team));
    }

    @GetMapping("/{id}")
    TeamJson show(@ApiActor User actor, @PathVariable long id) {
        return TeamJson.of(teams.show(actor, id));
    }

    @PutMapping("/{id}")
    @ApiFields({"team[name]",
            "team[description]"})
    TeamJson update(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        return TeamJson.of(teams.update(actor, id, params.string("team[name]"), params.string("team[description]")));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiFields({"new_team name of the team that gets the namespaces of the deleted team (without it, a team that "
            + "owns namespaces is not deleted: 409)"})
    ResponseEntity<Void> delete(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        deletes.delete(actor, id, params.string("new_team"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/members")
    List<MemberJson> members(@ApiActor User actor, @PathVariable long id) {
        return teams.members(actor, id).stream().map(MemberJson::of).toList();
    }

    @PostMapping("/{id}/members")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"user! user name of the new member",
            "role! viewer, contributor or owner"})
    ResponseEntity<MemberJson> addMember(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        var member = teams.addMember(actor, id, params.required("user"), role(params));
        return ResponseEntity.status(HttpStatus.CREATED).body(MemberJson.of(member));
    }

    @PutMapping("/{id}/members/{memberId}")
    @ApiFields({"role! viewer, contributor or owner"})
    MemberJson updateMember(@ApiActor User actor, @PathVariable long id, @PathVariable long memberId, ApiParams params) {
        return MemberJson.of(teams.updateMember(actor, id, memberId, role(params)));
    }

    @DeleteMapping("/{id}/members/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeMember(@ApiActor User actor, @PathVariable long id, @PathVariable long memberId) {
        teams.removeMember(actor, id, memberId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/namespaces")
    List<NamespaceJson> namespaces(@ApiActor User actor, @PathVariable long id) {
        teams.show(actor, id);
        return namespaces.ofTeam(id).stream()
                .map(n -> NamespaceJson.of(n, registries.get(n.registryId()).hostname(), rules.of(n.id()))).toList();
    }

    private static Role role(ApiParams params) {
        String role = params.required("role");
        return Role.parse(role).orElseThrow(() -> InvalidInputException.of("role",
                "'" + role + "' is not a role (viewer, contributor or owner)"));
    }
}
