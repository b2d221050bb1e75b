package org.mandate.reminder;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offices' mailboxes: read by whoever reads the unit, set and removed by the office
 * ({@code admin}, {@code office} grants) over the unit, every change audited with the address
 * before and after.
 */
@Service
public class Mailboxes {
    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final AuditLog audit;
    private final UnitCatalog catalog;

    Mailboxes(JdbcClient jdbc, Scopes scopes, AuditLog audit, UnitCatalog catalog) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.audit = audit;
        this.catalog = catalog;
    }

    @Transactional(readOnly = true)
    public Mailbox get(long unitId) {
        exists(unitId);
        scopes.requireRead(unitId, "Unit " + unitId);
        return find(unitId).orElse(new Mailbox(unitId, null, null, null));
    }

    /** Whether the current user may set the unit's mailbox (for pages, to show the form). */
    public boolean mayChange(long unitId) {
        return scopes.mayAct(scopes.current(), unitId, Role.ADMIN, Role.OFFICE);
    }

    @Transactional
    public Mailbox set(long unitId, @Nullable String email) {
        exists(unitId);
        scopes.requireAct(unitId, "set the mailbox of this unit", Role.ADMIN, Role.OFFICE);
        String address = check(email);
        Scope scope = scopes.current();
        var before = find(unitId);
        Mailbox after = jdbc.sql("""
                        INSERT INTO reminder_mailbox (unit_id, email, updated_by) VALUES (:unit, :email, :actor)
                        ON CONFLICT (unit_id) DO UPDATE SET email = EXCLUDED.email, updated_by = EXCLUDED.updated_by,
                               updated_at = now()
                        RETURNING unit_id, email, updated_by, updated_at
                        """)
                .param("unit", unitId)
                .param("email", address)
                .param("actor", actor(scope))
                .query(Mailboxes::mailbox)
                .single();
        audit.record(new AuditRecord(
                actor(scope),
                "set_mailbox",
                "reminder_mailbox",
                unitId,
                unitId,
                "{}",
                before.map(Mailboxes::json).orElse(null),
                json(new Mailbox(unitId, address, actor(scope), null))));
        return after;
    }

    @Transactional
    public void remove(long unitId) {
        exists(unitId);
        scopes.requireAct(unitId, "remove the mailbox of this unit", Role.ADMIN, Role.OFFICE);
        Scope scope = scopes.current();
        var before = find(unitId).orElseThrow(() -> new NotFound("Unit " + unitId + " has no mailbox"));
        jdbc.sql("DELETE FROM reminder_mailbox WHERE unit_id = :unit")
                .param("unit", unitId)
                .update();
        audit.record(new AuditRecord(
                actor(scope), "remove_mailbox", "reminder_mailbox", unitId, unitId, "{}", json(before), null));
    }

    private java.util.Optional<Mailbox> find(long unitId) {
        return jdbc.sql("SELECT unit_id, email, updated_by, updated_at FROM reminder_mailbox WHERE unit_id = :unit")
                .param("unit", unitId)
                .query(Mailboxes::mailbox)
                .optional();
    }

    /** A row of reminder_mailbox as unit_id, email, updated_by, updated_at. */
    private static Mailbox mailbox(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Mailbox(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }

    private void exists(long unitId) {
        if (!catalog.exists(unitId)) {
            throw new NotFound("Unit " + unitId + " was not found");
        }
    }

    /** One plain address, as an SMTP server takes it: {@code vanphong@quangninh.gov.vn}. */
    static String check(@Nullable String email) {
        if (email == null || email.isBlank()) {
            throw InputProblem.field("email", "missing: the office's email address");
        }
        String address = email.strip();
        try {
            var parsed = new InternetAddress(address, true);
            if (parsed.getPersonal() != null
                    || !parsed.getAddress().equals(address)
                    || !address.contains("@")
                    || address.length() > 320) {
                throw new AddressException("not a single plain address");
            }
        } catch (AddressException e) {
            throw InputProblem.field("email", "'" + address + "' is not an email address such as vanphong@tinh.gov.vn");
        }
        return address;
    }

    private static String json(Mailbox m) {
        return JsonWriter.standard().writeToString(Map.of("unitId", m.unitId(), "email", String.valueOf(m.email())));
    }

    private static String actor(Scope scope) {
        return scope.signedIn() ? scope.username() : "system";
    }
}
