package org.mandate.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.mandate.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes entries in the caller's transaction (a change and its entry commit or roll back
 * together), lists them, and verifies the hash chain that the database builds as they are written
 * (trigger {@code audit_chain}, migration V5).
 */
@Service
public class AuditLog {
    private static final int VERIFY_BATCH = 5_000;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(AuditRecord r) {
        write(r);
    }

    /** For events that are not changes of data (sign-ins, failed sign-ins): its own transaction if none. */
    @Transactional
    public void recordEvent(AuditRecord r) {
        write(r);
    }

    private void write(AuditRecord r) {
        jdbc.sql("""
                        INSERT INTO audit_log (actor, action, entity, entity_id, unit_id, source, detail, before, after)
                        VALUES (:actor, :action, :entity, :entityId, :unitId, :source, :detail::jsonb, :before::jsonb, :after::jsonb)
                        """)
                .param("actor", r.actor())
                .param("action", r.action())
                .param("entity", r.entity())
                .param("entityId", r.entityId())
                .param("unitId", r.unitId())
                .param("source", Origin.current())
                .param("detail", r.detail())
                .param("before", r.before())
                .param("after", r.after())
                .update();
    }

    @Transactional(readOnly = true)
    public PageOf<AuditEntry> find(AuditQuery q) {
        var where = new StringBuilder(" WHERE true");
        if (q.entity() != null) {
            where.append(" AND entity = :entity");
        }
        if (q.entityId() != null) {
            where.append(" AND entity_id = :entityId");
        }
        if (q.actor() != null) {
            where.append(" AND actor = :actor");
        }
        if (q.scopeRoots() != null) {
            // the scope test runs once per distinct unit in the log, not once per entry; the distinct
            // units are found by skipping through index audit_log_unit (one probe per unit) rather
            // than by reading every entry
            where.append(" AND (unit_id IN (WITH RECURSIVE d(u) AS ("
                    + " SELECT min(unit_id) FROM audit_log"
                    + " UNION ALL SELECT (SELECT min(a.unit_id) FROM audit_log a WHERE a.unit_id > d.u)"
                    + " FROM d WHERE d.u IS NOT NULL)"
                    + " SELECT u FROM d WHERE u IS NOT NULL AND unit_covered(u, :roots, :asOf))"
                    + (q.alsoActor() != null ? " OR actor = :alsoActor)" : ")"));
        }
        String sql = """
                SELECT seq, at, actor, action, entity, entity_id, unit_id, coalesce(source, '') AS source,
                       detail::text AS detail, before::text AS before, after::text AS after,
                       count(*) OVER () AS total
                  FROM audit_log""" + where + " ORDER BY seq DESC LIMIT :size OFFSET :offset";
        var spec = jdbc.sql(sql);
        if (q.entity() != null) {
            spec = spec.param("entity", q.entity());
        }
        if (q.entityId() != null) {
            spec = spec.param("entityId", q.entityId());
        }
        if (q.actor() != null) {
            spec = spec.param("actor", q.actor());
        }
        if (q.scopeRoots() != null) {
            spec = spec.param("roots", q.scopeRoots()).param("asOf", q.asOf());
            if (q.alsoActor() != null) {
                spec = spec.param("alsoActor", q.alsoActor());
            }
        }
        long[] total = {0};
        var items = spec.param("size", q.size())
                .param("offset", (long) q.page() * q.size())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return new AuditEntry(
                            rs.getLong("seq"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("actor"),
                            rs.getString("action"),
                            rs.getString("entity"),
                            (Long) rs.getObject("entity_id"),
                            (Long) rs.getObject("unit_id"),
                            rs.getString("source"),
                            rs.getString("detail"),
                            rs.getString("before"),
                            rs.getString("after"));
                })
                .list();
        return new PageOf<>(total[0], items);
    }

    /**
     * Walks the chain in order: every entry's hash must be the hash of its contents and of the
     * entry before it, numbers must follow one another, and the head must point at the last one.
     */
    @Transactional(readOnly = true)
    public ChainCheck verify() {
        return verify(jdbc);
    }

    /**
     * The same walk over any database that holds Mandate's schema, through the given client: a
     * restored copy is checked with it before it is committed ({@code backup} module).
     */
    public static ChainCheck verify(JdbcClient jdbc) {
        record Link(long seq, byte[] prevHash, byte[] hash, byte[] computed) {}
        long expected = 1;
        byte[] previous = new byte[0];
        long after = 0;
        while (true) {
            List<Link> links = new ArrayList<>(jdbc.sql("""
                            SELECT a.seq, a.prev_hash, a.hash, audit_entry_hash(a.prev_hash, a) AS computed
                              FROM audit_log a WHERE a.seq > :after ORDER BY a.seq LIMIT :batch
                            """)
                    .param("after", after)
                    .param("batch", VERIFY_BATCH)
                    .query((rs, n) -> new Link(
                            rs.getLong("seq"), rs.getBytes("prev_hash"), rs.getBytes("hash"), rs.getBytes("computed")))
                    .list());
            for (Link link : links) {
                if (link.seq() != expected) {
                    return broken(
                            expected - 1, expected, "entry " + expected + " is missing (next is " + link.seq() + ")");
                }
                if (!Arrays.equals(link.prevHash(), previous)) {
                    return broken(
                            expected - 1, link.seq(), "it does not point at the hash of entry " + (link.seq() - 1));
                }
                if (!Arrays.equals(link.hash(), link.computed())) {
                    return broken(
                            expected - 1, link.seq(), "its contents do not match its hash (the entry was changed)");
                }
                previous = link.hash();
                expected++;
            }
            if (links.size() < VERIFY_BATCH) {
                break;
            }
            after = links.getLast().seq();
        }
        record Head(long lastSeq, byte[] lastHash) {}
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
                .single();
        long entries = expected - 1;
        if (head.lastSeq() != entries || !Arrays.equals(head.lastHash(), previous)) {
            return broken(
                    entries,
                    entries + 1,
                    "the chain's head records " + head.lastSeq() + " entries, the log holds " + entries
                            + " (entries were deleted from its end)");
        }
        return new ChainCheck(entries, null, null, HexFormat.of().formatHex(previous));
    }

    private static ChainCheck broken(long entries, long at, String reason) {
        return new ChainCheck(entries, at, reason, "");
    }
}
