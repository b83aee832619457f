package io.hallwatch.e2e;

import io.hallwatch.testsupport.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/k8s against the services' real configuration: ports, probes, configuration keys, scraping. */
class KubernetesManifestsTest {
    private static final Path K8S = ServiceProcess.ROOT.resolve("deploy/k8s");

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(K8S.resolve(file).toFile())) {
            while (it.hasNext()) {
                docs.add(it.next());
            }
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Properties config(String service) throws IOException {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(ServiceProcess.ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
            props.load(r);
        }
        return props;
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service", "web"})
    void each_service_is_deployed_on_its_configured_port_with_quarkus_health_probes(String name) throws IOException {
        List<JsonNode> docs = documents(name + ".yaml");
        String port = config(name).getProperty("quarkus.http.port");
        JsonNode container = kind(docs, "Deployment").path("spec").path("template").path("spec").path("containers").get(0);
        assertEquals(port, container.path("ports").get(0).path("containerPort").asText());
        assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText());
        JsonNode service = kind(docs, "Service");
        assertEquals(port, service.path("spec").path("ports").get(0).path("port").asText());
        assertEquals(name, service.path("metadata").path("name").asText());
        assertTrue(kind(docs, "Deployment").path("spec").path("replicas").asInt() >= 2, "stateless services run replicated");
        // Scraped by the ServiceMonitor and fenced by the NetworkPolicy, which both select this label.
        assertEquals("hallwatch", service.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText());
        assertEquals("hallwatch", kind(docs, "Deployment").path("spec").path("template").path("metadata").path("labels")
                .path("app.kubernetes.io/part-of").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service", "web"})
    void each_deployment_keeps_a_replica_through_disruptions_and_scales_on_cpu(String name) throws IOException {
        List<JsonNode> docs = documents(name + ".yaml");
        JsonNode deployment = kind(docs, "Deployment");
        JsonNode podLabels = deployment.path("spec").path("template").path("metadata").path("labels");
        JsonNode pdb = kind(docs, "PodDisruptionBudget");
        assertEquals("policy/v1", pdb.path("apiVersion").asText());
        assertEquals(1, pdb.path("spec").path("minAvailable").asInt(), name + ": one replica stays through a drain");
        pdb.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(l ->
                assertEquals(l.getValue().asText(), podLabels.path(l.getKey()).asText(), name + ": the budget selects the pods"));
        JsonNode hpa = kind(docs, "HorizontalPodAutoscaler");
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        assertEquals("Deployment", hpa.path("spec").path("scaleTargetRef").path("kind").asText());
        assertEquals(deployment.path("metadata").path("name").asText(), hpa.path("spec").path("scaleTargetRef").path("name").asText());
        assertEquals(deployment.path("spec").path("replicas").asInt(), hpa.path("spec").path("minReplicas").asInt(),
                name + ": the autoscaler never goes under the replicas the Deployment asks for");
        assertTrue(hpa.path("spec").path("maxReplicas").asInt() <= 6, name + ": no more consumers than the topics' partitions");
        assertEquals("cpu", hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText());
        // A CPU utilization target needs a CPU request on the container.
        assertFalse(deployment.path("spec").path("template").path("spec").path("containers").get(0).path("resources")
                .path("requests").path("cpu").asText().isEmpty(), name + ": a CPU request for the autoscaler");
    }

    @Test
    void the_screens_reach_the_four_services_by_their_kubernetes_names_with_the_dev_sign_in_off() throws IOException {
        List<JsonNode> docs = documents("web.yaml");
        Set<String> keysAsEnv = new HashSet<>();
        for (String key : config("web").stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            keysAsEnv.add(unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        JsonNode data = kind(docs, "ConfigMap").path("data");
        data.fieldNames().forEachRemaining(env -> assertTrue(keysAsEnv.contains(env), "web: " + env + " is no config key"));
        // hallwatch.web.services.<key> -> the Service of that name in deploy/k8s, on its port.
        Map<String, String> upstreams = Map.of("QUEUE", "queue-service", "COUNTER", "counter-service",
                "SLA", "sla-monitor-service", "MARKETING", "marketing-service");
        for (Map.Entry<String, String> u : upstreams.entrySet()) {
            JsonNode service = kind(documents(u.getValue() + ".yaml"), "Service");
            assertEquals("http://" + service.path("metadata").path("name").asText() + ":" + service.path("spec").path("ports").get(0).path("port").asText(),
                    data.path("HALLWATCH_WEB_SERVICES_" + u.getKey()).asText(), "web's " + u.getKey().toLowerCase() + " upstream");
        }
        // Its ticket and SLA feeds read the same broker as the services; the same token verification.
        JsonNode queue = kind(documents("queue-service.yaml"), "ConfigMap").path("data");
        assertEquals(queue.path("KAFKA_BOOTSTRAP_SERVERS").asText(), data.path("KAFKA_BOOTSTRAP_SERVERS").asText());
        assertEquals(queue.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText(), data.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText());
        // Never the development sign-in, never the private key.
        assertEquals("false", config("web").getProperty("hallwatch.web.dev-sign-in.enabled"));
        assertEquals("false", data.path("HALLWATCH_WEB_DEV_SIGN_IN_ENABLED").asText("false"));
        assertFalse(data.has("SMALLRYE_JWT_SIGN_KEY_LOCATION"));
        JsonNode pod = kind(docs, "Deployment").path("spec").path("template").path("spec");
        assertFalse(pod.toString().contains("jwt-private.pem"), "web mounts the public key only");
        assertFalse(pod.path("containers").get(0).path("env").toString().contains("DEV_SIGN_IN"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"queue-service", "counter-service", "sla-monitor-service", "marketing-service"})
    void every_configmap_variable_maps_to_a_configuration_key_of_the_service(String name) throws IOException {
        Set<String> keysAsEnv = new HashSet<>();
        for (String key : config(name).stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            keysAsEnv.add(unprofiled.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        }
        JsonNode data = kind(documents(name + ".yaml"), "ConfigMap").path("data");
        data.fieldNames().forEachRemaining(env -> assertTrue(keysAsEnv.contains(env), name + ": " + env + " is no config key"));
        assertTrue(data.has("KAFKA_BOOTSTRAP_SERVERS") && data.has("QUARKUS_DATASOURCE_JDBC_URL"));
        String db = config(name).getProperty("quarkus.datasource.jdbc.url").replaceAll(".*/", "");
        assertTrue(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText().endsWith("/" + db));
        assertTrue(keysAsEnv.contains("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void prometheus_operator_scrapes_q_metrics_of_every_service() throws IOException {
        JsonNode monitor = kind(documents("monitoring.yaml"), "ServiceMonitor");
        assertEquals("/q/metrics", monitor.path("spec").path("endpoints").get(0).path("path").asText());
        assertEquals("hallwatch", monitor.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/part-of").asText());
    }
}
