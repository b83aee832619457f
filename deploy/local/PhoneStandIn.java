import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The duty managers' phones for a local run: stands in for the SMS gateway, the WeCom group robot
 * and the DingTalk robot that sla-monitor-service's alerting sends to. Each request is checked the
 * way the provider checks it (signature, key, timestamp, body format) and answered the way the
 * provider answers; every accepted message becomes one line in the log file, with the number
 * masked (138****5678). JDK only, run by ./hallwatch as a single-file program:
 *
 *   java deploy/local/PhoneStandIn.java <port> <log file>
 *
 * Secrets come from the environment, the same values the launcher gives the service:
 * PHONE_SMS_ACCOUNT, PHONE_SMS_SECRET, PHONE_WECOM_KEY, PHONE_DINGTALK_TOKEN, PHONE_DINGTALK_SECRET.
 */
public class PhoneStandIn {
    private static final Pattern E164_CN = Pattern.compile("^\\+861[3-9][0-9]{9}$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String smsAccount = env("PHONE_SMS_ACCOUNT");
    private final String smsSecret = env("PHONE_SMS_SECRET");
    private final String wecomKey = env("PHONE_WECOM_KEY");
    private final String dingToken = env("PHONE_DINGTALK_TOKEN");
    private final String dingSecret = env("PHONE_DINGTALK_SECRET");
    private final PrintWriter log;

    PhoneStandIn(Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        log = new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        PhoneStandIn phone = new PhoneStandIn(Path.of(args[1]));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", phone::handle);
        server.start();
        phone.log.printf("%s  ---   phone stand-in listening on 127.0.0.1:%d (SMS gateway /sms/send, WeCom robot /wecom/send,"
                + " DingTalk robot /dingtalk/send)%n", now(), port);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return v;
    }

    private static String now() {
        return LocalDateTime.now(ZoneId.systemDefault()).format(TIME);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                respond(ex, 405, "{}");
                return;
            }
            String raw = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Object body;
            try {
                body = new Json(raw).value();
            } catch (IllegalArgumentException e) {
                respond(ex, 400, "{\"errcode\":40001,\"errmsg\":\"invalid json\"}");
                return;
            }
            switch (ex.getRequestURI().getPath()) {
                case "/sms/send" -> sms(ex, raw, body);
                case "/wecom/send" -> wecom(ex, body);
                case "/dingtalk/send" -> dingtalk(ex, body);
                default -> respond(ex, 404, "{\"errcode\":404,\"errmsg\":\"not found\"}");
            }
        } catch (RuntimeException e) {
            respond(ex, 500, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        }
    }

