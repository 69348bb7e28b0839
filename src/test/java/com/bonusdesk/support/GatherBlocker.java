package com.bonusdesk.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds a payout build at one line, deterministically: an open transaction that has put the line in a run, so
 * that the build's chunk taking the same line waits on it (PostgreSQL's unique index makes it) until the
 * transaction ends. Closing rolls it back, and the build's chunk goes on as if nothing had been there.
 */
public final class GatherBlocker implements AutoCloseable {

    private final Connection connection;

    private GatherBlocker(Connection connection) {
        this.connection = connection;
    }

    /** Blocks {@code lineId} on {@code connection}, which the blocker owns from now on. */
    public static GatherBlocker at(Connection connection, long lineId) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into payout_item (run_id, line_id, payee_id, "
                + "state) select 0, id, payee_id, 'IN_RUN' from earned_line where id = ?")) {
            insert.setLong(1, lineId);
            assertThat(insert.executeUpdate()).as("line %d exists", lineId).isEqualTo(1);
        }
        return new GatherBlocker(connection);
    }

    /** Waits, at most {@code limit}, until a build's chunk is waiting for the blocked line. */
    public void awaitBuildWaiting(Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!buildWaiting()) {
            assertThat(System.nanoTime()).as("a build waits for the blocked line").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private boolean buildWaiting() throws SQLException {
        // the activity view is read once per transaction unless its snapshot is dropped
        try (PreparedStatement clear = connection.prepareStatement("select pg_stat_clear_snapshot()")) {
            clear.execute();
        }
        try (PreparedStatement waiting = connection.prepareStatement("select count(*) from pg_stat_activity "
                + "where wait_event_type = 'Lock' and query like 'insert into payout_item%' and pid <> pg_backend_pid()");
             ResultSet result = waiting.executeQuery()) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    /** Keeps the line taken, as another build would that took it first, and ends the hold. */
    public void commit() throws SQLException {
        try {
            connection.commit();
        } finally {
            connection.close();
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
