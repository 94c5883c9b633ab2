package io.cellgate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cellgate.support.Replica;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How the Helm chart runs the database migrations: every replica migrates at start, and Flyway's lock in PostgreSQL
 * lets one of them apply a new version's migrations while the others wait and then find them applied. Two packaged
 * replicas started at the same moment against an empty database both come up, and each migration is applied once.
 */
class MigrationLockIT {
    private static final String DATABASE = "cellgate_migration_race_" + ProcessHandle.current().pid();

    @Test
    void twoReplicasStartedAtOnceOnAnEmptyDatabaseApplyEachMigrationOnce() throws Exception {
        superuser("CREATE DATABASE " + DATABASE + " OWNER " + System.getenv("CELLGATE_DB_OWNER_USER"));
        Replica first = new Replica(8099, 26812).with("CELLGATE_DB_NAME", DATABASE);
        Replica second = new Replica(8100, 27812).with("CELLGATE_DB_NAME", DATABASE);
        long firstLog = logLength(8099);
        long secondLog = logLength(8100);
        try {
            first.start();
            second.start();
            first.awaitReady();
            second.awaitReady();

            List<String> repeated = owner("SELECT coalesce(version, description) FROM flyway_schema_history"
                    + " WHERE type <> 'SCHEMA' GROUP BY 1 HAVING count(*) > 1");
            assertEquals(List.of(), repeated, "applied more than once");
            assertEquals(List.of(), owner("SELECT script FROM flyway_schema_history WHERE NOT success"));
            assertEquals(List.of(String.valueOf(versionedMigrations())),
                    owner("SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"));
            int applying = (logSince(8099, firstLog).contains("Successfully applied") ? 1 : 0)
                    + (logSince(8100, secondLog).contains("Successfully applied") ? 1 : 0);
            assertEquals(1, applying, "one replica applied the migrations, the other found them applied");
        } finally {
            first.stop();
            second.stop();
            superuser("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    private static long versionedMigrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
    }

    private static void superuser(String sql) throws SQLException, IOException {
        String password = Files.readString(Path.of(System.getenv("CELLGATE_STATE"), "pg", "superuser-password"))
                .strip();
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> owner(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(DATABASE),
                System.getenv("CELLGATE_DB_OWNER_USER"), System.getenv("CELLGATE_DB_OWNER_PASSWORD"));
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + System.getenv("CELLGATE_DB_HOST") + ":" + System.getenv("CELLGATE_DB_PORT") + "/"
                + database;
    }

    private static long logLength(int port) {
        return Path.of("target/replica-" + port + ".log").toFile().length();
    }

    /** What the replica logged since the log had {@code from} bytes (its log file is appended to across runs). */
    private static String logSince(int port, long from) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile("target/replica-" + port + ".log", "r")) {
            byte[] written = new byte[(int) (log.length() - from)];
            log.seek(from);
            log.readFully(written);
            return new String(written, StandardCharsets.UTF_8);
        }
    }
}
