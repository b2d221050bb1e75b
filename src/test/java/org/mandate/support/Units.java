package org.mandate.support;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Localities of the real administrative units the tests load, found by name or code. */
public final class Units {
    /** A commune or ward, as the sheets and the tests name it. */
    public record Commune(long id, String code, String name) {}

    private Units() {}

    /** The locality of the level whose latest version bears the name (a unit that ended included). */
    public static long named(JdbcClient jdbc, String level, String name) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.level = :level AND v.name = :name AND u.hierarchy = 'locality'
                         ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1
                        """)
                .param("level", level)
                .param("name", name)
                .query(Long.class)
                .single();
    }

    /** The locality of the level that bears the name on the day ({@code 2024-06-30}; today when null). */
    public static long standing(JdbcClient jdbc, String level, String name, @Nullable String day) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE v.level = :level AND v.name = :name AND u.hierarchy = 'locality'
                           AND v.valid @> coalesce(CAST(:day AS date), CURRENT_DATE)
                        """)
                .param("level", level)
                .param("name", name)
                .param("day", day)
                .query(Long.class)
                .single();
    }

    /** The province that bears the name today. */
    public static long province(JdbcClient jdbc, String name) {
        return standing(jdbc, "province", name, null);
    }

    /** The province that bears the name on the day ({@code 2024-06-30}). */
    public static long province(JdbcClient jdbc, String name, String day) {
        return standing(jdbc, "province", name, day);
    }

    /** The province that bears the name on the day. */
    public static long province(JdbcClient jdbc, String name, LocalDate day) {
        return standing(jdbc, "province", name, day.toString());
    }

    /** The province that has the code today ({@code 22}: Quảng Ninh). */
    public static long provinceCoded(JdbcClient jdbc, String code) {
        return jdbc.sql("""
                        SELECT unit_id FROM org_unit_version
                         WHERE level = 'province' AND code = :code AND valid @> CURRENT_DATE
                        """).param("code", code).query(Long.class).single();
    }

    /** The unit, of either hierarchy, whose latest version has the code ({@code TU-QN}: a body). */
    public static long coded(JdbcClient jdbc, String code) {
        return jdbc.sql(
                        "SELECT unit_id FROM org_unit_version WHERE code = :c ORDER BY upper(valid) DESC NULLS FIRST LIMIT 1")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    /** The first units directly under the parent on the day, by code. */
    public static List<Long> children(JdbcClient jdbc, long parent, LocalDate day, int limit) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v
                         WHERE v.parent_id = :p AND v.valid @> CAST(:day AS date) ORDER BY v.code LIMIT :limit
                        """)
                .param("p", parent)
                .param("day", day)
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    /** The communes and wards under the province on the day, by id. */
    public static List<Long> communes(JdbcClient jdbc, long province, String day) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version p
                          JOIN org_unit_version v ON v.path <@ p.path AND v.valid @> CAST(:day AS date) AND v.level = 'commune'
                         WHERE p.unit_id = :p AND p.valid @> CAST(:day AS date)
                         ORDER BY v.unit_id
                        """)
                .param("p", province)
                .param("day", day)
                .query(Long.class)
                .list();
    }

    /** The first communes and wards, by code, of the province that has the code today. */
    public static List<Commune> communes(JdbcClient jdbc, String provinceCode, int limit) {
        return jdbc.sql("""
                        SELECT c.unit_id AS id, c.code, c.name
                          FROM org_unit_version p
                          JOIN org_unit_version c ON c.path <@ p.path AND c.level = 'commune' AND c.valid @> CURRENT_DATE
                         WHERE p.code = :province AND p.level = 'province' AND p.valid @> CURRENT_DATE
                         ORDER BY c.code LIMIT :limit
                        """)
                .param("province", provinceCode)
                .param("limit", limit)
                .query(Commune.class)
                .list();
    }
}
