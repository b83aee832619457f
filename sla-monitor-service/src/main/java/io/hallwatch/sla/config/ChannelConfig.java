package io.hallwatch.sla.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where each channel's provider is ({@code hallwatch.alerting.channels.*}); a channel without a URL is off. */
@ConfigMapping(prefix = "hallwatch.alerting.channels")
public interface ChannelConfig {

    /** Connect and response timeout of every provider call. */
    @WithDefault("3s")
    Duration timeout();

    Sms sms();

    Wecom wecom();

    Dingtalk dingtalk();

    Webhook webhook();

    /** An HTTP SMS gateway in the style of the Chinese cloud SMS APIs (app id, sign name, template id, phone set, params). */
    interface Sms {
        Optional<String> url();

        @WithDefault("hallwatch")
        String account();

        /** Signs each request: {@code Authorization: HMAC-SHA256 ...} over timestamp and body. */
        Optional<String> secret();

        @WithDefault("Hallwatch")
        String signName();

        @WithDefault("SLA_BREACH")
        String templateId();
    }

    /** A WeCom group robot: {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...}. */
    interface Wecom {
        Optional<String> webhookUrl();
    }

    /** A DingTalk robot: {@code https://oapi.dingtalk.com/robot/send?access_token=...} with its signing secret. */
    interface Dingtalk {
        Optional<String> webhookUrl();

        Optional<String> secret();
    }

    /** Anything else: a JSON POST signed with {@code X-Hallwatch-Signature}. */
    interface Webhook {
        Optional<String> url();

        Optional<String> secret();
    }
}
