package io.hallwatch.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The launcher's phone stand-in ({@code deploy/local/PhoneStandIn.java}: SMS gateway, WeCom and
 * DingTalk robots that check requests like the providers) as a process with fresh secrets, for the
 * suites that run the packaged services: what reached the duty managers' phones is read back from
 * its log, one line per accepted message.
 */
public final class PhoneStandInProcess implements AutoCloseable {
    private static final Pattern LINE = Pattern.compile("^\\S+ \\S+\\s+(SMS|WECOM|DINGTALK)\\s+to (\\S+)\\s+(.*)$");

    private final Process process;
    private final Path log;
    private final Map<String, String> monitorConfig;

    private PhoneStandInProcess(Process process, Path log, Map<String, String> monitorConfig) {
        this.process = process;
        this.log = log;
        this.monitorConfig = monitorConfig;
    }

    /**
     * Starts the stand-in from the repository at {@code root}, logging messages to {@code log}
     * (emptied first) and its own output next to it.
     */
    public static PhoneStandInProcess start(Path root, Path log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.deleteIfExists(log);
        String smsSecret = UUID.randomUUID().toString().replace("-", "");
        String wecomKey = UUID.randomUUID().toString();
        String dingToken = UUID.randomUUID().toString().replace("-", "");
        String dingSecret = "SEC" + UUID.randomUUID().toString().replace("-", "");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                root.resolve("deploy/local/PhoneStandIn.java").toString(), Integer.toString(port), log.toString())
                .redirectErrorStream(true).redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile());
        pb.environment().putAll(Map.of("PHONE_SMS_ACCOUNT", "1400000001", "PHONE_SMS_SECRET", smsSecret, "PHONE_WECOM_KEY", wecomKey,
                "PHONE_DINGTALK_TOKEN", dingToken, "PHONE_DINGTALK_SECRET", dingSecret));
        Process process = pb.start();
        int p = port;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the phone stand-in exited: " + Files.readString(log.resolveSibling(log.getFileName() + ".out")));
            }
            try (Socket ignored = new Socket("127.0.0.1", p)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        String url = "http://127.0.0.1:" + port;
        Map<String, String> config = new HashMap<>(Map.of(
                "hallwatch.alerting.channels.sms.url", url + "/sms/send",
                "hallwatch.alerting.channels.sms.account", "1400000001",
                "hallwatch.alerting.channels.sms.secret", smsSecret,
                "hallwatch.alerting.channels.wecom.webhook-url", url + "/wecom/send?key=" + wecomKey,
                "hallwatch.alerting.channels.dingtalk.webhook-url", url + "/dingtalk/send?access_token=" + dingToken,
                "hallwatch.alerting.channels.dingtalk.secret", dingSecret));
        return new PhoneStandInProcess(process, log, config);
    }

    /**
     * sla-monitor-service's channel settings for this stand-in. With a scaled clock, also stretch
     * {@code hallwatch.alerting.delivery-lease} (platform-clock time), or a slow real send is taken
     * for a dead sender's and sent twice.
     */
    public Map<String, String> monitorConfig() {
        return monitorConfig;
    }

    /** Every message the stand-in accepted so far, in arrival order. */
    public List<Message> messages() throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log).stream().map(LINE::matcher).filter(Matcher::find)
                .map(m -> new Message(m.group(1), m.group(2), m.group(3))).toList();
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** One accepted message: its channel, the (masked) recipient, the text on one line. */
    public record Message(String channel, String to, String text) {
    }
}
