package io.hallwatch.queue.api.day;

import io.hallwatch.queue.domain.day.DayState;
import io.hallwatch.queue.domain.ticket.TicketStatus;
import io.hallwatch.queue.service.day.DayService;
import io.hallwatch.queue.store.day.DayStore;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A branch's service day: its hours (local and as instants), the extensions recorded for it, where it stands, and its
 * tickets counted by how they ended. {@code notServed} are the tickets closed at the day's end (BRANCH_CLOSED),
 * apart from the customers' own cancels and the no-shows; {@code open} those still waiting, called or in service;
 * {@code walkIns} those of them a counter served without a kiosk ticket. {@code outOfOrderCallsByClerk}: per clerk, the
 * tickets called by choice ahead of one the call order would have called first (clerks without any are left out).
 * {@code beforeArrival}: the remote tickets of the day (taken, checked in, ended without a check-in) and the
 * appointments of its slots (booked, checked in, of those late, no-shows, cancelled); only checked-in ones count in
 * {@code tickets}.
 */
public record ServiceDayView(String branchId, LocalDate serviceDay, String timeZone, LocalTime regularOpensAt,
                             LocalTime regularClosesAt, int closeGraceMinutes, Instant opensAt, Instant closesAt,
                             Instant closeDueAt, boolean extended, DayState state, List<DayExtensionView> extensions,
                             Tickets tickets, Map<String, Long> outOfOrderCallsByClerk, DayStore.BeforeArrival beforeArrival) {

    public record Tickets(long issued, long served, long noShow, long cancelled, long notServed, long open, long walkIns) {
    }

    static ServiceDayView of(DayService.DayReport r) {
        Map<String, Long> n = r.ticketsByStatus();
        long issued = n.values().stream().mapToLong(Long::longValue).sum();
        Tickets tickets = new Tickets(issued, get(n, TicketStatus.DONE), get(n, TicketStatus.NO_SHOW),
                get(n, TicketStatus.CANCELLED), get(n, TicketStatus.CLOSED),
                get(n, TicketStatus.WAITING) + get(n, TicketStatus.CALLED) + get(n, TicketStatus.SERVING), r.walkIns());
        return new ServiceDayView(r.branchId(), r.serviceDay(), r.branch().zone().getId(), r.branch().opensAt(),
                r.branch().closesAt(), (int) r.branch().closeGrace().toMinutes(), r.opensAt(), r.closesAt(), r.closeDueAt(),
                r.closesAt().isAfter(r.regularClosesAt()), r.state(), r.extensions().stream().map(DayExtensionView::of).toList(),
                tickets, r.outOfOrderCallsByClerk(), r.beforeArrival());
    }

    private static long get(Map<String, Long> counts, TicketStatus status) {
        return counts.getOrDefault(status.name(), 0L);
    }
}
