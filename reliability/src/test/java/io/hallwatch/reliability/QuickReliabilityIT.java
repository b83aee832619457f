package io.hallwatch.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The subset that runs in every {@code mvn verify} (about two and a half minutes): bad input first, on
 * fresh databases, then poison records and a short broker outage; last, every service scaled out to two
 * replicas behind a round-robin and one replica of each killed with SIGKILL at once under load (the
 * survivors' takeover of partitions and timers measured; the kill -9 oracle over all four services). A
 * lone service killed and restarted on its own, each in turn, is the full run's.
 * The full run ({@code -Preliability-full}) is {@link FullReliabilityIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickReliabilityIT {
    private static final ResultTable TABLE = new ResultTable();
    private static Platform platform;
    private static Scenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        // A delivery timeout shorter than the broker outage below: the case where the outbox relay
        // once published a branch's events out of order (the full run's 20 s outage against 15 s).
        platform = Platform.start(Map.of("hallwatch.kafka.delivery-timeout", "3s"));
        scenarios = new Scenarios(platform, TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        Scenarios.write(TABLE, "quick");
    }

    @Test
    @Order(1)
    void a_thousand_malformed_requests_get_no_5xx_only_problem_json_and_change_no_database() throws Exception {
        scenarios.fuzz(1_000, 20261124L);
    }

    @Test
    @Order(2)
    void poison_and_oversized_records_go_to_the_dead_letter_topics_with_a_reason_and_consumers_go_on() throws Exception {
        scenarios.poison();
    }

    @Test
    @Order(3)
    void kiosks_keep_issuing_while_the_broker_is_down_and_every_event_arrives_in_order_after() throws Exception {
        scenarios.brokerRestart(Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(3));
    }

    @Test
    @Order(4)
    void one_of_two_replicas_of_every_service_killed_at_once_the_survivors_take_over_and_nothing_is_lost_or_doubled() throws Exception {
        scenarios.killOneReplicaEach(List.of(Platform.QUEUE, Platform.COUNTER, Platform.SLA, Platform.MARKETING),
                Scenarios.LOAD_BEFORE_KILL, Duration.ofSeconds(3), false);
    }
}
