package org.mandate.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.mandate.task.TaskTimeline;
import org.mandate.task.internal.TaskCounts;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A million tasks written set-based into the real registry's database: the rows of task and
 * task_deadline by COPY, then task_status_change filled in bulk with the product's own rules,
 * {@link TaskCounts#scopeSpans} (read once for every lead unit) and {@link TaskCounts#contribute}
 * (called for every task, as the product calls it when a task is created or changed), summed in
 * memory by (scope, day, status) and written by COPY in key order. The foreign keys and secondary
 * indexes of task and task_deadline are dropped for the load and re-created afterwards from their
 * own catalog definitions (as {@link SyntheticRegistry} does), then the tables are vacuumed and
 * analyzed (the dashboard's read is an index-only scan, which needs the visibility map).
 *
 * <p>Seeded and reproducible. Start dates are uniform over 2020-01-01 .. 2026-11-25, and the lead
 * unit is one standing on the start date: before the reform of 2025-07-01 a commune (75%), a
 * district (15%) or a province (10%) of the old map, from it a commune (90%) or a province (10%) of
 * the new one. So about four tasks in five are led by units that were merged on 2025-07-01, and
 * many of them run on after it. 7% are ongoing (no deadline), the others have a deadline 10-365
 * days after the start; 15% of those get an approved extension (a fifth of these a second one),
 * effective between the day after the start (or the previous extension) and 60 days after the
 * deadline then in force, moving it 15-180 days past the later of that deadline and the approval.
 * Completion: 55% before the final deadline, 25% 1-150 days after it, 20% never (a quarter of the
 * ongoing ones are completed 30-930 days after the start); completion always comes after the last
 * extension, and none after 2026-11-25, which leaves those open.
 */
final class TaskDataset {
    static final LocalDate FIRST_START = LocalDate.parse("2020-01-01");
    static final LocalDate DATA_TODAY = LocalDate.parse("2026-11-25");

    private static final String[] TITLES = {
        "Rà soát, cập nhật danh sách hộ nghèo",
        "Triển khai chuyển đổi số trong giải quyết thủ tục hành chính",
        "Kiểm tra công tác phòng, chống thiên tai",
        "Báo cáo kết quả thực hiện kế hoạch phát triển kinh tế - xã hội",
        "Giải phóng mặt bằng dự án",
        "Tổ chức lấy ý kiến nhân dân",
        "Sắp xếp trụ sở làm việc sau hợp nhất",
        "Xử lý kiến nghị của cử tri",
        "Tăng cường quản lý trật tự xây dựng",
        "Hoàn thiện hồ sơ công nhận đạt chuẩn nông thôn mới",
    };

    /** What was written, and how long each step took. */
    record Result(
            int tasks,
            int deadlineRows,
            int changeRows,
            int countryRows,
            Map<String, Integer> byLeadLevel,
            int ledByUnitsThatEnded,
            int withExtension,
            int completed,
            int ongoing,
            Map<String, Double> stepSeconds) {
        double seconds() {
            return stepSeconds.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }
    }

    /** One version of a locality: standing from {@code from} (inclusive) to {@code until} (exclusive). */
    private record Version(long unitId, String level, long from, long until) {}

    /** A stretch of time between two consecutive version boundaries, with the units standing in it. */
    private record Era(long from, Map<String, long[]> unitsByLevel) {}

    private TaskDataset() {}

    static Result generate(DataSource dataSource, TaskCounts counts, int n, long seed) throws SQLException {
        var steps = new java.util.LinkedHashMap<String, Double>();
        long t0 = System.nanoTime();
        List<Version> versions = versions(dataSource);
        List<Era> eras = eras(versions);
        Map<Long, Long> lastDay = new HashMap<>();
        Map<Long, String> levelOf = new HashMap<>();
        for (Version v : versions) {
            lastDay.merge(v.unitId(), v.until(), Math::max);
            levelOf.putIfAbsent(v.unitId(), v.level());
        }

        var tasks = new Tasks(n);
        var random = new Random(seed);
        long first = FIRST_START.toEpochDay();
        long today = DATA_TODAY.toEpochDay();
        var byLevel = new java.util.TreeMap<String, Integer>();
        int ended = 0;
        for (int i = 0; i < n; i++) {
            long start = first + random.nextInt((int) (today - first + 1));
            Era era = eraOf(eras, start);
            String level = pickLevel(era, random.nextDouble());
            long[] units = era.unitsByLevel().get(level);
            long lead = units[random.nextInt(units.length)];
            byLevel.merge(level, 1, Integer::sum);
            if (lastDay.get(lead) != Long.MAX_VALUE) {
                ended++;
            }
            tasks.fill(i, lead, start, random, today);
        }
        steps.put("tasks drawn in memory", BenchApp.secondsSince(t0));

        long t1 = System.nanoTime();
        Map<Long, List<TaskCounts.ScopeSpan>> spans =
                counts.scopeSpans(Arrays.stream(tasks.lead).boxed().toList());
        steps.put("scope spans of the lead units (unit_scope_spans)", BenchApp.secondsSince(t1));

        long t2 = System.nanoTime();
        var sums = new LongIntMap(1 << 23);
        var chunk = new HashMap<TaskCounts.Key, Integer>();
        for (int i = 0; i < n; i++) {
            TaskTimeline timeline = tasks.timeline(i);
            long lead = tasks.lead[i];
            TaskCounts.contribute(timeline, spans.getOrDefault(lead, List.of()), +1, chunk);
            if (chunk.size() > 500_000 || i == n - 1) {
                chunk.forEach((k, v) -> sums.add(key(k), v));
                chunk.clear();
            }
        }
        long[] keys = sums.nonZeroKeysSorted();
        steps.put("status changes summed (TaskCounts.contribute)", BenchApp.secondsSince(t2));

        long t3 = System.nanoTime();
        int changeRows = 0;
        int countryRows = 0;
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("SET maintenance_work_mem = '512MB'");
            st.execute("SET synchronous_commit = off");
            List<String> recreate = BenchApp.dropSecondary(st, List.of("task", "task_deadline"));
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (var out = new CopyWriter(copy.copyIn("COPY task (id, title, lead_unit_id, priority, start_on,"
                    + " deadline, completed_on, progress, created_by) FROM STDIN"))) {
                for (int i = 0; i < n; i++) {
                    long id = i + 1L;
                    out.field(id)
                            .field(TITLES[i % TITLES.length] + " (" + id + ")")
                            .field(tasks.lead[i])
                            .field(tasks.priority[i] == 0 ? "high" : tasks.priority[i] == 1 ? "normal" : "low")
                            .date(tasks.start[i])
                            .date(tasks.finalDeadline(i))
                            .date(tasks.completed[i])
                            .field(tasks.progress[i])
                            .last("bench");
                }
            }
            int deadlineRows = 0;
            try (var out =
                    new CopyWriter(copy.copyIn("COPY task_deadline (task_id, effective_on, deadline) FROM STDIN"))) {
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < tasks.deadlineCount[i]; k++) {
                        out.field(i + 1L)
                                .date(tasks.effective[i][k])
                                .date(tasks.deadline[i][k])
                                .end();
                        deadlineRows++;
                    }
                }
            }
            st.execute("SELECT setval(pg_get_serial_sequence('task', 'id'), " + n + ")");
            try (var out =
                    new CopyWriter(copy.copyIn("COPY task_status_change (scope_id, day, status, delta) FROM STDIN"))) {
                for (long k : keys) {
                    // with the whole country's rows (TaskCounts.COUNTRY), which contribute adds itself
                    out.field(scopeOf(k)).date(dayOf(k)).field(statusOf(k)).last(sums.get(k));
                    changeRows++;
                    if (scopeOf(k) == TaskCounts.COUNTRY) {
                        countryRows++;
                    }
                }
            }
            c.commit();
            steps.put("COPY of task, task_deadline, task_status_change", BenchApp.secondsSince(t3));

            long t4 = System.nanoTime();
            c.setAutoCommit(true);
            for (String sql : recreate) {
                st.execute(sql);
            }
            steps.put("indexes and foreign keys re-created", BenchApp.secondsSince(t4));

            long t5 = System.nanoTime();
            for (String table : List.of("task", "task_deadline", "task_status_change")) {
                st.execute("VACUUM (ANALYZE) " + table);
            }
            steps.put("VACUUM ANALYZE", BenchApp.secondsSince(t5));
            int completed = 0;
            int ongoing = 0;
            int extended = 0;
            for (int i = 0; i < n; i++) {
                completed += tasks.completed[i] != Tasks.NONE ? 1 : 0;
                ongoing += tasks.deadline[i][0] == Tasks.NONE ? 1 : 0;
                extended += tasks.deadlineCount[i] > 1 ? 1 : 0;
            }
            return new Result(
                    n, deadlineRows, changeRows, countryRows, byLevel, ended, extended, completed, ongoing, steps);
        }
    }

    private static List<Version> versions(DataSource dataSource) throws SQLException {
        var list = new ArrayList<Version>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                var rs = st.executeQuery("""
                        SELECT v.unit_id, v.level, lower(v.valid) AS from_day, upper(v.valid) AS until_day
                          FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE u.hierarchy = 'locality'
                         ORDER BY v.unit_id, lower(v.valid) NULLS FIRST
                        """)) {
            while (rs.next()) {
                LocalDate from = rs.getObject("from_day", LocalDate.class);
                LocalDate until = rs.getObject("until_day", LocalDate.class);
                list.add(new Version(
                        rs.getLong("unit_id"),
                        rs.getString("level"),
                        from == null ? Long.MIN_VALUE : from.toEpochDay(),
                        until == null ? Long.MAX_VALUE : until.toEpochDay()));
            }
        }
        return list;
    }

    /** The stretches between version boundaries, each with the units standing throughout it, by level. */
    private static List<Era> eras(List<Version> versions) {
        var bounds = new TreeSet<Long>();
        bounds.add(Long.MIN_VALUE);
        for (Version v : versions) {
            bounds.add(v.from());
            if (v.until() != Long.MAX_VALUE) {
                bounds.add(v.until());
            }
        }
        var eras = new ArrayList<Era>();
        for (long from : bounds) {
            Map<String, List<Long>> units = new HashMap<>();
            for (Version v : versions) {
                if (v.from() <= from && from < v.until()) {
                    units.computeIfAbsent(v.level(), k -> new ArrayList<>()).add(v.unitId());
                }
            }
            Map<String, long[]> arrays = new HashMap<>();
            units.forEach((level, ids) -> arrays.put(
                    level, ids.stream().mapToLong(Long::longValue).sorted().toArray()));
            eras.add(new Era(from, arrays));
        }
        return eras;
    }

    private static Era eraOf(List<Era> eras, long day) {
        Era found = eras.getFirst();
        for (Era e : eras) {
            if (e.from() <= day) {
                found = e;
            }
        }
        return found;
    }

    private static String pickLevel(Era era, double r) {
        boolean districts = era.unitsByLevel().containsKey("district");
        if (r < 0.10) {
            return "province";
        }
        if (districts && r < 0.25) {
            return "district";
        }
        return "commune";
    }

    // (scope, day, status) as one long, in the same order as TaskCounts.Key: scope in the high bits
    private static long key(TaskCounts.Key k) {
        long day = k.day().toEpochDay();
        if (k.scopeId() < 0 || k.scopeId() >= 1L << 39 || day < 0 || day >= 1 << 21) {
            throw new IllegalStateException("key out of range: " + k);
        }
        return k.scopeId() << 24 | day << 3 | k.status();
    }

    private static long scopeOf(long key) {
        return key >>> 24;
    }

    private static long dayOf(long key) {
        return key >>> 3 & ((1 << 21) - 1);
    }

    private static int statusOf(long key) {
        return (int) (key & 7);
    }

    /** The drawn tasks, as arrays (a million records would only add garbage). */
    private static final class Tasks {
        static final long NONE = Long.MIN_VALUE;
        final long[] lead;
        final long[] start;
        final long[] completed;
        final long[][] effective;
        final long[][] deadline;
        final int[] deadlineCount;
        final byte[] priority;
        final byte[] progress;

        Tasks(int n) {
            lead = new long[n];
            start = new long[n];
            completed = new long[n];
            effective = new long[n][];
            deadline = new long[n][];
            deadlineCount = new int[n];
            priority = new byte[n];
            progress = new byte[n];
        }

        void fill(int i, long unit, long s, Random random, long today) {
            lead[i] = unit;
            start[i] = s;
            boolean ongoing = random.nextDouble() < 0.07;
            long[] eff = new long[3];
            long[] due = new long[3];
            int count = 1;
            eff[0] = s;
            due[0] = ongoing ? NONE : s + 10 + random.nextInt(356);
            long last = s;
            if (!ongoing && random.nextDouble() < 0.15) {
                int extensions = random.nextDouble() < 0.2 ? 2 : 1;
                for (int k = 0; k < extensions; k++) {
                    long current = due[count - 1];
                    long e = last + 1 + random.nextInt((int) Math.max(1, current - last + 60));
                    if (e > today) {
                        break;
                    }
                    eff[count] = e;
                    due[count] = Math.max(current, e) + 15 + random.nextInt(166);
                    last = e;
                    count++;
                }
            }
            long finalDue = due[count - 1];
            long done = NONE;
            double r = random.nextDouble();
            if (ongoing) {
                if (r < 0.25) {
                    done = s + 30 + random.nextInt(901);
                }
            } else if (r < 0.55) {
                done = s + random.nextInt((int) (finalDue - s + 1));
            } else if (r < 0.80) {
                done = finalDue + 1 + random.nextInt(150);
            }
            if (done != NONE && done <= last) { // an extension is only approved for an open task
                done = last + 1 + random.nextInt(30);
            }
            if (done > today) {
                done = NONE;
            }
            completed[i] = done;
            effective[i] = Arrays.copyOf(eff, count);
            deadline[i] = Arrays.copyOf(due, count);
            deadlineCount[i] = count;
            double p = random.nextDouble();
            priority[i] = (byte) (p < 0.15 ? 0 : p < 0.85 ? 1 : 2);
            progress[i] = (byte) (done != NONE ? 100 : random.nextInt(96));
        }

        long finalDeadline(int i) {
            return deadline[i][deadlineCount[i] - 1];
        }

        TaskTimeline timeline(int i) {
            var list = new ArrayList<TaskTimeline.Deadline>(deadlineCount[i]);
            for (int k = 0; k < deadlineCount[i]; k++) {
                list.add(new TaskTimeline.Deadline(day(effective[i][k]), day(deadline[i][k])));
            }
            return new TaskTimeline(day(start[i]), list, day(completed[i]));
        }

        private static @Nullable LocalDate day(long epochDay) {
            return epochDay == NONE ? null : LocalDate.ofEpochDay(epochDay);
        }
    }

    /** Sums by long key, open addressing; 0 is never a key (days since 1970 are > 0). */
    static final class LongIntMap {
        private long[] keys;
        private int[] values;
        private int size;

        LongIntMap(int capacity) {
            keys = new long[Integer.highestOneBit(Math.max(16, capacity)) * 2];
            values = new int[keys.length];
        }

        void add(long key, int delta) {
            int slot = slot(keys, key);
            if (keys[slot] == 0) {
                keys[slot] = key;
                if (++size * 2 > keys.length) {
                    grow();
                    slot = slot(keys, key);
                }
            }
            values[slot] += delta;
        }

        int get(long key) {
            int slot = slot(keys, key);
            return keys[slot] == key ? values[slot] : 0;
        }

        long[] nonZeroKeysSorted() {
            long[] out = new long[size];
            int n = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != 0 && values[i] != 0) {
                    out[n++] = keys[i];
                }
            }
            out = Arrays.copyOf(out, n);
            Arrays.sort(out);
            return out;
        }

        private static int slot(long[] keys, long key) {
            int mask = keys.length - 1;
            int i = (int) (mix(key) & mask);
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private static long mix(long x) { // MurmurHash3's finalizer: every bit of the key moves the low bits
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            return x ^ (x >>> 33);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[keys.length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    int slot = slot(keys, oldKeys[i]);
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }
    }

    /** COPY text format through a buffer; values are numbers, ISO dates or text without tabs or backslashes. */
    private static final class CopyWriter implements AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder line = new StringBuilder(1 << 20);
        private boolean closed;

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        CopyWriter field(Object value) {
            line.append(value).append('\t');
            return this;
        }

        CopyWriter date(long epochDay) {
            line.append(
                            epochDay == Tasks.NONE
                                    ? "\\N"
                                    : LocalDate.ofEpochDay(epochDay).toString())
                    .append('\t');
            return this;
        }

        void last(Object value) {
            line.append(value);
            end();
        }

        void end() {
            if (line.charAt(line.length() - 1) == '\t') {
                line.setLength(line.length() - 1);
            }
            line.append('\n');
            if (line.length() > 1 << 20) {
                flush();
            }
        }

        private void flush() {
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            line.setLength(0);
        }

        @Override
        public void close() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            flush();
            copy.endCopy();
        }
    }
}
