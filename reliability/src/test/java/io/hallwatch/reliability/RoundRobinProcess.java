package io.hallwatch.reliability;

import io.hallwatch.testsupport.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's connection round-robin ({@code deploy/local/RoundRobin.java}, what the local launcher puts in
 * front of a service's replicas) as its own process, listening on {@code port} in front of the replicas' ports.
 */
final class RoundRobinProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private RoundRobinProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RoundRobinProcess start(String service, int port, List<Integer> replicaPorts) throws IOException {
        Path source = ServiceProcess.ROOT.resolve("deploy/local/RoundRobin.java");
        Path log = Path.of("target/service-logs").toAbsolutePath().resolve("round-robin-" + service + "-" + port + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", source.toString(), String.valueOf(port)));
        replicaPorts.forEach(p -> command.add(String.valueOf(p)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        RoundRobinProcess rr = new RoundRobinProcess(process, port);
        // Ready once it says it listens (a single-file program is compiled first: a second or two).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.readString(log).contains("listening on :" + port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                rr.close();
                throw new IllegalStateException("round-robin for " + service + " on :" + port + " did not start: " + Files.readString(log));
            }
            process.onExit().completeOnTimeout(null, 100, TimeUnit.MILLISECONDS).join();
        }
        return rr;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        process.onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
