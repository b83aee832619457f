package io.hallwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** The size of each service's database ({@code pg_database_size}), through psql as the scripts use it. */
final class Database {
    private final String host;
    private final String port;
    private final String user;

    /** {@code host:port:user}. */
    Database(String hostPortUser) {
        String[] p = hostPortUser.split(":");
        host = p[0];
        port = p[1];
        user = p[2];
    }

    /** Bytes per service, for the {@code service → database} given; -1 where psql failed. */
    Map<String, Long> sizes(Map<String, String> databases) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        databases.forEach((service, db) -> sizes.put(service, size(db)));
        return sizes;
    }

    private long size(String db) {
        try {
            Process p = new ProcessBuilder("psql", "-h", host, "-p", port, "-U", user, "-d", "postgres", "-tAc",
                    "SELECT pg_database_size('" + db.replace("'", "") + "')").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
