package io.hallwatch.web.domain;

import io.hallwatch.web.domain.display.Announcement;
import io.hallwatch.web.domain.display.RecentCalls;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnnouncementTest {
    private static Announcement call(String number, String counter, int recall) {
        return new Announcement("GZ-TH-001", number, "PAYMENT", counter, recall, Instant.parse("2026-12-07T01:00:00Z"));
    }

    @Test
    void the_hall_hears_the_ticket_and_the_counters_number() {
        assertEquals("请 A012 号到 3 号窗口", call("A012", "C03", 0).spokenZh());
        assertEquals("请 B007 号到 VIP 1 号窗口", call("B007", "V01", 0).spokenZh());
        assertEquals("请 C001 号到 12 号窗口", call("C001", "C12", 0).spokenZh());
        assertEquals("请 C001 号到 RECEPTION 窗口", call("C001", "RECEPTION", 0).spokenZh());
        assertEquals("3", call("A012", "C03", 0).counterShort());
    }

    @Test
    void recent_calls_are_newest_first_bounded_and_a_recall_moves_its_ticket_to_the_top() {
        RecentCalls recent = new RecentCalls(3);
        recent.add(call("A001", "C01", 0));
        recent.add(call("A002", "C02", 0));
        recent.add(call("A003", "C01", 0));
        recent.add(call("A001", "C01", 1));
        assertEquals(List.of("A001", "A003", "A002"), recent.of("GZ-TH-001").stream().map(Announcement::ticketNumber).toList());
        recent.add(call("A004", "C02", 0));
        assertEquals(List.of("A004", "A001", "A003"), recent.of("GZ-TH-001").stream().map(Announcement::ticketNumber).toList());
        assertEquals(List.of(), recent.of("SZ-FT-002"));
    }
}