    /** SMS gateway in the style of the cloud SMS APIs: signed header, app id, sign name, template, numbers, params. */
    private void sms(HttpExchange ex, String raw, Object body) throws IOException {
        String ts = ex.getRequestHeaders().getFirst("X-Timestamp");
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (ts == null || auth == null || !ts.matches("\\d{1,12}")) {
            smsError(ex, 401, "MissingAuthorization", "X-Timestamp and Authorization are required");
            return;
        }
        if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > 300) {
            smsError(ex, 401, "RequestExpired", "timestamp more than 5 minutes off");
            return;
        }
        String expected = "HMAC-SHA256 Account=" + smsAccount + ", Signature=" + HexFormat.of().formatHex(hmac(smsSecret, ts + "." + raw));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), auth.getBytes(StandardCharsets.UTF_8))) {
            smsError(ex, 401, "SignatureDoesNotMatch", "signature does not match");
            return;
        }
        Map<?, ?> b = body instanceof Map<?, ?> m ? m : Map.of();
        if (!smsAccount.equals(b.get("SmsSdkAppId")) || !(b.get("SignName") instanceof String sign) || sign.isBlank()
                || !(b.get("TemplateId") instanceof String template) || template.isBlank()) {
            smsError(ex, 400, "InvalidParameter", "SmsSdkAppId, SignName and TemplateId are required");
            return;
        }
        if (!(b.get("PhoneNumberSet") instanceof List<?> phones) || phones.isEmpty()
                || !phones.stream().allMatch(p -> p instanceof String s && E164_CN.matcher(s).matches())) {
            smsError(ex, 400, "InvalidPhoneNumber", "PhoneNumberSet: +86 mobile numbers");
            return;
        }
        if (!(b.get("TemplateParamSet") instanceof List<?> params) || !params.stream().allMatch(p -> p instanceof String)) {
            smsError(ex, 400, "InvalidParameter", "TemplateParamSet: a list of strings");
            return;
        }
        for (Object p : phones) {
            line("SMS", mask((String) p), "【" + sign + "】" + template + ": " + String.join(" | ", params.stream().map(String::valueOf).toList()));
        }
        respond(ex, 200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"" + requestId() + "\",\"RequestId\":\"" + requestId() + "\"}");
    }

    private static void smsError(HttpExchange ex, int status, String code, String message) throws IOException {
        respond(ex, status, "{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\",\"RequestId\":\"" + requestId() + "\"}");
    }

    /** WeCom group robot: ?key=..., msgtype markdown, content at most 4096 bytes. */
    private void wecom(HttpExchange ex, Object body) throws IOException {
        if (!wecomKey.equals(query(ex).get("key"))) {
            respond(ex, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
            return;
        }
        Map<?, ?> b = body instanceof Map<?, ?> m ? m : Map.of();
        if (!"markdown".equals(b.get("msgtype")) || !(b.get("markdown") instanceof Map<?, ?> md)
                || !(md.get("content") instanceof String content) || content.isBlank()) {
            respond(ex, 200, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}");
            return;
        }
        if (content.getBytes(StandardCharsets.UTF_8).length > 4096) {
            respond(ex, 200, "{\"errcode\":40058,\"errmsg\":\"markdown.content exceed max length 4096\"}");
            return;
        }
        line("WECOM", mentioned(content), content);
        respond(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    /** DingTalk robot: ?access_token=...&timestamp=...&sign=Base64(HMAC-SHA256(secret, timestamp\nsecret)), within an hour. */
    private void dingtalk(HttpExchange ex, Object body) throws IOException {
        Map<String, String> q = query(ex);
        if (!dingToken.equals(q.get("access_token"))) {
            respond(ex, 200, "{\"errcode\":300001,\"errmsg\":\"token is not exist\"}");
            return;
        }
        String ts = q.get("timestamp");
        String sign = q.get("sign");
        if (ts == null || sign == null || !ts.matches("\\d{1,15}") || Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > 3_600_000) {
            respond(ex, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match, timestamp outside one hour\"}");
            return;
        }
        String expected = Base64.getEncoder().encodeToString(hmac(dingSecret, ts + "\n" + dingSecret));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sign.getBytes(StandardCharsets.UTF_8))) {
            respond(ex, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
            return;
        }
        Map<?, ?> b = body instanceof Map<?, ?> m ? m : Map.of();
        if (!"markdown".equals(b.get("msgtype")) || !(b.get("markdown") instanceof Map<?, ?> md)
                || !(md.get("title") instanceof String) || !(md.get("text") instanceof String text)) {
            respond(ex, 200, "{\"errcode\":40035,\"errmsg\":\"missing markdown title or text\"}");
            return;
        }
        String to = b.get("at") instanceof Map<?, ?> at ? String.valueOf(at.get("atMobiles") != null ? at.get("atMobiles") : at.get("atUserIds")) : "-";
        line("DINGTALK", mask(to), text);
        respond(ex, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
    }

    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

    /** Request ids as the provider returns them; a counter, since SecureRandom's first use can stall a loaded machine. */
    private static String requestId() {
        return String.format("%08x-%d", System.currentTimeMillis() & 0xffffffffL, REQUESTS.incrementAndGet());
    }

    private static String mentioned(String content) {
        var m = Pattern.compile("<@([^>]+)>").matcher(content);
        return m.find() ? "@" + m.group(1) : "-";
    }

    private synchronized void line(String channel, String to, String text) {
        String oneLine = text.replaceAll("<@[^>]+>", "").replaceAll("\\s*\\n\\s*", " / ").replaceAll("( / )+$", "").trim();
        log.printf("%s  %-8s  to %-16s  %s%n", now(), channel, to, mask(oneLine));
    }

    /** Any mainland mobile number in the text becomes 138****5678. */
    static String mask(String s) {
        return s.replaceAll("(?<!\\d)(\\+?86)?(1[3-9]\\d)\\d{4}(\\d{4})(?!\\d)", "$1$2****$3");
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> q = new HashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int i = kv.indexOf('=');
                if (i > 0) {
                    q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return q;
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Just enough JSON for the providers' request bodies: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object value() {
            Object v = parse();
            ws();
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing characters");
            }
            return v;
        }

        private Object parse() {
            ws();
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, parse());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(parse());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    int start = i;
                    while (i < s.length() && "{}[],: \t\r\n\"".indexOf(s.charAt(i)) < 0) {
                        i++;
                    }
                    String t = s.substring(start, i);
                    return switch (t) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> {
                            try {
                                yield Double.parseDouble(t);
                            } catch (NumberFormatException e) {
                                throw new IllegalArgumentException("bad token " + t);
                            }
                        }
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
            throw new IllegalArgumentException("unterminated string");
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
        }
    }
}
