package io.hallwatch.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Finds promtool and amtool for the tests: on the PATH, else unpacked from Debian's own packages
 * into {@code target/tools}. {@code apt-get download} needs neither root nor an install, so a fresh
 * Debian machine runs the rule tests without anyone installing Prometheus first; elsewhere the
 * tools must be on the PATH or the tests are skipped with a message.
 */
final class MonitoringTools {
    private static final Path TOOLS = Path.of("target", "tools").toAbsolutePath();

    private MonitoringTools() {
    }

    /** The executable, or empty where it is neither installed nor obtainable from apt. */
    static synchronized Optional<Path> find(String name, String debianPackage) {
        Optional<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isPresent()) {
            return onPath;
        }
        Path unpacked = TOOLS.resolve("usr/bin").resolve(name);
        if (!Files.isExecutable(unpacked)) {
            unpackFromDebian(debianPackage);
        }
        return Files.isExecutable(unpacked) ? Optional.of(unpacked) : Optional.empty();
    }

    private static void unpackFromDebian(String debianPackage) {
        try {
            Path debs = Files.createDirectories(TOOLS.resolve("debs"));
            if (!run(debs, "apt-get", "download", debianPackage)) {
                return;
            }
            try (Stream<Path> files = Files.list(debs)) {
                for (Path deb : files.filter(f -> f.getFileName().toString().startsWith(debianPackage + "_")).toList()) {
                    run(debs, "dpkg-deb", "-x", deb.toString(), TOOLS.toString());
                }
            }
        } catch (IOException e) {
            // No apt here (not Debian, no network): the caller skips with its own message.
        }
    }

    private static boolean run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
