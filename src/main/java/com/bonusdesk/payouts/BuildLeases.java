package com.bonusdesk.payouts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The right to build a run, held for the whole build as a PostgreSQL session lock on a connection of its
 * own. Whoever holds it, in this instance or another sharing the database, is building the run; when a
 * process dies its connection closes and the lock goes with it, so a build left "running" by a dead
 * process is recognised as interrupted and may be resumed.
 */
@Slf4j
@Component
@RequiredArgsConstructor
class BuildLeases {

    private final DataSource dataSource;
    private final Map<Long, Connection> held = new ConcurrentHashMap<>();

    /** Takes the lease of {@code runId}; false when someone is building it. */
    boolean acquire(long runId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (call(connection, "select pg_try_advisory_lock(hashtextextended(?, 0))", runId)) {
                if (held.putIfAbsent(runId, connection) == null) {
                    return true;
                }
                call(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", runId);
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            close(connection);
            throw new DataAccessResourceFailureException("Could not take the lease of payout run " + runId, e);
        }
    }

    void release(long runId) {
        Connection connection = held.remove(runId);
        if (connection == null) {
            return;
        }
        try {
            call(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", runId);
        } catch (SQLException e) {
            log.warn("Could not release the lease of payout run {}; closing its connection", runId, e);
        } finally {
            close(connection);
            synchronized (held) {
                held.notifyAll();
            }
        }
    }

    /** The runs this instance is building. */
    List<Long> heldHere() {
        return List.copyOf(held.keySet());
    }

    /** Waits until this instance builds nothing, at most {@code limit}; true when it builds nothing. */
    boolean awaitNoneHeld(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (held) {
            while (!held.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                Duration wait = Duration.ofNanos(left);
                held.wait(Math.max(1, wait.toMillis()));
            }
            return true;
        }
    }

    /** Whether nobody is building {@code runId} right now. */
    boolean isFree(long runId) {
        if (held.containsKey(runId)) {
            return false;
        }
        if (acquire(runId)) {
            release(runId);
            return true;
        }
        return false;
    }

    private static boolean call(Connection connection, String sql, long runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, "payout-run:" + runId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing a lease connection failed", e);
            }
        }
    }
}
