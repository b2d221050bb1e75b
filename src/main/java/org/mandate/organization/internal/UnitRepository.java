package org.mandate.organization.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.EventKind;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.LevelCount;
import org.mandate.organization.RegistryEvent;
import org.mandate.organization.Share;
import org.mandate.organization.SuccessionLink;
import org.mandate.organization.UnitVersion;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the registry. Every read names its date; validity ranges are half-open [from, to). */
@Repository
public class UnitRepository {
    // a version with its parent's code and name as they stood when the version began
    static final String VERSION_COLUMNS = """
            v.unit_id, u.hierarchy, v.code, v.name, v.full_name, v.name_en, v.level, v.kind, v.parent_id,
            p.code AS parent_code, p.name AS parent_name, v.locality_id, l.name AS locality_name,
            lower(v.valid) AS valid_from, upper(v.valid) - 1 AS valid_to
            """;
    static final String VERSION_JOINS = """
            JOIN org_unit u ON u.id = v.unit_id
            LEFT JOIN org_unit_version p ON p.unit_id = v.parent_id
                 AND p.valid @> coalesce(lower(v.valid), upper(v.valid) - 1, current_date)
            LEFT JOIN org_unit_version l ON l.unit_id = v.locality_id
                 AND l.valid @> coalesce(lower(v.valid), upper(v.valid) - 1, current_date)
            """;
    static final RowMapper<UnitVersion> VERSION = UnitRepository::version;

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static UnitVersion version(ResultSet rs, int row) throws SQLException {
        return new UnitVersion(
                rs.getLong("unit_id"),
                Hierarchy.of(rs.getString("hierarchy")),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("full_name"),
                rs.getString("name_en"),
                rs.getString("level"),
                rs.getString("kind"),
                rs.getObject("parent_id", Long.class),
                rs.getString("parent_code"),
                rs.getString("parent_name"),
                rs.getObject("locality_id", Long.class),
                rs.getString("locality_name"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class));
    }

