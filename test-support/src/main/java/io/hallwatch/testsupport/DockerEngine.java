package io.hallwatch.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a Docker engine answers here. Testcontainers is only asked where there is a socket or a
 * DOCKER_HOST to ask, so that machines without an engine (ours, CI) go straight to the local
 * services instead of paying for Testcontainers' probing. {@code HALLWATCH_TEST_DOCKER=false}
 * forces the local path even where an engine runs.
 */
final class DockerEngine {
    private static Boolean available;

    private DockerEngine() {
    }

    static synchronized boolean available() {
        if (available == null) {
            available = probe();
        }
        return available;
    }

    private static boolean probe() {
        if ("false".equalsIgnoreCase(System.getenv("HALLWATCH_TEST_DOCKER"))) {
            return false;
        }
        boolean candidate = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!candidate) {
            return false;
        }
        try {
            return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
