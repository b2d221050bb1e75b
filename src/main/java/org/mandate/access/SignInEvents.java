package org.mandate.access;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.springframework.boot.json.JsonWriter;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed sign-ins (locking the account after {@link Users#MAX_FAILURES}) and audits every attempt. */
@Component
class SignInEvents {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final Users users;
    private final AuditLog audit;

    SignInEvents(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        users.succeeded(name);
        audit.recordEvent(AuditRecord.of(name, "login", "app_user", null, "{}"));
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        var lockedUntil = users.failed(name);
        String detail = lockedUntil
                .map(t -> JsonWriter.standard()
                        .writeToString(Map.of("lockedUntil", TIME.format(t.atZone(Scopes.VIETNAM)))))
                .orElse("{}");
        audit.recordEvent(AuditRecord.of(attempted(name), "login_failed", "app_user", null, detail));
    }

    /** Longest name kept of a failed attempt; user names are at most 40 characters. */
    static final int MAX_ATTEMPTED = 64;

    /**
     * The name typed in a failed attempt, as the audit log keeps it: characters a user name cannot
     * hold replaced by '?', and cut to {@link #MAX_ATTEMPTED} with the length it had, so that
     * whatever is typed into the form cannot fill the log.
     */
    static String attempted(String name) {
        String safe = name.codePoints()
                .limit(MAX_ATTEMPTED + 1L)
                .collect(
                        StringBuilder::new,
                        (b, c) -> b.appendCodePoint(Character.isLetterOrDigit(c) || "._@-".indexOf(c) >= 0 ? c : '?'),
                        StringBuilder::append)
                .toString();
        if (safe.codePointCount(0, safe.length()) <= MAX_ATTEMPTED) {
            return safe;
        }
        return safe.substring(0, safe.offsetByCodePoints(0, MAX_ATTEMPTED)) + "…(" + name.length() + " chars)";
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        String name = event.getAuthentication().getName();
        audit.recordEvent(AuditRecord.of(name, "login_refused_locked", "app_user", null, "{}"));
    }
}