    /** The unit's version on a date, if it stood then. */
    public Optional<UnitVersion> asOf(long unitId, LocalDate date) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM org_unit_version v " + VERSION_JOINS
                        + " WHERE v.unit_id = :id AND v.valid @> :date")
                .param("id", unitId)
                .param("date", date)
                .query(VERSION)
                .optional();
    }

    /** The units, of either hierarchy, that bore a code on a date (index org_unit_version_code). */
    public List<UnitVersion> withCode(String code, LocalDate date) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM org_unit_version v " + VERSION_JOINS
                        + " WHERE v.code = :code AND v.valid @> :date ORDER BY v.unit_id")
                .param("code", code)
                .param("date", date)
                .query(VERSION)
                .list();
    }

    /** The unit that bore a code on a date, with its path. */
    public Optional<CodedUnit> byCode(Hierarchy hierarchy, String code, LocalDate date) {
        return jdbc.sql("""
                        SELECT v.unit_id, v.path::text AS path, v.level
                          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.code = :code AND v.valid @> :date AND u.hierarchy = :hierarchy
                        """)
                .param("code", code)
                .param("date", date)
                .param("hierarchy", hierarchy.code())
                .query(CodedUnit.class)
                .optional();
    }

    public record CodedUnit(long unitId, String path, String level) {}

    public List<UnitVersion> versions(long unitId) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM org_unit_version v " + VERSION_JOINS
                        + " WHERE v.unit_id = :id ORDER BY lower(v.valid) NULLS FIRST")
                .param("id", unitId)
                .query(VERSION)
                .list();
    }

    public boolean exists(long unitId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM org_unit WHERE id = :id)")
                .param("id", unitId)
                .query(Boolean.class)
                .single();
    }

    public Optional<Hierarchy> hierarchy(long unitId) {
        return jdbc.sql("SELECT hierarchy FROM org_unit WHERE id = :id")
                .param("id", unitId)
                .query(String.class)
                .optional()
                .map(Hierarchy::of);
    }

    /**
     * Counts by level for the whole hierarchy: the sum of the count deltas recorded on change
     * dates up to the date (primary key of org_level_count_delta; a few hundred rows).
     */
    public List<LevelCount> countsByLevel(Hierarchy hierarchy, LocalDate date) {
        return jdbc.sql("""
                        SELECT level, sum(delta)::bigint AS count
                          FROM org_level_count_delta
                         WHERE hierarchy = :hierarchy AND on_date <= :date
                         GROUP BY level HAVING sum(delta) <> 0
                         ORDER BY min(array_position(ARRAY['central','province','district','commune'], level)), level
                        """)
                .param("hierarchy", hierarchy.code())
                .param("date", date)
                .query(LevelCount.class)
                .list();
    }

    /** Counts by level below a unit as of a date: one scan of the (path, valid) GiST index. */
    public List<LevelCount> countsByLevelBelow(String rootPath, LocalDate date) {
        return jdbc.sql("""
                        SELECT level, count(*) AS count
                          FROM org_unit_version
                         WHERE path <@ :root::ltree AND path <> :root::ltree AND valid @> :date
                         GROUP BY level
                         ORDER BY min(array_position(ARRAY['central','province','district','commune'], level)), level
                        """)
                .param("root", rootPath)
                .param("date", date)
                .query(LevelCount.class)
                .list();
    }

    /** Links to the units this one came from; each predecessor as it stood on its last day. */
    public List<SuccessionLink> predecessors(long unitId) {
        return links("""
                SELECT s.predecessor_id AS other, s.effective_date, s.share, s.weight, e.kind, e.legal_basis,
                       o.code, o.name, o.level
                  FROM org_succession s
                  JOIN org_event e ON e.id = s.event_id
                  JOIN LATERAL (SELECT code, name, level FROM org_unit_version
                                 WHERE unit_id = s.predecessor_id AND valid @> (s.effective_date - 1)) o ON true
                 WHERE s.successor_id = :id
                 ORDER BY s.effective_date, o.code
                """, unitId);
    }

    /** Links to the units this one went into; each successor as it stood on its first day. */
    public List<SuccessionLink> successors(long unitId) {
        return links("""
                SELECT s.successor_id AS other, s.effective_date, s.share, s.weight, e.kind, e.legal_basis,
                       o.code, o.name, o.level
                  FROM org_succession s
                  JOIN org_event e ON e.id = s.event_id
                  JOIN LATERAL (SELECT code, name, level FROM org_unit_version
                                 WHERE unit_id = s.successor_id AND valid @> s.effective_date) o ON true
                 WHERE s.predecessor_id = :id
                 ORDER BY s.effective_date, o.code
                """, unitId);
    }

    private List<SuccessionLink> links(String sql, long unitId) {
        return jdbc.sql(sql)
                .param("id", unitId)
                .query((rs, n) -> new SuccessionLink(
                        rs.getLong("other"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("level"),
                        rs.getObject("effective_date", LocalDate.class),
                        Share.of(rs.getString("share")),
                        rs.getBigDecimal("weight"),
                        EventKind.of(rs.getString("kind")),
                        rs.getString("legal_basis")))
                .list();
    }

    /** Events about the unit, and the merge/split events its successions belong to. */
    public List<RegistryEvent> events(long unitId) {
        return jdbc.sql("""
                        SELECT id, kind, effective_date, legal_basis, subject_id, note FROM org_event
                         WHERE subject_id = :id
                            OR id IN (SELECT event_id FROM org_succession WHERE predecessor_id = :id OR successor_id = :id)
                         ORDER BY effective_date, id
                        """)
                .param("id", unitId)
                .query((rs, n) -> new RegistryEvent(
                        rs.getLong("id"),
                        EventKind.of(rs.getString("kind")),
                        rs.getObject("effective_date", LocalDate.class),
                        rs.getString("legal_basis"),
                        rs.getLong("subject_id"),
                        rs.getString("note")))
                .list();
    }

    /** See {@code unit_covered} (migration V5): the one definition of what grants at these roots cover. */
    public boolean covers(long unitId, java.util.Collection<Long> roots, LocalDate date) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT unit_covered(:unit, :roots, :d)")
                .param("unit", unitId)
                .param("roots", roots.toArray(Long[]::new))
                .param("d", date)
                .query(Boolean.class)
                .single());
    }

    /** Which of the units grants at these roots cover on the date (unit_covered of each), in one query. */
    public java.util.Set<Long> covered(
            java.util.Collection<Long> unitIds, java.util.Collection<Long> roots, LocalDate date) {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT u FROM unnest(CAST(:units AS bigint[])) AS u WHERE unit_covered(u, :roots, :d)
                        """)
                .param("units", unitIds.toArray(Long[]::new))
                .param("roots", roots.toArray(Long[]::new))
                .param("d", date)
                .query(Long.class)
                .list());
    }

    /** The unit and the units above it as of a date, root first. */
    public List<UnitVersion> lineOfAncestors(long unitId, LocalDate date) {
        return jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM org_unit_version v " + VERSION_JOINS + """
                         WHERE v.valid @> :date AND v.path @> (
                               SELECT path FROM org_unit_version WHERE unit_id = :id AND valid @> :date)
                         ORDER BY nlevel(v.path)
                        """)
                .param("id", unitId)
                .param("date", date)
                .query(VERSION)
                .list();
    }

    /** Direct children of a unit (or the roots, for a null parent) as of a date, by code. */
    public List<UnitVersion> children(Hierarchy hierarchy, @Nullable Long parentId, LocalDate date) {
        String where = parentId == null ? "v.parent_id IS NULL" : "v.parent_id = :parent";
        var spec = jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM org_unit_version v " + VERSION_JOINS + " WHERE "
                        + where + " AND v.valid @> :date AND u.hierarchy = :hierarchy ORDER BY v.code")
                .param("date", date)
                .param("hierarchy", hierarchy.code());
        if (parentId != null) {
            spec = spec.param("parent", parentId);
        }
        return spec.query(VERSION).list();
    }
}
