package io.hallwatch.sla.client.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.sla.config.ChannelConfig;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.ChannelType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The four channels of this deployment, by type. */
@ApplicationScoped
public class Channels {
    private static final Pattern MOBILE = Pattern.compile("^(\\+86)?1[3-9][0-9]{9}$");

    private final Map<ChannelType, NotificationChannel> byType = new EnumMap<>(ChannelType.class);
    private final HttpChannels http;

    Channels(ChannelConfig config, ObjectMapper json) {
        // Signature timestamps are checked by the providers against their wall clock, so they come
        // from the real clock, not the platform clock (which a demo runs faster).
        Clock clock = Clock.systemUTC();
        http = new HttpChannels(json, config.timeout());
        for (NotificationChannel c : List.of(new Sms(config.sms(), http, clock), new WeCom(config.wecom(), http),
                new DingTalk(config.dingtalk(), http, clock), new Webhook(config.webhook(), http, clock))) {
            byType.put(c.type(), c);
        }
    }

    /**
     * Warms what the first message needs, without sending one: the client's first exchange (with
     * {@code target}, this service's own health endpoint), a provider body written and signed.
     */
    public void warmUp(URI target) throws IOException, InterruptedException {
        Signatures.bodySignature("warm-up", 0, http.write(Map.of("PhoneNumberSet", List.of(e164("13800000000")))));
        http.warmUp(target);
    }

    public NotificationChannel of(ChannelType type) {
        return byType.get(type);
    }

    /**
     * Sends an SMS through the same gateway, account and signature as the alerts, with another pre-approved template
     * (a customer's "your turn is near").
     *
     * @throws DeliveryException when the gateway did not accept it, or no gateway is configured (permanent)
     */
    public void sendSms(String mobile, String templateId, AlertMessage message) {
        Sms sms = (Sms) byType.get(ChannelType.SMS);
        if (!sms.configured()) {
            throw new DeliveryException(true, "SMS is not configured");
        }
        sms.send(mobile, message, templateId);
    }

    private static String e164(String mobile) {
        return mobile.startsWith("+") ? mobile : "+86" + mobile;
    }

    /** SMS: a body shaped like the common cloud SMS APIs, signed over timestamp and body. */
    record Sms(ChannelConfig.Sms config, HttpChannels http, Clock clock) implements NotificationChannel {
        public ChannelType type() {
            return ChannelType.SMS;
        }

        public boolean configured() {
            return config.url().isPresent();
        }

        public void send(String address, AlertMessage m) {
            send(address, m, config.templateId());
        }

        void send(String address, AlertMessage m, String templateId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("SmsSdkAppId", config.account());
            body.put("SignName", config.signName());
            body.put("TemplateId", templateId);
            body.put("PhoneNumberSet", List.of(e164(address)));
            body.put("TemplateParamSet", m.smsParams());
            body.put("SessionContext", m.alertId());
            String json = http.write(body);
            long ts = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Timestamp", Long.toString(ts));
            config.secret().ifPresent(s -> headers.put("Authorization", "HMAC-SHA256 Account=" + config.account()
                    + ", Signature=" + Signatures.bodySignature(s, ts, json)));
            http.post("sms", config.url().orElseThrow(), json, headers, "Code");
        }
    }

    /** WeCom group robot: msgtype markdown, the person mentioned by user id. */
    record WeCom(ChannelConfig.Wecom config, HttpChannels http) implements NotificationChannel {
        public ChannelType type() {
            return ChannelType.WECOM;
        }

        public boolean configured() {
            return config.webhookUrl().isPresent();
        }

        public void send(String address, AlertMessage m) {
            String content = "**" + m.title() + "**\n" + m.markdown() + "\n<@" + address + ">";
            String json = http.write(Map.of("msgtype", "markdown", "markdown", Map.of("content", content)));
            http.post("wecom", config.webhookUrl().orElseThrow(), json, Map.of(), "errcode");
        }
    }

    /** DingTalk robot: markdown, {@code timestamp} and {@code sign} on the URL, the person @-mentioned. */
    record DingTalk(ChannelConfig.Dingtalk config, HttpChannels http, Clock clock) implements NotificationChannel {
        public ChannelType type() {
            return ChannelType.DINGTALK;
        }

        public boolean configured() {
            return config.webhookUrl().isPresent();
        }

        public void send(String address, AlertMessage m) {
            boolean mobile = MOBILE.matcher(address).matches();
            Map<String, Object> at = mobile ? Map.of("atMobiles", List.of(address.replace("+86", "")))
                    : Map.of("atUserIds", List.of(address));
            String json = http.write(Map.of("msgtype", "markdown",
                    "markdown", Map.of("title", m.title(), "text", "#### " + m.title() + "\n" + m.markdown() + "\n@" + address),
                    "at", at));
            String url = config.webhookUrl().orElseThrow();
            if (config.secret().isPresent()) {
                long ts = clock.millis();
                url += (url.contains("?") ? "&" : "?") + "timestamp=" + ts + "&sign=" + Signatures.dingTalk(config.secret().get(), ts);
            }
            http.post("dingtalk", url, json, Map.of(), "errcode");
        }
    }

    /** Generic webhook: the alert as JSON, {@code X-Hallwatch-Signature: sha256=hex(HMAC(secret, timestamp.body))}. */
    record Webhook(ChannelConfig.Webhook config, HttpChannels http, Clock clock) implements NotificationChannel {
        public ChannelType type() {
            return ChannelType.WEBHOOK;
        }

        public boolean configured() {
            return config.url().isPresent();
        }

        public void send(String address, AlertMessage m) {
            String json = http.write(Map.of("alertId", m.alertId(), "branchId", m.branchId(), "recipient", address,
                    "title", m.title(), "text", m.markdown()));
            long ts = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-Hallwatch-Timestamp", Long.toString(ts));
            config.secret().ifPresent(s -> headers.put("X-Hallwatch-Signature", "sha256=" + Signatures.bodySignature(s, ts, json)));
            http.post("webhook", config.url().orElseThrow(), json, headers, null);
        }
    }
}
