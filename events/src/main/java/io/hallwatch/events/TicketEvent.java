package io.hallwatch.events;

/** An event about one ticket: every one names the ticket, its branch, number, business type and tier. */
public sealed interface TicketEvent extends EventPayload
        permits TicketIssued, TicketCalled, TicketRecalled, TicketNoShow, TicketCancelled,
        TicketClosed, TicketTransferred, TicketParked, ServiceStarted, ServiceFinished {

    String ticketId();

    String ticketNumber();

    String businessType();

    CustomerTier customerTier();

    @Override
    default String subject() {
        return ticketId();
    }
}
