package io.hallwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SMS gateway as the monitor sees it, in the benchmark's JVM: records when each message
 * arrived, and answers like a provider only for a request that is well signed and well formed.
 */
final class SmsSink implements AutoCloseable {
    /** One accepted message: when it arrived, to whom, and the alert it belongs to. */
    record Received(Instant at, String phone, String alertId) {
    }

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    SmsSink(int port, String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/sms", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int refused() {
        return refused.get();
    }

    private void handle(HttpExchange x) throws IOException {
        Instant at = Instant.now();
        byte[] raw = x.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String ts = x.getRequestHeaders().getFirst("X-Timestamp");
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String problem = null;
        JsonNode json = null;
        if (ts == null || auth == null || !auth.endsWith("Signature=" + sign(ts + "." + body))) {
            problem = "bad signature";
        } else {
            json = HallwatchApi.JSON.readTree(body);
            if (!json.path("PhoneNumberSet").isArray() || json.path("PhoneNumberSet").size() != 1
                    || !json.path("SessionContext").isTextual() || !json.path("TemplateParamSet").isArray()) {
                problem = "not an SMS request";
            }
        }
        if (problem != null) {
            refused.incrementAndGet();
            answer(x, 400, "{\"Code\":\"InvalidParameter\",\"Message\":\"" + problem + "\"}");
            return;
        }
        received.add(new Received(at, json.path("PhoneNumberSet").get(0).asText(), json.path("SessionContext").asText()));
        answer(x, 200, "{\"Code\":\"Ok\"}");
    }

    private String sign(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
