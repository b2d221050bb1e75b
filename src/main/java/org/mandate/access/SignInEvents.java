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
        audit.recordEvent(
                AuditRecord.of(name.replaceAll("[^\\p{L}\\p{N}._@-]", "?"), "login_failed", "app_user", null, detail));
    }

    @EventListener
    void refusedWhileLocked(AuthenticationFailureLockedEvent event) {
        String name = event.getAuthentication().getName();
        audit.recordEvent(AuditRecord.of(name, "login_refused_locked", "app_user", null, "{}"));
    }
}
