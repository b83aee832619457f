package io.hallwatch.reliability;

import io.hallwatch.testsupport.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway PostgreSQL cluster of the suite's own, on a free port, that it may stop and start:
 * the machine's shared server on 5432 is never touched. initdb and pg_ctl refuse to run as root,
 * so they run as the {@code postgres} OS user.
 */
final class PrivatePostgres implements AutoCloseable {
    private static final Path BIN = Path.of(System.getenv().getOrDefault("HALLWATCH_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path dir;
    private final int port;

    private PrivatePostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /**
     * Fails, saying how to get them, where the server binaries are missing: the outage scenario needs a
     * PostgreSQL of its own to stop, and must not pass by not running.
     */
    static void requireBinaries() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) are not in " + BIN
                    + ": install them (Debian: `apt-get install -y postgresql-15`) or point HALLWATCH_PG_BIN at their folder");
        }
    }

    static PrivatePostgres start() throws IOException {
        Path dir = Files.createTempDirectory("hallwatch-reliability-pg");
        PrivatePostgres pg = new PrivatePostgres(dir, ServiceProcess.freePort());
        run("chown", "postgres", dir.toString());
        pg.asPostgres(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres",
                "--no-sync");
        pg.startServer();
        return pg;
    }

    void startServer() throws IOException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "-t", "60", "start");
    }

    /** A fast shutdown: sessions are ended, the port closes, as in a database failover. */
    void stopServer() throws IOException {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
    }

    /** A fresh database on this cluster, as the service's datasource configuration. */
    Map<String, String> database(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return Map.of("quarkus.datasource.jdbc.url", url(name), "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "");
    }

    private String url(String db) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
    }

    private void asPostgres(String... command) throws IOException {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } catch (RuntimeException | IOException e) {
            // already stopped
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
