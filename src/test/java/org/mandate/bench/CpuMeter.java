package org.mandate.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by this JVM and by the PostgreSQL server it talks to (the postmaster and every
 * process it started), read from /proc (Linux). On a machine shared with other work, wall-clock
 * latency mostly measures the wait for a core; CPU time per call is what the call costs, and
 * about what it would take on an idle machine.
 */
final class CpuMeter {
    private final long postmaster;
    private final double tick;

    CpuMeter(JdbcClient jdbc) {
        long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        this.postmaster = parent(backend);
        this.tick = 1000.0 / 100; // ms per clock tick (USER_HZ is 100 on Linux)
    }

    /** Milliseconds of CPU used so far by the server's processes and this JVM. */
    double ms() {
        return serverMs() + jvmMs();
    }

    /** Milliseconds of CPU used so far by this JVM (every thread: the calls, but also JIT and GC). */
    double jvmMs() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e6;
    }

    /** Milliseconds of CPU used so far by the server's processes. */
    double serverMs() {
        double server = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.toList()) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long pid = Long.parseLong(name);
                String[] f = fields(pid);
                if (f != null && (pid == postmaster || Long.parseLong(f[1]) == postmaster)) {
                    server += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return server;
    }

    private static long parent(long pid) {
        return Long.parseLong(fields(pid)[1]);
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
