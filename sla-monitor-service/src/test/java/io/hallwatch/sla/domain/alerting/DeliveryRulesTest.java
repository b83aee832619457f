package io.hallwatch.sla.domain.alerting;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.hallwatch.sla.domain.alerting.DeliveryRules.AfterFailure.GIVE_UP;
import static io.hallwatch.sla.domain.alerting.DeliveryRules.AfterFailure.NEXT_CHANNEL;
import static io.hallwatch.sla.domain.alerting.DeliveryRules.AfterFailure.RETRY_SAME_CHANNEL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DeliveryRulesTest {

    @Test
    void retries_back_off_exponentially_then_fall_back_to_the_next_channel() {
        Duration initial = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(5);
        assertEquals(Duration.ofMillis(200), DeliveryRules.backoff(1, initial, max));
        assertEquals(Duration.ofMillis(400), DeliveryRules.backoff(2, initial, max));
        assertEquals(Duration.ofMillis(800), DeliveryRules.backoff(3, initial, max));
        assertEquals(max, DeliveryRules.backoff(20, initial, max));
        assertEquals(RETRY_SAME_CHANNEL, DeliveryRules.afterFailure(false, 1, 3, 0, 2));
        assertEquals(NEXT_CHANNEL, DeliveryRules.afterFailure(false, 3, 3, 0, 2));
        assertEquals(NEXT_CHANNEL, DeliveryRules.afterFailure(true, 1, 3, 0, 2));
        assertEquals(GIVE_UP, DeliveryRules.afterFailure(true, 1, 3, 1, 2));
    }

    @Test
    void each_outcome_has_its_delivery_log_word_and_metric_tag() {
        assertEquals("RETRY", RETRY_SAME_CHANNEL.logged());
        assertEquals("retry", RETRY_SAME_CHANNEL.counted());
        assertEquals("NEXT_CHANNEL", NEXT_CHANNEL.logged());
        assertEquals("next_channel", NEXT_CHANNEL.counted());
        assertEquals("FAILED", GIVE_UP.logged());
        assertEquals("failed", GIVE_UP.counted());
    }
}
