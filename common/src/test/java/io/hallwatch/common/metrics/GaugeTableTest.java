package io.hallwatch.common.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

class GaugeTableTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final GaugeTable waiting = GaugeTable.register(registry, "hallwatch_tickets_waiting",
            "Customers waiting now", "branch", "business_type");

    @Test
    void aScrapeShowsEveryRowOfTheLastRefreshAsAGauge() {
        waiting.replace(List.of(GaugeTable.Row.of(3, "GZ-TH-001", "PAYMENT"), GaugeTable.Row.of(0, "GZ-TH-001", "GENERAL")));

        assertThat(registry.scrape(), allOf(
                containsString("# TYPE hallwatch_tickets_waiting gauge"),
                containsString("# HELP hallwatch_tickets_waiting Customers waiting now"),
                containsString("hallwatch_tickets_waiting{branch=\"GZ-TH-001\",business_type=\"PAYMENT\",} 3.0"),
                containsString("hallwatch_tickets_waiting{branch=\"GZ-TH-001\",business_type=\"GENERAL\",} 0.0")));
    }

    @Test
    void aRowMissingFromTheNextRefreshIsGoneAndTheOthersTakeTheirNewValues() {
        waiting.replace(List.of(GaugeTable.Row.of(3, "GZ-TH-001", "PAYMENT"), GaugeTable.Row.of(1, "SZ-FT-002", "PAYMENT")));
        waiting.replace(List.of(GaugeTable.Row.of(5, "GZ-TH-001", "PAYMENT")));

        assertThat(registry.scrape(), allOf(
                containsString("hallwatch_tickets_waiting{branch=\"GZ-TH-001\",business_type=\"PAYMENT\",} 5.0"),
                not(containsString("SZ-FT-002"))));
    }

    @Test
    void itIsScrapedBesideTheMicrometerMetersOfTheSameRegistry() {
        Counter.builder("hallwatch.tickets.issued").tag("branch", "GZ-TH-001").register(registry).increment();
        waiting.replace(List.of(GaugeTable.Row.of(2, "GZ-TH-001", "PAYMENT")));

        assertThat(registry.scrape(), allOf(
                containsString("hallwatch_tickets_issued_total{branch=\"GZ-TH-001\",} 1.0"),
                containsString("hallwatch_tickets_waiting{branch=\"GZ-TH-001\",business_type=\"PAYMENT\",} 2.0")));
    }

    @Test
    void aRowWithTheWrongNumberOfLabelsIsRefusedAndTheTableKeepsItsRows() {
        waiting.replace(List.of(GaugeTable.Row.of(3, "GZ-TH-001", "PAYMENT")));

        assertThrows(IllegalArgumentException.class, () -> waiting.replace(List.of(GaugeTable.Row.of(1, "GZ-TH-001"))));
        assertThat(registry.scrape(), containsString("hallwatch_tickets_waiting{branch=\"GZ-TH-001\",business_type=\"PAYMENT\",} 3.0"));
    }
}
