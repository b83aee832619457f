package io.hallwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.awaitility.core.ConditionTimeoutException;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real PostgreSQL database for a service's tests, in this order of preference:
 * <ol>
 *   <li>{@code HALLWATCH_TEST_JDBC_URL} (with {@code HALLWATCH_TEST_JDBC_USER}/{@code _PASSWORD}): used as given;</li>
 *   <li>a Testcontainers PostgreSQL where a Docker engine answers;</li>
 *   <li>the local server on 127.0.0.1:5432, started here if it is not running, with a fresh,
 *       uniquely named database for this test run, dropped at the end.</li>
 * </ol>
 * Tests therefore never depend on what an earlier run left behind.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;
    static final String LOCAL_USER = "postgres";

    private PostgreSQLContainer container;
    private String createdDatabase;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("HALLWATCH_TEST_JDBC_URL");
        if (url != null && !url.isBlank()) {
            return config(url, env("HALLWATCH_TEST_JDBC_USER", LOCAL_USER), env("HALLWATCH_TEST_JDBC_PASSWORD", ""));
        }
        if (DockerEngine.available()) {
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            return config(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        ensureLocalServerRunning();
        createdDatabase = "hallwatch_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + createdDatabase);
        return config(localUrl(createdDatabase), LOCAL_USER, "");
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
        if (createdDatabase != null) {
            admin("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
            createdDatabase = null;
        }
    }

    private static Map<String, String> config(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    static String localUrl(String database) {
        return "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/" + database;
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(localUrl("postgres"), LOCAL_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused: " + sql, e);
        }
    }

    /** Starts the machine's PostgreSQL cluster where it is installed but not running. */
    static synchronized void ensureLocalServerRunning() {
        if (reachable()) {
            return;
        }
        String version = installedClusterVersion();
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(PostgresTestResource::reachable);
            return;
        } catch (ConditionTimeoutException e) {
            // fall through to the explanation below
        }
        throw new IllegalStateException("PostgreSQL " + version + " did not start on " + LOCAL_HOST + ":" + LOCAL_PORT
                + "; set HALLWATCH_TEST_JDBC_URL to use another server");
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection(localUrl("postgres"), LOCAL_USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String installedClusterVersion() {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).max(String::compareTo)
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL cluster under /etc/postgresql"));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL is not reachable on " + LOCAL_HOST + ":" + LOCAL_PORT
                    + " and not installed here; set HALLWATCH_TEST_JDBC_URL", e);
        }
    }

    private static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command).toLowerCase(Locale.ROOT) + " exited " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }
}
