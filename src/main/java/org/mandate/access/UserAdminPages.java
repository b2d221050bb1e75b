package org.mandate.access;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.mandate.organization.UnitVersion;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of user administration: the users in the administrator's scope with their grants, a
 * form to add a user, one to grant a role at a unit found by name (only units the administrator
 * may grant at are offered), and a button per grant to take it away. Every change goes through
 * {@link UserAdmin}, the same rules and audit as {@code /api/users}.
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {
    private static final int UNIT_CHOICES = 15;

    private final UserAdmin admin;
    private final UnitCatalog catalog;

    UserAdminPages(UserAdmin admin, UnitCatalog catalog) {
        this.admin = admin;
        this.catalog = catalog;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("users", admin.list());
        model.addAttribute("roles", Role.values());
        model.addAttribute("wholeCountry", admin.managesWholeCountry());
        if (!model.containsAttribute("problem")) {
            model.addAttribute("problem", null);
        }
        return "users";
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String password,
            Model model,
            RedirectAttributes redirect) {
        try {
            admin.create(username.strip(), displayName, password);
        } catch (InputProblem | Conflict e) {
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("newUsername", username);
            model.addAttribute("newDisplayName", displayName);
            return page(model);
        }
        redirect.addAttribute("added", username.strip());
        return "redirect:/admin/users";
    }

    @PostMapping("/grants")
    String grant(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(required = false) @Nullable String unit,
            Model model) {
        Role chosen;
        try {
            chosen = Role.of(role);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("role", e.getMessage());
        }
        if (unit == null || unit.isBlank()) {
            model.addAttribute("problem", "unit: pick the unit of the grant from the search results");
            return page(model);
        }
        Long unitId;
        if (unit.equals("country")) {
            unitId = null;
        } else {
            try {
                unitId = Long.parseLong(unit);
            } catch (NumberFormatException e) {
                throw InputProblem.field("unit", "a unit id or 'country', not '" + unit + "'");
            }
        }
        admin.grant(username, chosen, unitId);
        return "redirect:/admin/users#user-" + username;
    }

    @PostMapping("/{username}/grants/{grantId}/revoke")
    String revoke(@PathVariable String username, @PathVariable long grantId) {
        admin.revoke(username, grantId);
        return "redirect:/admin/users#user-" + username;
    }

    /** Units named like the text, today, where the administrator may grant: choices for the grant form. */
    @GetMapping("/units")
    String units(@RequestParam(defaultValue = "") String q, Model model) {
        List<UnitVersion> found = new ArrayList<>();
        if (q.strip().length() >= 2) {
            var today = Scopes.today();
            for (Hierarchy hierarchy : Hierarchy.values()) {
                found.addAll(catalog.find(new UnitQuery(today, hierarchy, null, null, q.strip(), 0, UNIT_CHOICES))
                        .items());
            }
        }
        // one scope query for every candidate (none at all, as before, when nothing was found)
        var grantable = found.isEmpty()
                ? java.util.Set.<Long>of()
                : admin.mayGrantAt(found.stream().map(UnitVersion::id).toList());
        model.addAttribute("q", q);
        model.addAttribute(
                "units",
                found.stream()
                        .filter(u -> grantable.contains(u.id()))
                        .limit(UNIT_CHOICES)
                        .toList());
        return "users :: units";
    }
}
