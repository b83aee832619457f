package io.hallwatch.sla.client.alerting;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.sla.config.ChannelConfig;
import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.ChannelType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's phone stand-in ({@code deploy/local/PhoneStandIn.java}, run as the launcher runs it)
 * against sla-monitor-service's real channel code: what the service sends is accepted and becomes
 * one masked line in the log; a wrong secret, key or signature is refused as the provider refuses
 * it. Plain JUnit: a process and a socket, no Quarkus.
 */
class PhoneStandInContractTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize(); // tests run in the module's folder
    private static final String SMS_SECRET = "sms-secret-e2e";
    private static final String WECOM_KEY = "wecom-key-e2e";
    private static final String DING_TOKEN = "ding-token-e2e";
    private static final String DING_SECRET = "SECding-secret-e2e";
    private static final AlertMessage MESSAGE = new AlertMessage("alert-e2e-1", "GZ-TH-001", "SLA breach at GZ-TH-001",
            "- WAIT ticket A017: 15 min 0 s (limit 15 min 0 s)\n[Acknowledge](http://127.0.0.1:8083/api/v1/alerts/alert-e2e-1/ack-link?by=dm&exp=1&sig=ab)",
            List.of("GZ-TH-001", "WAIT", "15", "http://127.0.0.1:8083/api/v1/alerts/alert-e2e-1/ack-link?by=dm&exp=1&sig=ab"));

    private static Process phone;
    private static Path log;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Path.of("target/phone-stand-in");
        Files.createDirectories(dir);
        log = dir.resolve("phone-" + port + ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                ROOT.resolve("deploy/local/PhoneStandIn.java").toString(), Integer.toString(port), log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("phone-" + port + ".out").toFile());
        pb.environment().putAll(java.util.Map.of("PHONE_SMS_ACCOUNT", "1400000001", "PHONE_SMS_SECRET", SMS_SECRET,
                "PHONE_WECOM_KEY", WECOM_KEY, "PHONE_DINGTALK_TOKEN", DING_TOKEN, "PHONE_DINGTALK_SECRET", DING_SECRET));
        phone = pb.start();
        base = "http://127.0.0.1:" + port;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertTrue(phone.isAlive(), "the stand-in exited");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() {
        if (phone != null) {
            phone.destroy();
        }
    }

    private static Channels channels(String smsSecret, String wecomKey, String dingSecret) {
        ChannelConfig config = new ChannelConfig() {
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }

            public Sms sms() {
                return new Sms() {
                    public Optional<String> url() {
                        return Optional.of(base + "/sms/send");
                    }

                    public String account() {
                        return "1400000001";
                    }

                    public Optional<String> secret() {
                        return Optional.of(smsSecret);
                    }

                    public String signName() {
                        return "Hallwatch";
                    }

                    public String templateId() {
                        return "SLA_BREACH";
                    }
                };
            }

            public Wecom wecom() {
                return () -> Optional.of(base + "/wecom/send?key=" + wecomKey);
            }

            public Dingtalk dingtalk() {
                return new Dingtalk() {
                    public Optional<String> webhookUrl() {
                        return Optional.of(base + "/dingtalk/send?access_token=" + DING_TOKEN);
                    }

                    public Optional<String> secret() {
                        return Optional.of(dingSecret);
                    }
                };
            }

            public Webhook webhook() {
                return new Webhook() {
                    public Optional<String> url() {
                        return Optional.empty();
                    }

                    public Optional<String> secret() {
                        return Optional.empty();
                    }
                };
            }
        };
        return new Channels(config, new ObjectMapper());
    }

    private static List<String> lines() throws IOException {
        return Files.readAllLines(log).stream().filter(l -> !l.contains("listening on")).toList();
    }

    @Test
    void what_the_service_sends_is_accepted_and_logged_once_per_message_with_the_number_masked() throws IOException {
        Channels ok = channels(SMS_SECRET, WECOM_KEY, DING_SECRET);
        int before = lines().size();
        ok.of(ChannelType.SMS).send("13800000011", MESSAGE);
        ok.of(ChannelType.WECOM).send("dm.gzth001", MESSAGE);
        ok.of(ChannelType.DINGTALK).send("+8613800000012", MESSAGE);
        List<String> mine = lines().subList(before, lines().size());
        assertEquals(3, mine.size(), mine.toString());
        assertTrue(mine.get(0).matches(".*SMS +to \\+86138\\*\\*\\*\\*0011 .*SLA_BREACH: GZ-TH-001 \\| WAIT \\| 15 \\| http://127\\.0\\.0\\.1:8083/api/v1/alerts/alert-e2e-1/ack-link.*"), mine.get(0));
        assertTrue(mine.get(1).matches(".*WECOM +to @dm\\.gzth001 .*SLA breach at GZ-TH-001.*A017.*\\[Acknowledge]\\(.*"), mine.get(1));
        assertTrue(mine.get(2).matches(".*DINGTALK +to \\[138\\*\\*\\*\\*0012] .*A017.*"), mine.get(2));
        String all = String.join("\n", lines());
        assertFalse(all.matches("(?s).*(?<!\\d)1[3-9]\\d{9}(?!\\d).*"), "no unmasked number in the log");
    }

    @Test
    void a_wrong_secret_key_or_signature_is_refused_as_the_provider_refuses_it_and_nothing_is_logged() throws IOException {
        int before = lines().size();
        DeliveryException sms = assertThrows(DeliveryException.class,
                () -> channels("not-the-secret", WECOM_KEY, DING_SECRET).of(ChannelType.SMS).send("13800000011", MESSAGE));
        assertTrue(sms.permanent(), sms.getMessage());
        DeliveryException wecom = assertThrows(DeliveryException.class,
                () -> channels(SMS_SECRET, "not-the-key", DING_SECRET).of(ChannelType.WECOM).send("dm.gzth001", MESSAGE));
        assertTrue(wecom.getMessage().contains("93000"), wecom.getMessage());
        DeliveryException ding = assertThrows(DeliveryException.class,
                () -> channels(SMS_SECRET, WECOM_KEY, "SECnot-the-secret").of(ChannelType.DINGTALK).send("dm-user", MESSAGE));
        assertTrue(ding.getMessage().contains("310000"), ding.getMessage());
        assertEquals(before, lines().size());
    }

    @Test
    void the_warm_up_at_start_exchanges_with_its_target_and_sends_no_message_to_any_provider() throws Exception {
        int before = lines().size();
        // The stand-in is every provider here: a warm-up aimed at it must not become a message.
        channels(SMS_SECRET, WECOM_KEY, DING_SECRET).warmUp(java.net.URI.create(base + "/"));
        assertEquals(before, lines().size());
    }
}
