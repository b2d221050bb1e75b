package org.mandate.access;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Users and grants over HTTP, for administrators within their scope. */
@RestController
@RequestMapping("/api/users")
class UserAdminApi {
    private final UserAdmin admin;

    UserAdminApi(UserAdmin admin) {
        this.admin = admin;
    }

    record NewUser(
            @Nullable String username,
            @Nullable String displayName,
            @Nullable String password) {}

    record NewGrant(@Nullable String role, @Nullable Long unit) {}

    @GetMapping
    @Operation(summary = "Users with a grant within the administrator's scope")
    List<UserAdmin.UserView> list() {
        return admin.list();
    }

    @PostMapping
    @Operation(summary = "Add a user; they choose a new password at the first sign-in")
    ResponseEntity<UserAdmin.UserView> create(@RequestBody NewUser u) {
        var created = admin.create(
                u.username() == null ? "" : u.username().strip(),
                u.displayName() == null ? "" : u.displayName(),
                u.password() == null ? "" : u.password());
        return ResponseEntity.created(URI.create("/api/users/" + created.username()))
                .body(created);
    }

    @PostMapping("/{username}/grants")
    @Operation(summary = "Grant a role at a unit (no unit: the whole country)")
    ResponseEntity<Grant> grant(@PathVariable String username, @RequestBody NewGrant g) {
        if (g.role() == null) {
            throw InputProblem.field("role", "missing: one of admin, office, leader, reporter, viewer");
        }
        Role role;
        try {
            role = Role.of(g.role().strip());
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("role", e.getMessage());
        }
        return ResponseEntity.status(201).body(admin.grant(username, role, g.unit()));
    }

    @DeleteMapping("/{username}/grants/{grantId}")
    @Operation(summary = "Take a grant away")
    ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable long grantId) {
        admin.revoke(username, grantId);
        return ResponseEntity.noContent().build();
    }
}
