package org.mandate.access;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.shared.InputProblem;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, one's own account: grants, API tokens, password. */
@Controller
class AccountPages {
    static final int MIN_PASSWORD = 12;

    private final Users users;
    private final ApiTokens tokens;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountPages(Users users, ApiTokens tokens, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.tokens = tokens;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, @RequestParam(required = false) String error, Model model) {
        var session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("locked", error != null && failure instanceof LockedException);
        model.addAttribute("failed", error != null && !(failure instanceof LockedException));
        return "login";
    }

    /** {@code ?kind=feed} (the link of a unit's calendar feed) offers a feed token first. */
    @GetMapping("/account")
    String account(Principal principal, @RequestParam(defaultValue = "api") String kind, Model model) {
        model.addAttribute("kind", kind(kind));
        return show(principal.getName(), model);
    }

    private static TokenKind kind(String code) {
        try {
            return TokenKind.of(code);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("kind", e.getMessage());
        }
    }

    private String show(String user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("kinds", TokenKind.values());
        if (!model.containsAttribute("kind")) {
            model.addAttribute("kind", TokenKind.API);
        }
        model.addAttribute("grants", users.grants(user));
        model.addAttribute("tokens", tokens.of(user));
        return "account";
    }

    @PostMapping("/account/tokens")
    String issue(
            Principal principal,
            @RequestParam String label,
            @RequestParam int days,
            @RequestParam(defaultValue = "api") String kind,
            Model model) {
        TokenKind chosen = kind(kind);
        var issued = tokens.issue(principal.getName(), chosen, label.strip(), days, principal.getName());
        model.addAttribute("issued", issued.token());
        model.addAttribute("kind", chosen);
        return show(principal.getName(), model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Principal principal, @PathVariable long id) {
        tokens.revoke(principal.getName(), id, principal.getName());
        return "redirect:/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Principal principal, Model model) {
        model.addAttribute(
                "mustChange",
                users.find(principal.getName())
                        .map(Users.AppUser::mustChangePassword)
                        .orElse(false));
        model.addAttribute("problem", null);
        return "password";
    }

    @PostMapping("/account/password")
    @Transactional
    String changePassword(
            Principal principal,
            @RequestParam String current,
            @RequestParam String password,
            @RequestParam String repeat,
            Model model) {
        var user = users.find(principal.getName()).orElseThrow();
        String problem = null;
        if (!encoder.matches(current, user.passwordHash())) {
            problem = "password.wrongCurrent";
        } else if (password.length() < MIN_PASSWORD) {
            problem = "password.tooShort";
        } else if (!password.equals(repeat)) {
            problem = "password.mismatch";
        }
        if (problem != null) {
            model.addAttribute("mustChange", user.mustChangePassword());
            model.addAttribute("problem", problem);
            return "password";
        }
        users.setPassword(user.username(), encoder.encode(password), false);
        audit.record(AuditRecord.of(user.username(), "password_changed", "app_user", user.id(), "{}"));
        model.addAttribute("changed", true);
        return show(user.username(), model);
    }
}
