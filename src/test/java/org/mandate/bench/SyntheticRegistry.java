package org.mandate.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A synthetic locality tree of a million units with history, written by INSERT ... SELECT over
 * generate_series into an empty, migrated database: 60 provinces, 1,000 districts and 999,000
 * communes standing until the reform of 2025-07-01. That day, in every district, communes 0-333
 * merge pairwise into 167 new units (old versions end, succession links and merge events are
 * written), communes 334-499 are renamed (a second version of the same unit), and the rest stay.
 * Versions: 60 + 1,000 + 999,000 + 166,000 + 167,000 = 1,333,060.
 *
 * <p>The secondary indexes, foreign keys and the exclusion constraint of org_unit_version are
 * dropped before the load and re-created from their own catalog definitions afterwards (so they
 * are exactly the migration's), which also re-checks the data against them. The count-delta
 * statement trigger stays on and sees every row.
 */
final class SyntheticRegistry {
    static final long PROVINCES = 60;
    static final long DISTRICTS = 1_000;
    static final long COMMUNES_PER_DISTRICT = 999;
    static final long MERGED_PER_DISTRICT = 167; // from communes 0..333, two each
    static final long UNITS = PROVINCES + DISTRICTS * (1 + COMMUNES_PER_DISTRICT + MERGED_PER_DISTRICT);

    private static final String SYLLABLES = """
            WITH syl AS (SELECT ARRAY['An','Bình','Cẩm','Đông','Hòa','Phước','Thạnh','Mỹ','Long','Tân','Hưng','Lộc',
                'Phú','Thuận','Yên','Quang','Trung','Nam','Bắc','Tây','Sơn','Hải','Giang','Lâm','Khánh','Vĩnh',
                'Xuân','Hạ','Thượng','Đức','Nghĩa','Tiến','Thịnh','Kim','Ngọc','Bảo','Minh','Quý','Thành','Lợi',
                'Điền','Hiệp','Châu','Định','Phong','Cường','Thủy','Hồng']::text[] AS s)
            """;
    private static final String VERSION_INSERT =
            "INSERT INTO org_unit_version (unit_id, valid, code, name, full_name, level, kind, parent_id, path)\n";
    // a name of two or three syllables out of 48, from a number
    private static final String NAME2 = "s[(1 + n % 48)::int] || ' ' || s[(1 + n / 48 % 48)::int]";
    private static final String NAME3 = NAME2 + " || ' ' || s[(1 + n / 2304 % 48)::int]";

    private static final List<String> LOAD = List.of(
            "INSERT INTO org_unit (id, hierarchy) OVERRIDING SYSTEM VALUE SELECT g, 'locality' FROM generate_series(1, "
                    + UNITS + ") g",
            SYLLABLES + VERSION_INSERT + """
                    SELECT p, daterange(NULL, NULL), lpad(p::text, 2, '0'), nm, 'Tỉnh ' || nm, 'province', 'province',
                           NULL, p::text::ltree
                      FROM syl, generate_series(1, 60) p, LATERAL (SELECT p * 37 AS n) k,
                           LATERAL (SELECT %s AS nm) x
                    """.formatted(NAME2),
            SYLLABLES + VERSION_INSERT + """
                    SELECT 60 + d, daterange(NULL, NULL), lpad(d::text, 4, '0'), nm, 'Huyện ' || nm, 'district', 'district',
                           1 + (d - 1) %% 60, (1 + (d - 1) %% 60 || '.' || 60 + d)::ltree
                      FROM syl, generate_series(1, 1000) d, LATERAL (SELECT d * 31 AS n) k,
                           LATERAL (SELECT %s AS nm) x
                    """.formatted(NAME2),
            // every commune as it stood before the reform; communes 0..499 of a district end on it
            SYLLABLES + VERSION_INSERT + """
                    SELECT 1061 + c, CASE WHEN c %% 999 < 500 THEN daterange(NULL, '2025-07-01') ELSE daterange(NULL, NULL) END,
                           lpad((c + 1)::text, 7, '0'), nm, 'Xã ' || nm, 'commune', 'commune', 61 + c / 999,
                           (1 + (c / 999) %% 60 || '.' || 61 + c / 999 || '.' || 1061 + c)::ltree
                      FROM syl, generate_series(0::bigint, 998999) c, LATERAL (SELECT c * 7919 %% 110592 AS n) k,
                           LATERAL (SELECT %s AS nm) x
                    """.formatted(NAME3),
            // renamed communes 334..499: a second version from the reform on
            SYLLABLES + VERSION_INSERT + """
                    SELECT 1061 + c, daterange('2025-07-01', NULL), lpad((c + 1)::text, 7, '0'), nm, 'Phường ' || nm,
                           'commune', 'ward', 61 + c / 999, (1 + (c / 999) %% 60 || '.' || 61 + c / 999 || '.' || 1061 + c)::ltree
                      FROM syl, generate_series(0::bigint, 998999) c, LATERAL (SELECT (c * 7919 + 55555) %% 110592 AS n) k,
                           LATERAL (SELECT %s AS nm) x
                     WHERE c %% 999 BETWEEN 334 AND 499
                    """.formatted(NAME3),
            // the merged communes: new units from the reform on
            SYLLABLES + VERSION_INSERT + """
                    SELECT 1000061 + m, daterange('2025-07-01', NULL), 'M' || lpad((m + 1)::text, 6, '0'), nm, 'Xã ' || nm,
                           'commune', 'commune', 61 + m / 167,
                           (1 + (m / 167) %% 60 || '.' || 61 + m / 167 || '.' || 1000061 + m)::ltree
                      FROM syl, generate_series(0::bigint, 166999) m, LATERAL (SELECT m * 104729 %% 110592 AS n) k,
                           LATERAL (SELECT %s AS nm) x
                    """.formatted(NAME3),
            """
            INSERT INTO org_event (id, kind, effective_date, legal_basis, subject_id) OVERRIDING SYSTEM VALUE
            SELECT m + 1, 'merge', '2025-07-01', 'Synthetic reform (benchmark data)', 1000061 + m
              FROM generate_series(0, 166999) m
            """,
            """
            INSERT INTO org_succession (event_id, predecessor_id, successor_id, effective_date, share)
            SELECT m + 1, 1061 + (m / 167) * 999 + 2 * (m % 167) + t, 1000061 + m, '2025-07-01', 'full'
              FROM generate_series(0, 166999) m, generate_series(0, 1) t
            """,
            "SELECT setval(pg_get_serial_sequence('org_unit', 'id'), " + UNITS + ")",
            "SELECT setval(pg_get_serial_sequence('org_event', 'id'), 167000)");

    private SyntheticRegistry() {}

    /** Loads the tree; returns the seconds it took (load, indexes, vacuum and analyze). */
    static double generate(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("SET maintenance_work_mem = '512MB'");
            st.execute("SET synchronous_commit = off");
            List<String> recreate = new ArrayList<>();
            List<String> drop = new ArrayList<>();
            try (var rs = st.executeQuery("""
                    SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE conrelid = 'org_unit_version'::regclass AND contype IN ('f', 'x')
                    """)) {
                while (rs.next()) {
                    drop.add("ALTER TABLE org_unit_version DROP CONSTRAINT " + rs.getString(1));
                    recreate.add(
                            "ALTER TABLE org_unit_version ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (var rs = st.executeQuery("""
                    SELECT indexname, indexdef FROM pg_indexes
                     WHERE tablename = 'org_unit_version' AND indexname NOT IN
                           (SELECT conname FROM pg_constraint WHERE conrelid = 'org_unit_version'::regclass)
                    """)) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    recreate.add(rs.getString(2));
                }
            }
            // the name keys (V14) are written by a trigger: sorted into their index once at the end
            drop.add("ALTER TABLE org_unit_name_key DROP CONSTRAINT org_unit_name_key_pkey");
            recreate.add("ALTER TABLE org_unit_name_key ADD PRIMARY KEY (key, version_id)");
            for (String sql : drop) {
                st.execute(sql);
            }
            for (String sql : LOAD) {
                st.execute(sql);
            }
            for (String sql : recreate) {
                st.execute(sql);
            }
            st.execute("VACUUM (ANALYZE) org_unit_version");
            st.execute("VACUUM (ANALYZE) org_unit");
            st.execute("VACUUM (ANALYZE) org_unit_name_key");
            st.execute("ANALYZE org_level_count_delta");
            st.execute("ANALYZE org_succession");
            st.execute("ANALYZE org_event");
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
