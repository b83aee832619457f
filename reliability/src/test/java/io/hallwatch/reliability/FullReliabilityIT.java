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
 * The whole suite ({@code mvn -pl reliability -am verify -Preliability-full}, about ten minutes):
 * 10,000 fuzz requests, poison records, a kill -9 of each service in turn, the broker down 20 s,
 * the queue-service's PostgreSQL (a private cluster) stopped 20 s, a 10x burst; then every service
 * scaled out to two replicas: one replica of each killed with SIGKILL at once, and a rolling restart of
 * all eight.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullReliabilityIT {
    private static final ResultTable TABLE = new ResultTable();
    private static PrivatePostgres postgres;
    private static Platform platform;
    private static Scenarios scenarios;

    @BeforeAll
    static void start() throws Exception {
        PrivatePostgres.requireBinaries();
        postgres = PrivatePostgres.start();
        platform = Platform.start(Map.of(), Map.of(Platform.QUEUE, postgres.database("hallwatch_queue")));
        scenarios = new Scenarios(platform, TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        Scenarios.write(TABLE, "full");
    }

    @Test
    @Order(1)
    void ten_thousand_malformed_requests_get_no_5xx_only_problem_json_and_change_no_database() throws Exception {
        scenarios.fuzz(10_000, 12L);
    }

    @Test
    @Order(2)
    void poison_and_oversized_records_go_to_the_dead_letter_topics_and_consumers_go_on() throws Exception {
        scenarios.poison();
    }

    @Test
    @Order(3)
    void the_queue_service_killed_mid_load() throws Exception {
        scenarios.killNine(Platform.QUEUE, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    @Order(4)
    void the_counter_service_killed_mid_load() throws Exception {
        scenarios.killNine(Platform.COUNTER, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    @Order(5)
    void the_sla_monitor_killed_mid_load_misses_and_doubles_no_breach() throws Exception {
        scenarios.killNine(Platform.SLA, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    @Order(6)
    void the_marketing_service_killed_mid_load() throws Exception {
        scenarios.killNine(Platform.MARKETING, Duration.ofSeconds(10), Duration.ofSeconds(10));
    }

    @Test
    @Order(7)
    void the_broker_down_twenty_seconds() throws Exception {
        scenarios.brokerRestart(Duration.ofSeconds(8), Duration.ofSeconds(20), Duration.ofSeconds(5));
    }

    @Test
    @Order(8)
    void the_queue_database_stopped_twenty_seconds() throws Exception {
        scenarios.databaseOutage(postgres, Duration.ofSeconds(20));
    }

    @Test
    @Order(9)
    void a_burst_of_ten_times_the_arrival_rate() throws Exception {
        scenarios.overload(Duration.ofSeconds(15));
    }

    @Test
    @Order(10)
    void one_of_two_replicas_of_every_service_killed_at_once() throws Exception {
        scenarios.killOneReplicaEach(List.of(Platform.QUEUE, Platform.COUNTER, Platform.SLA, Platform.MARKETING),
                Scenarios.LOAD_BEFORE_KILL, Duration.ofSeconds(10), true);
    }

    @Test
    @Order(11)
    void a_rolling_restart_of_both_replicas_of_every_service() throws Exception {
        scenarios.rollingRestart(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }
}
