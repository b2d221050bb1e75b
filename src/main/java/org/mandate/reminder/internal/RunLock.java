package org.mandate.reminder.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * One reminder run at a time across every node on the database: a PostgreSQL session advisory
 * lock, held on a connection of its own for the run. A node that finds it taken skips its run (the
 * other node sends); a node that dies releases it with its connection.
 */
@Component
public class RunLock {
    /** "MANDREM1": the key of the lock, the same on every node. */
    public static final long KEY = 0x4d414e4452454d31L;

    private final DataSource dataSource;

    RunLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The work's result, or empty when another run holds the lock. */
    public <T> Optional<T> ifFree(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
                return Optional.empty();
            }
            try {
                return Optional.of(work.get());
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)");
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The reminders' lock could not be taken", e);
        }
    }

    private static boolean call(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
