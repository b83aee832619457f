package io.hallwatch.sla.client.alerting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Stand-ins for the SMS gateway, the WeCom and DingTalk robots and a generic webhook, on one local
 * HTTP server. Each checks the request's format and signature the way the provider would (a bad
 * one is answered as the provider answers it and recorded in {@link #REJECTED}), records what it
 * accepted, and can be told to fail, rate-limit, reject or not answer at all.
 */
public class ChannelStub implements QuarkusTestResourceLifecycleManager {
    public static final String SMS_SECRET = "sms-secret";
    public static final String DING_SECRET = "SECding-secret";
    public static final String HOOK_SECRET = "hook-secret";

    public enum Mode { OK, FAIL, RATE_LIMIT, REJECT, HANG }

    /** One accepted request: the channel and its JSON body. */
    public record Received(String channel, JsonNode body, long atNanos) {
    }

    public static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    public static final List<String> REJECTED = new CopyOnWriteArrayList<>();
    public static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
    public static final Map<String, Mode> MODES = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile CountDownLatch release = new CountDownLatch(1);

    private HttpServer server;

    public static void reset() {
        MODES.clear();
        RECEIVED.clear();
        REJECTED.clear();
        ATTEMPTS.clear();
        release.countDown();
        release = new CountDownLatch(1);
    }

    public static List<Received> received(String channel) {
        return RECEIVED.stream().filter(r -> r.channel().equals(channel)).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new HashMap<>();
        config.put("hallwatch.alerting.channels.timeout", "500ms");
        config.put("hallwatch.alerting.ack-link-base", "http://hallwatch.test");
        config.put("hallwatch.alerting.ack-link-secret", "ack-secret");
        config.put("hallwatch.alerting.channels.sms.url", base + "/sms/send");
        config.put("hallwatch.alerting.channels.sms.account", "1400000001");
        config.put("hallwatch.alerting.channels.sms.secret", SMS_SECRET);
        config.put("hallwatch.alerting.channels.wecom.webhook-url", base + "/wecom/send?key=test-key");
        config.put("hallwatch.alerting.channels.dingtalk.webhook-url", base + "/dingtalk/send?access_token=test-token");
        config.put("hallwatch.alerting.channels.dingtalk.secret", DING_SECRET);
        config.put("hallwatch.alerting.channels.webhook.url", base + "/hook");
        config.put("hallwatch.alerting.channels.webhook.secret", HOOK_SECRET);
        return config;
    }

    @Override
    public void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String channel = path.split("/")[1];
        String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        ATTEMPTS.add(channel);
        Mode mode = MODES.getOrDefault(channel, Mode.OK);
        try {
            switch (mode) {
                case HANG -> {
                    release.await(10, TimeUnit.SECONDS);
                    // The client has given up long ago; its closed socket is what this mode is for,
                    // not a rejected request (recording it leaked a "Broken pipe" into the next test).
                    try {
                        respond(ex, 500, "{}");
                    } catch (IOException clientGone) {
                        ex.close();
                    }
                    return;
                }
                case FAIL -> {
                    respond(ex, 503, "{}");
                    return;
                }
                case RATE_LIMIT -> {
                    if (channel.equals("wecom") || channel.equals("dingtalk")) {
                        respond(ex, 200, "{\"errcode\":" + (channel.equals("wecom") ? 45009 : 130101) + ",\"errmsg\":\"limit\"}");
                    } else {
                        respond(ex, 429, "{}");
                    }
                    return;
                }
                case REJECT -> {
                    respond(ex, 400, "{}");
                    return;
                }
                default -> {
                }
            }
            JsonNode body = JSON.readTree(raw);
            String problem = switch (channel) {
                case "sms" -> sms(ex, raw, body);
                case "wecom" -> wecom(ex, body);
                case "dingtalk" -> dingtalk(ex, body);
                case "hook" -> hook(ex, raw, body);
                default -> "unknown path";
            };
            if (problem != null) {
                REJECTED.add(channel + ": " + problem);
                respond(ex, channel.equals("sms") || channel.equals("hook") ? 401 : 200,
                        channel.equals("sms") || channel.equals("hook") ? "{}" : "{\"errcode\":310000,\"errmsg\":\"" + problem + "\"}");
                return;
            }
            RECEIVED.add(new Received(channel, body, System.nanoTime()));
            respond(ex, 200, channel.equals("sms") ? "{\"Code\":\"Ok\"}" : channel.equals("hook") ? "{}" : "{\"errcode\":0,\"errmsg\":\"ok\"}");
        } catch (Exception e) {
            REJECTED.add(channel + ": " + e);
            respond(ex, 400, "{}");
        }
    }

    private static String sms(HttpExchange ex, String raw, JsonNode b) {
        String ts = ex.getRequestHeaders().getFirst("X-Timestamp");
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (ts == null || auth == null) {
            return "unsigned";
        }
        if (!auth.equals("HMAC-SHA256 Account=1400000001, Signature=" + Signatures.bodySignature(SMS_SECRET, Long.parseLong(ts), raw))) {
            return "bad signature";
        }
        if (!"1400000001".equals(b.path("SmsSdkAppId").asText()) || b.path("SignName").asText().isEmpty()
                || b.path("TemplateId").asText().isEmpty()) {
            return "missing app, sign or template";
        }
        JsonNode phones = b.path("PhoneNumberSet");
        if (!phones.isArray() || phones.size() != 1 || !phones.get(0).asText().matches("^\\+861[3-9][0-9]{9}$")) {
            return "bad PhoneNumberSet";
        }
        if (!b.path("TemplateParamSet").isArray()) {
            return "bad TemplateParamSet";
        }
        return null;
    }

    private static String wecom(HttpExchange ex, JsonNode b) {
        if (!"key=test-key".equals(ex.getRequestURI().getQuery())) {
            return "bad key";
        }
        if (!"markdown".equals(b.path("msgtype").asText()) || b.path("markdown").path("content").asText().isEmpty()) {
            return "not a markdown message";
        }
        if (b.path("markdown").path("content").asText().getBytes(StandardCharsets.UTF_8).length > 4096) {
            return "content too long";
        }
        return null;
    }

    private static String dingtalk(HttpExchange ex, JsonNode b) {
        Map<String, String> q = new HashMap<>();
        for (String kv : ex.getRequestURI().getRawQuery().split("&")) {
            int i = kv.indexOf('=');
            q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        if (!"test-token".equals(q.get("access_token")) || q.get("timestamp") == null || q.get("sign") == null) {
            return "missing token, timestamp or sign";
        }
        long ts = Long.parseLong(q.get("timestamp"));
        if (Math.abs(System.currentTimeMillis() - ts) > 3_600_000) {
            return "timestamp outside one hour";
        }
        String expected = URLDecoder.decode(Signatures.dingTalk(DING_SECRET, ts), StandardCharsets.UTF_8);
        if (!expected.equals(q.get("sign"))) {
            return "sign mismatch";
        }
        if (!"markdown".equals(b.path("msgtype").asText()) || b.path("markdown").path("title").asText().isEmpty()
                || b.path("markdown").path("text").asText().isEmpty()) {
            return "not a markdown message";
        }
        return null;
    }

    private static String hook(HttpExchange ex, String raw, JsonNode b) {
        String ts = ex.getRequestHeaders().getFirst("X-Hallwatch-Timestamp");
        String sig = ex.getRequestHeaders().getFirst("X-Hallwatch-Signature");
        if (ts == null || sig == null || !sig.equals("sha256=" + Signatures.bodySignature(HOOK_SECRET, Long.parseLong(ts), raw))) {
            return "bad signature";
        }
        if (b.path("alertId").asText().isEmpty() || b.path("branchId").asText().isEmpty()) {
            return "missing alertId or branchId";
        }
        return null;
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
