package com.bonusdesk.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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

    private static Connection connect(EmbeddedDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), null);
    }
}
