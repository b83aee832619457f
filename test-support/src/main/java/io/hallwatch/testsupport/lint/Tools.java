package io.hallwatch.testsupport.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The external tools the checks run (promtool, the Prometheus server, amtool, Spectral, Chromium), found or installed so that a fresh
 * machine runs every check with nothing installed by hand, and a machine where they cannot be had fails
 * saying how to get them, never skips.
 *
 * <p>Debian's tools are unpacked with {@code apt-get download} and {@code dpkg-deb -x} (no root, no
 * install); Spectral is installed with npm. Both into the repository's {@code .tools/} (ignored by git),
 * shared by every module's tests so that each tool is fetched once per clone.
 */
public final class Tools {

    /** Spectral's version, pinned so that a new rule release cannot turn the build red on its own. */
    public static final String SPECTRAL_VERSION = "6.16.3";

    private Tools() {
    }

    public static Path promtool() {
        return debianTool("promtool", "prometheus");
    }

    /**
     * The Prometheus server itself, from the same Debian package as promtool: for the checks that run a real
     * Prometheus against the services (the dashboards' queries).
     */
    public static Path prometheus() {
        return debianTool("prometheus", "prometheus");
    }

    public static Path amtool() {
        return debianTool("amtool", "prometheus-alertmanager");
    }

    /**
     * docker-compose (Debian's 1.29, which validates a compose file offline). A Python program with a
     * dozen dependencies, so it is not unpacked like promtool: installed with apt-get where the tests
     * run as root (as on our machines and CI), else the check fails saying so.
     */
    public static synchronized Path dockerCompose() {
        Optional<Path> onPath = onPath("docker-compose");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        String said = "root".equals(System.getProperty("user.name"))
                ? run(home(), 600, "apt-get", "install", "-y", "--no-install-recommends", "docker-compose")
                : "(not root: apt-get was not tried)";
        return onPath("docker-compose").orElseGet(() -> {
            fail("docker-compose is not on the PATH and could not be installed here. Install it: "
                    + "`apt-get install -y docker-compose` (Debian/Ubuntu, as root). apt-get said:\n" + said);
            return null;
        });
    }

    /** A browser for the screen tests: Chromium and the ChromeDriver that matches it. */
    public record Chromium(Path browser, Path driver) {
    }

    /** The apt-get command that installs what {@link #chromium()} needs. */
    public static final String CHROMIUM_INSTALL = "apt-get install -y chromium chromium-driver";

    /**
     * Debian's {@code chromium} and {@code chromium-driver} (never a browser downloaded by a test tool):
     * from the PATH, else installed with apt-get where the tests run as root (with {@code apt-get update}
     * first if the package lists are missing), else the test fails naming the command. Never a skip.
     */
    public static synchronized Chromium chromium() {
        Optional<Chromium> found = findChromium();
        if (found.isPresent()) {
            return found.get();
        }
        StringBuilder said = new StringBuilder();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && onPath("apt-get").isPresent()) {
            String first = run(home(), 900, "apt-get", "install", "-y", "chromium", "chromium-driver");
            said.append(first);
            if (findChromium().isEmpty()) {
                said.append(run(home(), 600, "apt-get", "update"));
                said.append(run(home(), 900, "apt-get", "install", "-y", "chromium", "chromium-driver"));
            }
        } else {
            said.append(root ? "(apt-get is not on the PATH)" : "(not root: apt-get was not tried)");
        }
        return findChromium().orElseGet(() -> {
            fail("Chromium and its ChromeDriver are needed for the screen tests and are not installed here. Install them: `"
                    + CHROMIUM_INSTALL + "` (Debian/Ubuntu, as root). Tried:\n" + said);
            return null;
        });
    }

    private static Optional<Chromium> findChromium() {
        Optional<Path> browser = onPath("chromium").or(() -> onPath("chromium-browser"));
        Optional<Path> driver = onPath("chromedriver");
        if (browser.isEmpty() || driver.isEmpty()) {
            Path b = Path.of("/usr/bin/chromium");
            Path d = Path.of("/usr/bin/chromedriver");
            browser = browser.or(() -> Optional.of(b).filter(Files::isExecutable));
            driver = driver.or(() -> Optional.of(d).filter(Files::isExecutable));
        }
        return browser.isPresent() && driver.isPresent() ? Optional.of(new Chromium(browser.get(), driver.get())) : Optional.empty();
    }

    public static synchronized Path spectral() {
        Optional<Path> onPath = onPath("spectral");
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path prefix = home().resolve("spectral-" + SPECTRAL_VERSION);
        Path bin = prefix.resolve("node_modules/.bin/spectral");
        if (!Files.isExecutable(bin)) {
            String output = run(home(), 300, "npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(),
                    "@stoplight/spectral-cli@" + SPECTRAL_VERSION);
            if (!Files.isExecutable(bin)) {
                fail("Spectral is not on the PATH and `npm install --prefix " + prefix + " @stoplight/spectral-cli@"
                        + SPECTRAL_VERSION + "` did not install it (Node.js and npm are needed, with the npm registry"
                        + " reachable). Install it with `npm install -g @stoplight/spectral-cli@" + SPECTRAL_VERSION
                        + "`. npm said:\n" + output);
            }
        }
        return bin;
    }

    private static synchronized Path debianTool(String name, String debianPackage) {
        Optional<Path> onPath = onPath(name);
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path root = home().resolve(debianPackage);
        Path unpacked = root.resolve("usr/bin").resolve(name);
        if (!Files.isExecutable(unpacked)) {
            StringBuilder said = new StringBuilder();
            try {
                Path debs = Files.createDirectories(root.resolve("debs"));
                said.append(run(debs, 180, "apt-get", "download", debianPackage));
                try (Stream<Path> files = Files.list(debs)) {
                    for (Path deb : files.filter(f -> f.getFileName().toString().startsWith(debianPackage + "_")).toList()) {
                        said.append(run(debs, 120, "dpkg-deb", "-x", deb.toString(), root.toString()));
                    }
                }
            } catch (IOException e) {
                said.append(e);
            }
            if (!Files.isExecutable(unpacked)) {
                fail(name + " is not on the PATH and could not be unpacked from Debian's `" + debianPackage
                        + "` package (apt-get download). Install it: `apt-get install -y " + debianPackage
                        + "` (Debian/Ubuntu) or put " + name + " on the PATH. Tried:\n" + said);
            }
        }
        return unpacked;
    }

    /** Runs a command in a directory; its combined output, or why it could not run. */
    public static String run(Path dir, int timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return String.join(" ", command) + ": timed out after " + timeoutSeconds + " s\n";
            }
            return new String(out);
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage() + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return String.join(" ", command) + ": interrupted\n";
        }
    }

    private static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** {@code <repository>/.tools}: the first parent of the working directory holding the launcher. */
    static Path home() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("hallwatch")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return mkdirs(d.resolve(".tools"));
            }
        }
        return mkdirs(dir.resolve("target/tools"));
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
    }

    static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
