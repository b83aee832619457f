package io.hallwatch.queue.domain.ticket;

import java.time.Instant;

/** A remote ticket's check-in came after its window closed: it no longer joins the queue. */
public class RemoteTicketExpiredException extends RuntimeException {
    private final transient Instant checkInBy;

    public RemoteTicketExpiredException(String number, Instant checkInBy) {
        super("Remote ticket " + number + " could be checked in until " + checkInBy);
        this.checkInBy = checkInBy;
    }

    public Instant checkInBy() {
        return checkInBy;
    }
}
