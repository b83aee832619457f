package io.hallwatch.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine, so it is checked against
 * what it describes: every Hallwatch service it names exists, is built from its own Dockerfile,
 * publishes the port its configuration listens on, and sets only variables that map to real
 * configuration keys of that service.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("hallwatch.root", "..")).toAbsolutePath().normalize();
    private static final List<String> SERVICES =
            List.of("queue-service", "counter-service", "sla-monitor-service", "marketing-service");
    private static JsonNode compose;

    @BeforeAll
    static void readComposeFile() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void it_describes_the_four_services_and_the_screens_with_kafka_and_postgres() {
        Set<String> names = new HashSet<>();
        compose.get("services").fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("postgres", "kafka", "queue-service", "counter-service", "sla-monitor-service",
                "marketing-service", "web", "prometheus", "alertmanager", "grafana", "simulator"), names);
    }

    @Test
    void kafka_runs_in_kraft_mode_at_the_version_the_services_are_built_against() {
        JsonNode kafka = service("kafka");
        assertEquals("apache/kafka:4.1.1", kafka.get("image").asText());
        assertTrue(kafka.get("environment").get("KAFKA_PROCESS_ROLES").asText().contains("controller"));
        assertFalse(kafka.get("environment").has("KAFKA_ZOOKEEPER_CONNECT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service", "web"})
    void each_service_is_built_from_its_own_jvm_dockerfile(String name) throws IOException {
        JsonNode build = service(name).get("build");
        assertEquals("./" + name, build.get("context").asText());
        Path dockerfile = ROOT.resolve(name).resolve(build.get("dockerfile").asText());
        assertTrue(Files.isRegularFile(dockerfile), dockerfile + " is missing");
        String port = config(name).getProperty("quarkus.http.port");
        assertTrue(Files.readString(dockerfile).contains("\nEXPOSE " + port + "\n"), dockerfile + " does not expose " + port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service", "web"})
    void each_service_publishes_the_port_its_configuration_listens_on(String name) throws IOException {
        String port = config(name).getProperty("quarkus.http.port");
        List<String> ports = new ArrayList<>();
        service(name).get("ports").forEach(p -> ports.add(p.asText()));
        // Replicas cannot share a host port: each of the services' publishes its own; web is the one fixed address.
        assertEquals(List.of(name.equals("web") ? port + ":" + port : port), ports);
        assertTrue(service(name).get("healthcheck").get("test").toString().contains("localhost:" + port + "/q/health/ready"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service"})
    void each_service_runs_two_replicas_as_in_kubernetes(String name) {
        assertEquals(2, service(name).path("deploy").path("replicas").asInt(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service"})
    void every_environment_variable_maps_to_a_configuration_key_of_the_service(String name) throws IOException {
        Set<String> keysAsEnv = new HashSet<>();
        for (String key : config(name).stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            keysAsEnv.add(unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        service(name).get("environment").fieldNames().forEachRemaining(env ->
                assertTrue(keysAsEnv.contains(env), name + ": " + env + " matches no key in its application.properties"));
        assertTrue(service(name).get("environment").has("QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(service(name).get("environment").has("KAFKA_BOOTSTRAP_SERVERS"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service"})
    void each_service_reaches_its_own_database_and_the_broker_by_their_compose_names(String name) throws IOException {
        JsonNode env = service(name).get("environment");
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText());
        assertTrue(jdbc.matches());
        assertEquals("postgres", jdbc.group(1));
        String ownDatabase = config(name).getProperty("quarkus.datasource.jdbc.url").replaceAll(".*/", "");
        assertEquals(ownDatabase, jdbc.group(3), "compose and the service's own config name different databases");
        String init = Files.readString(ROOT.resolve("deploy/compose/postgres-init.sql"));
        assertTrue(init.contains("CREATE DATABASE " + ownDatabase + ";"), ownDatabase + " is not created by the init script");
        assertEquals("kafka:9092", env.get("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertTrue(service("kafka").get("environment").get("KAFKA_ADVERTISED_LISTENERS").asText().contains("kafka:9092"));
    }

    @Test
    void the_screens_reach_the_four_services_and_the_broker_by_their_compose_names_with_the_dev_sign_in_off() throws IOException {
        JsonNode env = service("web").get("environment");
        Set<String> keysAsEnv = new HashSet<>();
        for (String key : config("web").stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            keysAsEnv.add(unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        env.fieldNames().forEachRemaining(e -> assertTrue(keysAsEnv.contains(e), "web: " + e + " matches no key in its application.properties"));
        // hallwatch.web.services.<key> -> the service's compose name and the port its own configuration listens on.
        Map<String, String> upstreams = Map.of("QUEUE", "queue-service", "COUNTER", "counter-service",
                "SLA", "sla-monitor-service", "MARKETING", "marketing-service");
        for (Map.Entry<String, String> u : upstreams.entrySet()) {
            assertEquals("http://" + u.getValue() + ":" + config(u.getValue()).getProperty("quarkus.http.port"),
                    env.path("HALLWATCH_WEB_SERVICES_" + u.getKey()).asText(), "web's " + u.getKey().toLowerCase() + " upstream");
            assertTrue(service("web").get("depends_on").has(u.getValue()), "web starts before " + u.getValue());
        }
        // Its ticket and SLA feeds read the topics from the compose broker.
        assertEquals("kafka:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertTrue(service("web").get("depends_on").has("kafka"));
        // The same token verification as the services; never the development sign-in, never the private key.
        assertEquals(service("queue-service").get("environment").path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText(),
                env.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText());
        assertEquals("false", config("web").getProperty("hallwatch.web.dev-sign-in.enabled"));
        assertEquals("false", env.path("HALLWATCH_WEB_DEV_SIGN_IN_ENABLED").asText("false"));
        assertFalse(env.has("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        String volumes = service("web").get("volumes").toString();
        assertTrue(volumes.contains("jwt-public.pem"), volumes);
        assertFalse(volumes.contains("jwt-private.pem") || volumes.contains("keys:/etc/hallwatch/keys"),
                "web gets the public key only: " + volumes);
    }

    @Test
    void prometheus_scrapes_every_service_at_its_compose_name_and_port() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        // Every replica: the job asks the name's A records (DNS service discovery), with the service's port.
        for (String name : SERVICES) {
            String port = config(name).getProperty("quarkus.http.port");
            assertTrue(prometheus.contains("names: [\"" + name + "\"]\n        type: A\n        port: " + port),
                    name + ":" + port + " is not scraped on every replica");
        }
        assertTrue(prometheus.contains("metrics_path: /q/metrics"));
        assertTrue(prometheus.contains("alertmanager:9093"));
    }

    @Test
    void the_simulator_reaches_the_services_by_their_compose_names_and_ports() throws IOException {
        JsonNode env = service("simulator").get("environment");
        assertEquals("http://queue-service:" + config("queue-service").getProperty("quarkus.http.port"),
                env.get("HALLWATCH_SIMULATOR_QUEUE_URL").asText());
        assertEquals("http://counter-service:" + config("counter-service").getProperty("quarkus.http.port"),
                env.get("HALLWATCH_SIMULATOR_COUNTER_URL").asText());
        Set<String> keysAsEnv = new HashSet<>();
        for (String key : config("simulator").stringPropertyNames()) {
            keysAsEnv.add(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        env.fieldNames().forEachRemaining(e -> assertTrue(keysAsEnv.contains(e), e + " matches no simulator config key"));
    }

    @Test
    void grafana_gets_the_provisioning_and_dashboards_folders() {
        String volumes = service("grafana").get("volumes").toString();
        assertTrue(volumes.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning"));
        assertTrue(volumes.contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards"));
    }

    @Test
    void every_dependency_names_a_service_of_the_file() {
        Set<String> names = new HashSet<>();
        compose.get("services").fieldNames().forEachRemaining(names::add);
        compose.get("services").forEach(s -> {
            if (s.has("depends_on")) {
                s.get("depends_on").fieldNames().forEachRemaining(d -> assertTrue(names.contains(d), "unknown dependency " + d));
            }
        });
    }

    @Test
    void docker_compose_itself_accepts_the_file() throws Exception {
        Path binary = io.hallwatch.testsupport.lint.Tools.dockerCompose();
        Process p = new ProcessBuilder(binary.toString(), "-f", "docker-compose.yml", "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    private static JsonNode service(String name) {
        JsonNode s = compose.get("services").get(name);
        assertTrue(s != null && !s.isNull(), "no service " + name);
        return s;
    }

    private static Properties config(String service) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            props.load(r);
        }
        return props;
    }
}
