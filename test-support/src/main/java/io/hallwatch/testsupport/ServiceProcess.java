package io.hallwatch.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged Hallwatch service as its own JVM, as the launcher and production run it, for the
 * suites that test the platform from outside (end-to-end, reliability): it can be killed with
 * SIGKILL and started again on the same port (the counter-service keeps the queue-service's
 * address), appending to one log in the module's {@code target/service-logs/}.
 */
public final class ServiceProcess implements AutoCloseable {
    /** The repository, given to the suites by their pom ({@code hallwatch.root}). */
    public static final Path ROOT = Path.of(System.getProperty("hallwatch.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    final int port;
    private Map<String, String> config;
    private final Path log;
    private Process process;

    private ServiceProcess(String name, int port, Map<String, String> config, Path log) {
        this.name = name;
        this.port = port;
        this.config = Map.copyOf(config);
        this.log = log;
    }

    public static ServiceProcess start(String name, Map<String, String> config) throws IOException {
        Path logs = Path.of("target/service-logs").toAbsolutePath();
        Files.createDirectories(logs);
        int port = freePort();
        ServiceProcess service = new ServiceProcess(name, port, config, logs.resolve(name + "-" + port + ".log"));
        service.launch();
        return service;
    }

    private void launch() throws IOException {
        Path jar = ROOT.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn verify' (which packages the services first)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port));
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Files.writeString(log, "=== start " + Instant.now() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitReady(Duration.ofSeconds(120));
    }

    /** SIGKILL: no shutdown hook, no flush, no offset commit, as a crashed host would leave it. */
    public void kill9() {
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Starts the same jar with the same configuration on the same port; returns when ready. */
    public Duration restart() throws IOException {
        Instant begin = Instant.now();
        launch();
        return Duration.between(begin, Instant.now());
    }

    /**
     * Starts the same jar on the same port with {@code changes} applied to its configuration (a restart the way a
     * launcher does it, with whatever it hands out now, such as the platform clock); returns when ready.
     */
    public Duration restart(Map<String, String> changes) throws IOException {
        Map<String, String> changed = new java.util.HashMap<>(config);
        changed.putAll(changes);
        config = Map.copyOf(changed);
        return restart();
    }

    /** The operating-system process id of the running JVM (what a launcher writes into its pid file). */
    public long pid() {
        return process.pid();
    }

    /** Whether the JVM still runs. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Ready status of /q/health/ready, or -1 when nothing answers. */
    public int readiness() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: " + tail());
            }
            if (readiness() == 200) {
                return;
            }
            process.onExit().completeOnTimeout(null, 300, TimeUnit.MILLISECONDS).join();
        }
        close();
        throw new IllegalStateException(name + " not ready within " + timeout + ": " + tail());
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
