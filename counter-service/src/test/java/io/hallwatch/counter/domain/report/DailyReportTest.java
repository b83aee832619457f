package io.hallwatch.counter.domain.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DailyReportTest {

    @Test
    void p90_is_the_nearest_rank() {
        assertEquals(0, DailyReport.percentile(new long[0], 0.9));
        assertEquals(7, DailyReport.percentile(new long[]{7}, 0.9));
        assertEquals(9, DailyReport.percentile(new long[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9));
        assertEquals(10, DailyReport.percentile(new long[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 0.9));
        assertEquals(11, DailyReport.percentile(new long[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 0.9));
    }

    @Test
    void a_day_is_summed_per_business_type() {
        DailyReport r = DailyReport.of("clerk-1", LocalDate.of(2026, 11, 23), List.of(
                new ServiceFact("PAYMENT", 60, 120), new ServiceFact("PAYMENT", 130, 120), new ServiceFact("PAYMENT", 90, 120),
                new ServiceFact("NEW_LINE", 500, 480)), Map.of("BREAK", 900L, "TRAINING", 1500L), 2);
        assertEquals(4, r.served());
        assertEquals(2, r.overLimit());
        DailyReport.TypeLine payment = r.businessTypes().stream().filter(l -> l.businessType().equals("PAYMENT")).findFirst().orElseThrow();
        assertEquals(3, payment.served());
        assertEquals(93.3, payment.meanHandlingSeconds());
        assertEquals(130, payment.p90HandlingSeconds());
        assertEquals(1, payment.overLimit());
        assertEquals(15.0, r.pausedMinutesByReason().get("BREAK"));
        assertEquals(25.0, r.pausedMinutesByReason().get("TRAINING"));
        assertEquals(2, r.noShows());
    }

    @Test
    void totals_always_equal_the_sum_of_the_lines() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<ServiceFact> facts = new ArrayList<>();
            for (int i = random.nextInt(40); i > 0; i--) {
                facts.add(new ServiceFact(List.of("PAYMENT", "GENERAL", "BROADBAND").get(random.nextInt(3)),
                        random.nextInt(1200), 300));
            }
            DailyReport r = DailyReport.of("c", LocalDate.of(2026, 11, 23), facts, Map.of(), 0);
            assertEquals(facts.size(), r.businessTypes().stream().mapToInt(DailyReport.TypeLine::served).sum());
            assertEquals(facts.stream().filter(f -> f.handlingSeconds() > 300).count(), r.overLimit());
        }
    }
}
