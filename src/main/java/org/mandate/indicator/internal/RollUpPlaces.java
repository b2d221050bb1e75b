package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Apportioning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the flattened places of the roll-up ({@code indicator_was_place}, {@code
 * indicator_now_place}, V11) in step with the registry. They are derived data: a trigger on the
 * registry's versions and successions marks them stale in the changing transaction, whoever writes
 * (the import, {@code ApparatusChanges}, a restore); and the places "as it is now" hold only until
 * the next day a version starts or ends. A read calls {@link #ensureFor} first, which rebuilds them
 * in a transaction of its own when needed, so the read itself stays read-only.
 */
@Component
public class RollUpPlaces {
    private static final Logger log = LoggerFactory.getLogger(RollUpPlaces.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    private final TransactionTemplate outside;
    private final java.util.concurrent.locks.ReentrantLock rebuilding = new java.util.concurrent.locks.ReentrantLock();

    RollUpPlaces(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outside = new TransactionTemplate(transactions);
        this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** What a rebuild wrote. */
    public record Rebuilt(int wasRows, int nowRows, int unitsCarried, int unitsNotCarried) {}

    /** The state row; {@code exists} false when there is none yet (read as stale). */
    private record State(
            @Nullable LocalDate builtFor, @Nullable LocalDate goodUntil, boolean stale, boolean exists) {
        boolean holdsFor(LocalDate day) {
            return !stale
                    && builtFor != null
                    && !day.isBefore(builtFor)
                    && (goodUntil == null || day.isBefore(goodUntil));
        }
    }

    /**
     * Makes sure the places hold for the day (today), rebuilding them when the registry changed
     * or the day passed a change dated ahead. One reader rebuilds; a reader that finds the state
     * locked (another rebuild, or a registry change not yet committed) reads the places as they
     * are, which is what it would read a moment earlier.
     */
    public void ensureFor(LocalDate day) {
        State state = state();
        if (state.holdsFor(day)) {
            return;
        }
        // one thread of this node tries, on a second connection; the others read the places as
        // they are at once, rather than each holding a connection while waiting for another
        if (!rebuilding.tryLock()) {
            return;
        }
        Boolean rebuilt;
        try {
            rebuilt = rebuildIfNeeded(day, state.exists());
        } catch (DataAccessException | TransactionException e) {
            // e.g. the lock timeout below, or no second connection: read the places as they are
            log.warn("The roll-up places were not rebuilt for {}: {}", day, e.getMessage());
            return;
        } finally {
            rebuilding.unlock();
        }
        if (Boolean.TRUE.equals(rebuilt)) {
            // the reads join the places index-only, which needs their pages marked all-visible;
            // VACUUM cannot run in a transaction, so outside the read's, on a connection of its own
            outside.executeWithoutResult(status -> jdbc.sql("VACUUM (ANALYZE) indicator_was_place, indicator_now_place")
                    .update());
        }
    }

    private @Nullable Boolean rebuildIfNeeded(LocalDate day, boolean exists) {
        return own.execute(status -> {
            // a registry change in progress holds the state row until it commits: never wait long
            // for it (the insert below would wait too), read the places as they are instead
            jdbc.sql("SET LOCAL lock_timeout = '2s'").update();
            if (!exists) {
                createState();
            }
            var locked = jdbc.sql("SELECT built_for, good_until, stale FROM indicator_place_state"
                            + " FOR UPDATE SKIP LOCKED")
                    .query(RollUpPlaces::stateOf)
                    .optional();
            if (locked.isPresent() && !locked.get().holdsFor(day)) {
                rebuild(day);
                return true;
            }
            return false;
        });
    }

    /** Rebuilds both tables for the day, in the caller's transaction, and marks them fresh. */
    public Rebuilt rebuild(LocalDate day) {
        createState();
        jdbc.sql("SELECT 1 FROM indicator_place_state FOR UPDATE").query().listOfRows();
        // TRUNCATE, not DELETE: the tables start compact each time (deleted rows would bloat them
        // and their indexes, and the reads' joins scan them whole: 7 ms against 25 measured). Reads
        // of the places wait for the rebuild's commit (a second or two); a rebuild that cannot get
        // its lock in 5 s (a transaction holding the places open) gives up, and the read goes on.
        jdbc.sql("SET LOCAL lock_timeout = '5s'").update();
        // the roll-ups kept ready (V16) were computed over the places: emptied with them, and first,
        // in the order the fill's INSERT locks them (the roll-ups, then the places)
        jdbc.sql("TRUNCATE indicator_rollup_ready, indicator_was_place, indicator_now_place")
                .update();
        int was = rebuildAsWas();
        var now = rebuildAsNow(day);
        jdbc.sql("""
                        UPDATE indicator_place_state SET built_for = :day, stale = false,
                               good_until = (SELECT least(min(lower(valid)) FILTER (WHERE lower(valid) > :day),
                                                          min(upper(valid)) FILTER (WHERE upper(valid) > :day))
                                               FROM org_unit_version)
                        """).param("day", day).update();
        jdbc.sql("ANALYZE indicator_was_place, indicator_now_place").update();
        return new Rebuilt(was, now.nowRows(), now.unitsCarried(), now.unitsNotCarried());
    }

    /** Every version's path, one row per ancestor, each version running on to the next one's start. */
    private int rebuildAsWas() {
        return jdbc.sql("""
                        INSERT INTO indicator_was_place (unit_id, during, ancestor_id, depth, ancestor_path)
                        SELECT v.unit_id, v.during, a.id, a.depth, subpath(v.path, 0, CAST(a.depth AS int))
                          FROM (SELECT unit_id, path,
                                       daterange(lower(valid), lead(lower(valid))
                                                 OVER (PARTITION BY unit_id ORDER BY lower(valid) NULLS FIRST)) AS during
                                  FROM org_unit_version) v
                          CROSS JOIN LATERAL unnest(CAST(string_to_array(v.path::text, '.') AS bigint[]))
                                WITH ORDINALITY AS a(id, depth)
                        """).update();
    }

    /**
     * Where each unit's figures land today: a standing unit at itself, a unit that ended at the
     * parts {@link Apportioning} carries it to (the one rule, in Java), each part with its cut of
     * the figure; then each of them under every ancestor of its standing unit.
     */
    private Rebuilt rebuildAsNow(LocalDate day) {
        List<Long> standing = jdbc.sql("SELECT unit_id FROM org_unit_version WHERE valid @> CAST(:day AS date)")
                .param("day", day)
                .query(Long.class)
                .list();
        var links = jdbc.sql("""
                        SELECT predecessor_id, successor_id, effective_date, share = 'full', weight FROM org_succession
                        """).query(TargetReads::link).list();
        var apportioning = new Apportioning(links, new HashSet<>(standing));
        var rows = new Cuts();
        standing.forEach(u -> rows.add(u, u, BigDecimal.ZERO, null, true));
        var ended = links.stream()
                .map(Apportioning.Link::predecessor)
                .filter(u -> !apportioning.stands(u))
                .distinct()
                .toList();
        int notCarried = 0;
        for (long unit : ended) {
            var parts = apportioning.carry(unit);
            if (parts.isEmpty()) {
                notCarried++;
            }
            var cuts = cuts(parts);
            for (int i = 0; i < parts.size(); i++) {
                var part = parts.get(i);
                rows.add(unit, part.unitId(), cuts.get(i)[0], cuts.get(i)[1], part.exact());
            }
        }
        int written = jdbc.sql("""
                        INSERT INTO indicator_now_place
                               (unit_id, standing_id, ancestor_id, depth, ancestor_path, cut_from, cut_to, exact, moved)
                        SELECT x.unit, x.standing, a.id, a.depth, subpath(v.path, 0, CAST(a.depth AS int)),
                               x.cut_from, x.cut_to, x.exact, x.unit <> x.standing
                          FROM unnest(CAST(:units AS bigint[]), CAST(:standing AS bigint[]),
                                      CAST(CAST(:cutFrom AS text[]) AS numeric[]), CAST(CAST(:cutTo AS text[]) AS numeric[]),
                                      CAST(:exact AS boolean[])) AS x(unit, standing, cut_from, cut_to, exact)
                          JOIN org_unit_version v ON v.unit_id = x.standing AND v.valid @> CAST(:day AS date)
                          CROSS JOIN LATERAL unnest(CAST(string_to_array(v.path::text, '.') AS bigint[]))
                                WITH ORDINALITY AS a(id, depth)
                        """)
                .param("units", rows.units.toArray(Long[]::new))
                .param("standing", rows.standing.toArray(Long[]::new))
                .param("cutFrom", rows.cutFrom.toArray(String[]::new))
                .param("cutTo", rows.cutTo.toArray(String[]::new))
                .param("exact", rows.exact.toArray(Boolean[]::new))
                .param("day", day)
                .update();
        return new Rebuilt(0, written, ended.size() - notCarried, notCarried);
    }

    /**
     * Each part's cut of a figure, as cumulative shares: from the sum of the fractions before it
     * to the sum including it; when the fractions add up to 1 the last part's end is null (it
     * takes the rest), so that the pieces, each a difference of rounded cumulative shares, add up
     * to the figure exactly.
     */
    static List<BigDecimal[]> cuts(List<Apportioning.Part> parts) {
        var cuts = new ArrayList<BigDecimal[]>(parts.size());
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal total = parts.stream().map(Apportioning.Part::fraction).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean whole = total.compareTo(BigDecimal.ONE) == 0;
        for (int i = 0; i < parts.size(); i++) {
            BigDecimal after = before.add(parts.get(i).fraction());
            cuts.add(new BigDecimal[] {before, whole && i == parts.size() - 1 ? null : after});
            before = after;
        }
        return cuts;
    }

    private static final class Cuts {
        final List<Long> units = new ArrayList<>();
        final List<Long> standing = new ArrayList<>();
        final List<String> cutFrom = new ArrayList<>();
        final List<@Nullable String> cutTo = new ArrayList<>();
        final List<Boolean> exact = new ArrayList<>();

        void add(long unit, long to, BigDecimal from, @Nullable BigDecimal until, boolean isExact) {
            units.add(unit);
            standing.add(to);
            cutFrom.add(from.toPlainString());
            cutTo.add(until == null ? null : until.toPlainString());
            exact.add(isExact);
        }
    }

    /** The state; none yet (no registry change and no rebuild since the database was created) is stale. */
    private State state() {
        return jdbc.sql("SELECT built_for, good_until, stale FROM indicator_place_state")
                .query(RollUpPlaces::stateOf)
                .optional()
                .orElse(new State(null, null, true, false));
    }

    private void createState() {
        jdbc.sql("INSERT INTO indicator_place_state (id) VALUES (true) ON CONFLICT (id) DO NOTHING")
                .update();
    }

    private static State stateOf(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new State(
                rs.getObject("built_for", LocalDate.class),
                rs.getObject("good_until", LocalDate.class),
                rs.getBoolean("stale"),
                true);
    }
}
