package io.hallwatch.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./hallwatch stop}, asked of the real script: it ends every process its pid files name, every service and,
 * for a platform started with {@code HALLWATCH_REPLICAS}, every replica and round-robin, whatever the environment of
 * the stop says about replicas.
 */
class LauncherStopTest {
    private final List<Process> running = new ArrayList<>();

    @AfterEach
    void stopTheStandIns() {
        running.forEach(Process::destroyForcibly);
    }

    @Test
    void stop_ends_every_service_of_a_platform_with_one_replica_each() throws Exception {
        stopEnds("launcher-stop-one", List.of("queue-service", "counter-service", "sla-monitor-service", "marketing-service",
                "web", "kafka"));
    }

    @Test
    void stop_ends_every_replica_and_round_robin_of_a_platform_started_with_two() throws Exception {
        stopEnds("launcher-stop-two", List.of("queue-service-1", "queue-service-2", "rr-queue-service", "counter-service-1",
                "counter-service-2", "rr-counter-service", "sla-monitor-service-1", "sla-monitor-service-2",
                "rr-sla-monitor-service", "marketing-service-1", "marketing-service-2", "rr-marketing-service"));
    }

    private void stopEnds(String home, List<String> names) throws Exception {
        Launcher launcher = Launcher.fresh(home);
        for (String name : names) {
            // Any process will do for a pid file: the launcher stops what the file names.
            Process p = new ProcessBuilder("sleep", "300").start();
            running.add(p);
            launcher.recordPid(name, p.pid());
        }
        String out = launcher.run(Map.of(), "stop");
        for (int i = 0; i < names.size(); i++) {
            assertTrue(running.get(i).waitFor(15, TimeUnit.SECONDS), names.get(i) + " still runs after stop: " + out);
            assertFalse(Files.exists(launcher.home.resolve("pids").resolve(names.get(i) + ".pid")), names.get(i));
        }
        assertEquals(names.size(), out.lines().filter(l -> l.startsWith("[hallwatch] stopped ")).count(), out);
    }
}
