package io.hallwatch.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One realistic payload per event type, as producers would fill them. */
final class EventSamples {
    static final Instant T0 = Instant.parse("2026-11-24T01:30:00Z");
    static final String TICKET = "7f9a3c1e-8f3b-4f5e-9d2a-0c4b5e6f7a81";
    static final String BRANCH = "GZ-TH-001";
    static final String APPOINTMENT = "5c2e8d41-7a3b-4c6d-8e9f-0a1b2c3d4e5f";

    private EventSamples() {
    }

    static List<EventPayload> all() {
        return List.of(
                new TicketIssued(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0, "CRM-88231"),
                new TicketCalled(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0, T0.plusSeconds(600), "C03", "clerk-0042", 600),
                new TicketRecalled(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(660), "C03", 1),
                new TicketTurnNear(TICKET, BRANCH, "A023", "PAYMENT", 3, T0.plusSeconds(420)),
                new TicketNoShow(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(780), "C03"),
                new TicketCancelled(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(120), null),
                new TicketClosed(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(9 * 3600),
                        TicketCloseReason.BRANCH_CLOSED, "WAITING", java.time.LocalDate.of(2026, 11, 24)),
                new TicketTransferred(TICKET, BRANCH, "B007", "NEW_LINE", CustomerTier.VIP, "CONSULT", T0.plusSeconds(900)),
                new TicketParked(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(700), ParkPosition.FRONT,
                        "SERVING", "C03", "clerk-0042", 600),
                // A walk-in, called at once at its counter; a chosen call out of the call order.
                new TicketIssued(TICKET, BRANCH, "A024", "PAYMENT", CustomerTier.NORMAL, T0, null, null, null, true),
                new TicketCalled(TICKET, BRANCH, "A024", "PAYMENT", CustomerTier.NORMAL, T0, T0, "C03", "clerk-0042", 0,
                        null, null, true),
                new TicketCalled(TICKET, BRANCH, "A025", "PAYMENT", CustomerTier.NORMAL, T0, T0.plusSeconds(60), "C03", "clerk-0042",
                        60, true, CallReason.ELDERLY.name(), null),
                // A remote ticket taken ahead and checked in; an appointment booked, checked in before its slot, one freed as a no-show.
                new RemoteTicketTaken(TICKET, BRANCH, "A026", "PAYMENT", CustomerTier.NORMAL, T0, T0.plusSeconds(3600)),
                new TicketIssued(TICKET, BRANCH, "A026", "PAYMENT", CustomerTier.NORMAL, T0.plusSeconds(1800), null, 240L, false, null,
                        TicketOrigin.REMOTE, null),
                new AppointmentBooked(APPOINTMENT, BRANCH, "BROADBAND", T0.plusSeconds(7200), T0.plusSeconds(9000), T0, "CRM-88231"),
                new AppointmentCheckedIn(APPOINTMENT, BRANCH, "BROADBAND", T0.plusSeconds(7200), T0.plusSeconds(6600), TICKET, "D004", false),
                new TicketIssued(TICKET, BRANCH, "D004", "BROADBAND", CustomerTier.NORMAL, T0.plusSeconds(6600), "CRM-88231", 600L, false,
                        null, TicketOrigin.APPOINTMENT, T0.plusSeconds(7200)),
                new AppointmentCancelled(APPOINTMENT, BRANCH, "BROADBAND", T0.plusSeconds(7200), T0.plusSeconds(8100), "NO_SHOW"),
                new ServiceStarted(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, "C03", "clerk-0042", T0.plusSeconds(630)),
                new ServiceFinished(TICKET, BRANCH, "A023", "PAYMENT", CustomerTier.NORMAL, "C03", "clerk-0042",
                        T0.plusSeconds(630), T0.plusSeconds(800), 170, ServiceOutcome.COMPLETED, List.of("PAYMENT", "GENERAL")),
                new CounterPaused(BRANCH, "C03", "clerk-0042", "BREAK", T0.plusSeconds(900), 600),
                new CounterResumed(BRANCH, "C03", "clerk-0042", "BREAK", T0.plusSeconds(900), T0.plusSeconds(1620), 720, 600, true),
                new SlaWarning("0b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, TICKET, "A023", "PAYMENT", CustomerTier.NORMAL,
                        SlaRule.WAIT, 900, 720, T0, T0.plusSeconds(900), T0.plusSeconds(720), null, null),
                new SlaBreached("1b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, TICKET, "A023", "PAYMENT", CustomerTier.NORMAL,
                        SlaRule.WAIT, 900, 900, T0, T0.plusSeconds(900), T0.plusSeconds(900), false, null, null),
                new SlaBreached("4b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, TICKET, "A023", "PAYMENT", CustomerTier.NORMAL,
                        SlaRule.HANDLING, 120, 121, T0.plusSeconds(630), T0.plusSeconds(750), T0.plusSeconds(751), false, "C03", "clerk-0042"),
                new SlaCleared("2b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, null, SlaRule.BRANCH_AVERAGE_WAIT, 900, 640,
                        T0.plusSeconds(3600)),
                new OfferRecommended("3b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, TICKET, "C03", "PAYMENT", "DATA-10G",
                        "SHORT", 15, T0.plusSeconds(631)),
                new OfferOutcomeRecorded("4b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", BRANCH, "COUNTER", "DATA-10G", "INTERESTED",
                        T0.plusSeconds(700), "3b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", TICKET, "C03", "SHORT",
                        "5b7d2f8e-1c3a-4e5b-8f6d-9a0b1c2d3e4f", null),
                new StandardChanged(2, T0, "admin-0001", "broadband installs got longer",
                        new ServiceStandard(new ServiceStandard.Defaults(900, 600, 0.8),
                                new ServiceStandard.BranchAverage(3600, 900),
                                List.of(new ServiceStandard.BusinessTypeLimits("PAYMENT", null, 120),
                                        new ServiceStandard.BusinessTypeLimits("BROADBAND", null, 720)),
                                List.of(new ServiceStandard.OverrideRule(BRANCH, null, null, null, null, null, 3600, 1200),
                                        new ServiceStandard.OverrideRule(null, null, CustomerTier.VIP, 600, null, 0.7, null, null))),
                        List.of("businessTypes.BROADBAND.handlingLimitSeconds: 600 -> 720")),
                new StaffingShortfallForecast(BRANCH, T0.plusSeconds(3600), 5, 3, 72.5, 0.31, 900, T0.plusSeconds(3000)),
                new ProducerWatermark("queue-service", Topics.TICKETS, T0.plusSeconds(59), List.of(120L, 0L, 37L)));
    }

    /** The first sample of each type. */
    static Map<EventType, EventPayload> byType() {
        return all().stream().collect(Collectors.toMap(EventType::of, Function.identity(), (first, other) -> first));
    }

    static Stream<CloudEvent<?>> events() {
        return all().stream().map(p -> CloudEvent.of("/hallwatch/test", T0, p));
    }
}
