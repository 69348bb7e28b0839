package com.bonusdesk.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() throws SQLException {
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
                Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("create table note (text varchar(20))");
            statement.execute("insert into note values ('kept')");
        }

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
                Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet notes = statement.executeQuery("select text from note")) {
            assertThat(notes.next()).isTrue();
            assertThat(notes.getString(1)).isEqualTo("kept");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    @Test
    void aServerLeftRunningByAKilledAppDoesNotKeepTheNextStartFromWorking() throws Exception {
        Process killedApp = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                KilledApp.class.getName(), dataDir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("killed-app.log").toFile())
                .start();
        assertThat(killedApp.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(killedApp.exitValue()).as("the app died after writing").isEqualTo(KilledApp.DIED);
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("its server is left running").exists();

        try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
                Connection connection = connect(database);
                Statement statement = connection.createStatement();
                ResultSet notes = statement.executeQuery("select text from note")) {
            assertThat(notes.next()).isTrue();
            assertThat(notes.getString(1)).isEqualTo("survived");
        }
    }

    /** Writes a row, then dies without stopping its database, as a killed app would. */
    static final class KilledApp {

        static final int DIED = 3;

        public static void main(String[] args) throws SQLException {
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
            try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
                statement.execute("create table note (text varchar(20))");
                statement.execute("insert into note values ('survived')");
            }
            Runtime.getRuntime().halt(DIED);
        }
    }

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), null);
    }
}
