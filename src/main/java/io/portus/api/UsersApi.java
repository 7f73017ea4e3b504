package io.portus.api;

import io.portus.account.FirstAdmin;
import io.portus.account.NewUser;
import io.portus.account.User;
import io.portus.account.UserService;
import io.portus.account.UserUpdate;
import io.portus.api.TokenJsons.NewTokenJson;
import io.portus.api.Json.UserJson;
import io.portus.common.NotFoundException;
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
 * {@code /api/v1/users}: admins list, show (by id or email), create, update and delete users, and switch
 * the admin and enabled flags; {@code POST /bootstrap} creates the first admin while nobody exists.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersApi {

    private final UserService users;
    private final FirstAdmin firstAdmin;

    UsersApi(UserService users, FirstAdmin firstAdmin) {
        this.users = users;
        this.firstAdmin = firstAdmin;
    }

    @GetMapping
    ResponseEntity<List<UserJson>> list(@ApiActor(admin = true) User actor, ApiParams params) {
        return Paging.page(params, UserService.sortAttributes(), q -> users.page(q).map(UserJson::of));
    }

    @GetMapping("/{id}")
    UserJson show(@ApiActor(admin = true) User actor, @PathVariable String id) {
        return users.findByIdOrEmail(id).map(UserJson::of).orElseThrow(() -> new NotFoundException("Not found"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"user[username]!",
            "user[email]!",
            "user[password]!",
            "user[display_name]",
            "user[bot]:boolean a bot (no password sign-in)"})
    ResponseEntity<UserJson> create(@ApiActor(admin = true) User actor, ApiParams params) {
        User user = users.create(new NewUser(params.required("user[username]"), params.required("user[email]"),
                params.required("user[password]"), params.string("user[display_name]"), false,
                Boolean.TRUE.equals(params.bool("user[bot]"))), actor);
        return ResponseEntity.status(HttpStatus.CREATED).body(UserJson.of(user));
    }

    @PutMapping("/{id}")
    @ApiFields({"user[username]",
            "user[email]",
            "user[password]",
            "user[display_name]"})
    UserJson update(@ApiActor(admin = true) User actor, @PathVariable long id, ApiParams params) {
        return UserJson.of(users.update(id, new UserUpdate(params.string("user[username]"), params.string("user[email]"),
                params.string("user[password]"), params.string("user[display_name]"))));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@ApiActor(admin = true) User actor, @PathVariable long id) {
        users.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    /** Portus's "toggle admin" (not on yourself); {@code admin=true|false} sets the value instead. */
    @PutMapping("/{id}/toggle_admin")
    @ApiFields({"admin:boolean the new value (default: the opposite)"})
    UserJson toggleAdmin(@ApiActor(admin = true) User actor, @PathVariable long id, ApiParams params) {
        User target = users.find(id).orElseThrow(() -> new NotFoundException("Not found"));
        Boolean value = params.bool("admin");
        return UserJson.of(users.setAdmin(actor, id, value == null ? !target.admin() : value));
    }

    /** Portus's "toggle enabled": yourself (unless the last admin), or anyone when admin. */
    @PutMapping("/{id}/toggle_enabled")
    @ApiFields({"enabled:boolean the new value (default: the opposite)"})
    UserJson toggleEnabled(@ApiActor User actor, @PathVariable long id, ApiParams params) {
        User target = users.find(id).orElseThrow(() -> new NotFoundException("Not found"));
        Boolean value = params.bool("enabled");
        return UserJson.of(users.setEnabled(actor, id, value == null ? !target.enabled() : value));
    }

    @PostMapping("/bootstrap")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiFields({"user[username]!",
            "user[email]!",
            "user[password]!",
            "user[display_name]"})
    ResponseEntity<NewTokenJson> bootstrap(ApiParams params) {
        var token = firstAdmin.bootstrap(params.required("user[username]"), params.required("user[email]"),
                params.required("user[password]"), params.string("user[display_name]"));
        return ResponseEntity.status(HttpStatus.CREATED).body(NewTokenJson.of(token));
    }
}
