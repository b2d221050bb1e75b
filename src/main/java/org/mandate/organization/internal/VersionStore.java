package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes of versions, events and successions for changes recorded one at a time. */
@Repository
public class VersionStore {
    private final JdbcClient jdbc;
    private final AuditLog audit;

    VersionStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A stored version with what the rules need to see. */
    public record Row(
            long id,
            long unitId,
            String hierarchy,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            String code,
            String name,
            String fullName,
            @Nullable String nameEn,
            @Nullable String fullNameEn,
            String level,
            String kind,
            @Nullable Long parentId,
            @Nullable Long localityId,
            String path) {}

    private static final String ROW = """
            SELECT v.id, v.unit_id, u.hierarchy, lower(v.valid) AS valid_from, upper(v.valid) AS valid_to, v.code,
                   v.name, v.full_name, v.name_en, v.full_name_en, v.level, v.kind, v.parent_id, v.locality_id,
                   v.path::text AS path
              FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
            """;

    /** Locks the unit's versions (FOR UPDATE) and returns the one standing on the date. */
    public Optional<Row> standing(long unitId, LocalDate date) {
        jdbc.sql("SELECT id FROM org_unit WHERE id = :id FOR UPDATE")
                .param("id", unitId)
                .query(Long.class)
                .list();
        return jdbc.sql(ROW + " WHERE v.unit_id = :id AND v.valid @> :date")
                .param("id", unitId)
                .param("date", date)
                .query(Row.class)
                .optional();
    }

    public Optional<Row> latest(long unitId) {
        return jdbc.sql(ROW + " WHERE v.unit_id = :id ORDER BY lower(v.valid) DESC NULLS LAST LIMIT 1")
                .param("id", unitId)
                .query(Row.class)
                .optional();
    }

    /** Versions under a path that stand on the date or begin after it. */
    public List<Row> subtreeFrom(String path, LocalDate date) {
        return jdbc.sql(ROW + " WHERE v.path <@ :path::ltree AND (v.valid @> :date OR lower(v.valid) > :date)")
                .param("path", path)
                .param("date", date)
                .query(Row.class)
                .list();
    }

    public long countStandingBelow(String path, LocalDate date) {
        return jdbc.sql(
                        "SELECT count(*) FROM org_unit_version WHERE path <@ :path::ltree AND path <> :path::ltree AND valid @> :date")
                .param("path", path)
                .param("date", date)
                .query(Long.class)
                .single();
    }

    public List<Long> childrenStanding(long unitId, LocalDate date) {
        return jdbc.sql("SELECT unit_id FROM org_unit_version WHERE parent_id = :id AND valid @> :date ORDER BY code")
                .param("id", unitId)
                .param("date", date)
                .query(Long.class)
                .list();
    }

    /** Another unit of the hierarchy bearing the code on the date, if any. */
    public Optional<Long> codeHolder(String hierarchy, String code, LocalDate date, long exceptUnit) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.code = :code AND u.hierarchy = :h AND v.valid @> :date AND v.unit_id <> :except
                         LIMIT 1
                        """)
                .param("code", code)
                .param("h", hierarchy)
                .param("date", date)
                .param("except", exceptUnit)
                .query(Long.class)
                .optional();
    }

    public long newUnit(String hierarchy) {
        return jdbc.sql("INSERT INTO org_unit (hierarchy) VALUES (:h) RETURNING id")
                .param("h", hierarchy)
                .query(Long.class)
                .single();
    }

    /** Ends a version on the day before {@code date} ([from, date)). */
    public void close(long versionId, LocalDate date) {
        jdbc.sql("UPDATE org_unit_version SET valid = daterange(lower(valid), :date, '[)') WHERE id = :id")
                .param("id", versionId)
                .param("date", date)
                .update();
    }

    public void delete(long versionId) {
        jdbc.sql("DELETE FROM org_unit_version WHERE id = :id")
                .param("id", versionId)
                .update();
    }

    /** Inserts a version valid for [from, to); the path is the parent's path and the unit's id. */
    public void insert(Row v, @Nullable LocalDate from, @Nullable LocalDate to) {
        jdbc.sql("""
                        INSERT INTO org_unit_version (unit_id, valid, code, name, full_name, name_en, full_name_en,
                                                      level, kind, parent_id, locality_id, path)
                        VALUES (:unit, daterange(:from, :to, '[)'), :code, :name, :fullName, :nameEn, :fullNameEn,
                                :level, :kind, :parent, :locality, :path::ltree)
                        """)
                .param("unit", v.unitId())
                .param("from", from)
                .param("to", to)
                .param("code", v.code())
                .param("name", v.name())
                .param("fullName", v.fullName())
                .param("nameEn", v.nameEn())
                .param("fullNameEn", v.fullNameEn())
                .param("level", v.level())
                .param("kind", v.kind())
                .param("parent", v.parentId())
                .param("locality", v.localityId())
                .param("path", v.path())
                .update();
    }

    public long event(String kind, LocalDate date, String legalBasis, long subject, @Nullable String note) {
        return jdbc.sql("""
                        INSERT INTO org_event (kind, effective_date, legal_basis, subject_id, note)
                        VALUES (:kind, :date, :basis, :subject, :note) RETURNING id
                        """)
                .param("kind", kind)
                .param("date", date)
                .param("basis", legalBasis)
                .param("subject", subject)
                .param("note", note)
                .query(Long.class)
                .single();
    }

    public void succession(
            long event,
            long predecessor,
            long successor,
            LocalDate date,
            String share,
            java.math.@Nullable BigDecimal weight) {
        jdbc.sql("""
                        INSERT INTO org_succession (event_id, predecessor_id, successor_id, effective_date, share, weight)
                        VALUES (:event, :pred, :succ, :date, :share, :weight)
                        """)
                .param("event", event)
                .param("pred", predecessor)
                .param("succ", successor)
                .param("date", date)
                .param("share", share)
                .param("weight", weight)
                .update();
    }

    /** Audits a change of the unit on the date, with its version the day before and on the day. */
    public void audit(String actor, String action, long unitId, LocalDate date, String detailJson) {
        record Snapshot(@Nullable String before, @Nullable String after) {}
        var snapshot = jdbc.sql("""
                        SELECT (SELECT to_jsonb(v) - 'search_text' - 'name_folded' - 'full_name_folded'
                                  FROM org_unit_version v WHERE v.unit_id = :id AND v.valid @> (:d::date - 1))::text AS before,
                               (SELECT to_jsonb(v) - 'search_text' - 'name_folded' - 'full_name_folded'
                                  FROM org_unit_version v WHERE v.unit_id = :id AND v.valid @> :d::date)::text AS after
                        """)
                .param("id", unitId)
                .param("d", date)
                .query(Snapshot.class)
                .single();
        audit.record(new AuditRecord(
                actor, action, "org_unit", unitId, unitId, detailJson, snapshot.before(), snapshot.after()));
    }
}
