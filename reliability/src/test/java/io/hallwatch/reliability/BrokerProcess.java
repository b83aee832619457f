package io.hallwatch.reliability;

import io.hallwatch.testsupport.ServiceProcess;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real KRaft broker+controller as its own JVM, formatted as the launcher does, so that the suite
 * can kill -9 it and start it again on the same ports and log directory. The in-JVM test kit
 * cannot be killed like a host.
 */
final class BrokerProcess implements AutoCloseable {
    private final Path home;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private Process process;

    private BrokerProcess(Path home, int port, int controllerPort) {
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = home.resolve("broker.log");
    }

    static BrokerProcess start() throws IOException {
        Path home = ServiceProcess.ROOT.resolve("reliability/target/broker-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(home.resolve("data"));
        BrokerProcess broker = new BrokerProcess(home, ServiceProcess.freePort(), ServiceProcess.freePort());
        broker.format();
        broker.launch();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void format() throws IOException {
        Files.writeString(home.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false", ""));
        Process formatting = new ProcessBuilder(java("kafka.tools.StorageTool", "format", "--cluster-id=" + randomClusterId(),
                "-c", home.resolve("server.properties").toString(), "--standalone"))
                .redirectErrorStream(true).redirectOutput(home.resolve("format.log").toFile()).start();
        try {
            if (!formatting.waitFor(60, TimeUnit.SECONDS) || formatting.exitValue() != 0) {
                throw new IllegalStateException("Kafka storage format failed: " + Files.readString(home.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kafka's own cluster id form: a random UUID as 22 characters of URL-safe base64. Like Kafka's
     * Uuid.randomUuid it never starts with '-': one id in 64 did, and the storage tool read it as an
     * option (the red CI run of 2026-11-24).
     */
    static String randomClusterId() {
        String id;
        do {
            UUID u = UUID.randomUUID();
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
        } while (id.startsWith("-"));
        return id;
    }

    private void launch() throws IOException {
        process = new ProcessBuilder(java("kafka.Kafka", home.resolve("server.properties").toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited: " + tail());
            }
            if (listening()) {
                return;
            }
            process.onExit().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException("Kafka did not listen on " + port + " within 90 s: " + tail());
    }

    private boolean listening() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    void kill9() {
        process.destroyForcibly();
        process.onExit().join();
    }

    Duration restart() throws IOException {
        Instant begin = Instant.now();
        launch();
        return Duration.between(begin, Instant.now());
    }

    private static List<String> java(String main, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return command;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            process.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).join();
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }
}
