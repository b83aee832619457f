package io.hallwatch.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;

/**
 * A real Kafka broker for a service's tests: Testcontainers where a Docker engine answers, else a
 * KRaft broker+controller inside the test JVM (kafka-test-common-runtime, the same code as the
 * real server). Never an in-memory connector. One broker per test JVM, shared by every test
 * class and every Quarkus restart, stopped when the JVM exits.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static String bootstrapServers;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives a Quarkus restart on purpose; the JVM shutdown hook stops it.
    }

    /** The broker's bootstrap servers, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            bootstrapServers = DockerEngine.available() ? startContainer() : startInJvm();
        }
        return bootstrapServers;
    }

    private static String startContainer() {
        KafkaContainer container = new KafkaContainer("apache/kafka-native:4.1.1");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
        return container.getBootstrapServers();
    }

    private static String startInJvm() {
        // A broker thread that hits a fatal error calls Exit; in a test JVM that must fail the
        // test, not kill the JVM (which Surefire reports as a broken fork).
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("In-JVM Kafka asked to exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("In-JVM Kafka asked to halt(" + code + "): " + message);
        });
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    // One node: the internal topics cannot ask for the default three replicas,
                    // or a consumer group never forms.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "4")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    // the JVM is going away; nothing to keep
                }
            }, "kafka-testkit-stop"));
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the in-JVM Kafka broker", e);
        }
    }
}
