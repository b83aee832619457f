package io.hallwatch.sla.client.alerting;

import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.ChannelType;
import io.hallwatch.testsupport.KafkaTestResource;
import io.hallwatch.testsupport.PostgresTestResource;
import io.hallwatch.testsupport.jwt.JwtTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each channel against its local stand-in, which checks format and signature like the provider. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStub.class, scope = TestResourceScope.GLOBAL)
class ChannelsTest {
    private static final AlertMessage MESSAGE = new AlertMessage("alert-1", "BR-1", "SLA breach at BR-1",
            "- WAIT_BREACH: 1\n- worst wait 15 min", List.of("BR-1", "1", "15"));

    @Inject
    Channels channels;

    @BeforeEach
    @AfterEach
    void reset() {
        ChannelStub.reset();
    }

    @Test
    void every_channel_sends_a_well_formed_signed_request() {
        for (ChannelType t : ChannelType.values()) {
            assertTrue(channels.of(t).configured(), t + " configured");
        }
        channels.of(ChannelType.SMS).send("13812345678", MESSAGE);
        channels.of(ChannelType.WECOM).send("wang.li", MESSAGE);
        channels.of(ChannelType.DINGTALK).send("ding-area-1", MESSAGE);
        channels.of(ChannelType.DINGTALK).send("13812345678", MESSAGE);
        channels.of(ChannelType.WEBHOOK).send("ops-bridge", MESSAGE);
        assertEquals(List.of(), ChannelStub.REJECTED);
        assertEquals("+8613812345678", ChannelStub.received("sms").get(0).body().path("PhoneNumberSet").get(0).asText());
        assertTrue(ChannelStub.received("wecom").get(0).body().path("markdown").path("content").asText().contains("<@wang.li>"));
        assertEquals("ding-area-1", ChannelStub.received("dingtalk").get(0).body().path("at").path("atUserIds").get(0).asText());
        assertEquals("13812345678", ChannelStub.received("dingtalk").get(1).body().path("at").path("atMobiles").get(0).asText());
        assertEquals("alert-1", ChannelStub.received("hook").get(0).body().path("alertId").asText());
    }

    @Test
    void failures_say_whether_a_retry_can_help() {
        ChannelStub.MODES.put("sms", ChannelStub.Mode.FAIL);
        assertFalse(assertThrows(DeliveryException.class, () -> channels.of(ChannelType.SMS).send("13812345678", MESSAGE)).permanent());
        ChannelStub.MODES.put("sms", ChannelStub.Mode.RATE_LIMIT);
        assertFalse(assertThrows(DeliveryException.class, () -> channels.of(ChannelType.SMS).send("13812345678", MESSAGE)).permanent());
        ChannelStub.MODES.put("wecom", ChannelStub.Mode.RATE_LIMIT);
        assertFalse(assertThrows(DeliveryException.class, () -> channels.of(ChannelType.WECOM).send("wang.li", MESSAGE)).permanent());
        ChannelStub.MODES.put("hook", ChannelStub.Mode.REJECT);
        assertTrue(assertThrows(DeliveryException.class, () -> channels.of(ChannelType.WEBHOOK).send("ops", MESSAGE)).permanent());
        ChannelStub.MODES.put("dingtalk", ChannelStub.Mode.HANG);
        DeliveryException timeout = assertThrows(DeliveryException.class, () -> channels.of(ChannelType.DINGTALK).send("ding-1", MESSAGE));
        assertFalse(timeout.permanent());
        assertFalse(timeout.getMessage().contains("1381234"));
        assertEquals(List.of(), ChannelStub.RECEIVED);
    }
}
