package io.hallwatch.queue.service.catalogue;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hallwatch.queue.domain.catalogue.BranchSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentCatalogueTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger reads = new AtomicInteger();
    private final Function<String, BranchSetup> database = id -> {
        reads.incrementAndGet();
        return "GZ-TH-001".equals(id) ? new BranchSetup(id, "天河营业厅", ZoneId.of("Asia/Shanghai"), LocalTime.of(9, 0),
                LocalTime.of(18, 0), java.time.Duration.ofMinutes(15), Set.of("PAYMENT")) : null;
    };

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void a_branch_is_read_again_a_fixed_time_after_it_was_read_however_often_it_is_asked_for() {
        RecentCatalogue recent = new RecentCatalogue(Duration.ofSeconds(5), ticker);
        for (int i = 0; i < 5; i++) {
            recent.branch("GZ-TH-001", database);
            advance(Duration.ofMillis(900));
        }
        assertEquals(1, reads.get(), "4.5 s of kiosk requests: one read");
        advance(Duration.ofMillis(600));
        recent.branch("GZ-TH-001", database);
        assertEquals(2, reads.get(), "5.1 s after the first read: read again, although asked for every 0.9 s");
    }

    @Test
    void an_unknown_branch_is_not_remembered_and_a_forgotten_one_is_read_at_once() {
        RecentCatalogue recent = new RecentCatalogue(Duration.ofSeconds(5), ticker);
        assertTrue(recent.branch("NOPE-1", database).isEmpty());
        assertTrue(recent.branch("NOPE-1", database).isEmpty());
        assertEquals(2, reads.get());
        recent.branch("GZ-TH-001", database);
        recent.forgetBranch("GZ-TH-001");
        recent.branch("GZ-TH-001", database);
        assertEquals(4, reads.get());
    }

    @Test
    void a_max_age_of_zero_reads_every_time() {
        RecentCatalogue recent = new RecentCatalogue(Duration.ZERO, ticker);
        recent.branch("GZ-TH-001", database);
        recent.branch("GZ-TH-001", database);
        assertEquals(2, reads.get());
    }
}
