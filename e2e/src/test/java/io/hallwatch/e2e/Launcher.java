package io.hallwatch.e2e;

import io.hallwatch.testsupport.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository's launcher ({@code ./hallwatch}) run for real on a state folder of a test's own
 * ({@code HALLWATCH_HOME}): its clock commands, its pid files, its stop. Nothing here re-implements
 * what the launcher decides; the tests ask the script.
 */
final class Launcher {
    final Path home;

    Launcher(Path home) {
        this.home = home;
    }

    /** A fresh state folder under the module's target/. */
    static Launcher fresh(String name) throws IOException {
        Path home = Path.of("target", name).toAbsolutePath();
        if (Files.exists(home)) {
            try (var walk = Files.walk(home)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(home.resolve("pids"));
        return new Launcher(home);
    }

    /** The platform clock as the launcher hands it out now: what {@code ./hallwatch clock} prints. */
    Clock clock(Map<String, String> env) {
        String out = run(env, "clock");
        Map<String, String> values = new HashMap<>();
        out.lines().filter(l -> l.startsWith("CLOCK_")).forEach(l -> values.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertTrue(values.containsKey("CLOCK_SCALE") && values.containsKey("CLOCK_REAL_START") && values.containsKey("CLOCK_EPOCH"), out);
        return new Clock(Double.parseDouble(values.get("CLOCK_SCALE")), values.get("CLOCK_REAL_START"), values.get("CLOCK_EPOCH"));
    }

    Clock clock() {
        return clock(Map.of());
    }

    /** Records a running process as the launcher does for what it starts ({@code pids/<name>.pid}). */
    void recordPid(String name, long pid) throws IOException {
        Files.writeString(home.resolve("pids").resolve(name + ".pid"), pid + "\n");
    }

    Path clockFile() {
        return home.resolve("clock.env");
    }

    /** Runs {@code ./hallwatch <args>} with this state folder; its output (stdout and stderr), failing on a non-zero exit. */
    String run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ServiceProcess.ROOT.resolve("hallwatch").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("HALLWATCH_"));
        pb.environment().putAll(env);
        pb.environment().put("HALLWATCH_HOME", home.toString());
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "./hallwatch " + String.join(" ", args) + " did not end");
            assertEquals(0, p.exitValue(), "./hallwatch " + String.join(" ", args) + ": " + out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run the launcher", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The launcher's clock: {@code scale} platform seconds per real second, {@code epoch} at the real instant {@code realStart}. */
    record Clock(double scale, String realStart, String epoch) {
        /** The services' (and the simulator's) clock settings, as the launcher hands them over. */
        Map<String, String> properties() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("hallwatch.clock.scale", scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale));
            if (!realStart.isEmpty()) {
                p.put("hallwatch.clock.real-start", realStart);
                p.put("hallwatch.clock.epoch", epoch);
            }
            return p;
        }

        /** What the platform's clock shows now. */
        Instant now() {
            Instant start = Instant.parse(realStart);
            return Instant.parse(epoch).plusNanos(Math.round(Duration.between(start, Instant.now()).toNanos() * scale));
        }

        /** How long in real time until the platform's clock shows {@code at} (zero if it is past). */
        Duration realUntil(Instant at) {
            long nanos = Math.round(Duration.between(now(), at).toNanos() / scale);
            return Duration.ofNanos(Math.max(0, nanos));
        }
    }
}
