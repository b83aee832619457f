package io.hallwatch.sla.domain.notice;

import java.time.Instant;

/**
 * A ticket's "your turn is near" notice as this service holds it: the customer's number ({@code phone}, null once
 * sent or given up, or while only the queue's word has come), when the kiosk gave it, when the queue said the turn is
 * near ({@code dueAt}; after a failed attempt, when the next is due), and how it ended.
 */
public record TurnNoticeContact(String ticketId, String branchId, String phone, Instant requestedAt, Instant dueAt,
                                Instant sentAt, Instant failedAt, int attempts, String lastError) {

    /** Sent or given up: nothing more happens to it. */
    public boolean closed() {
        return sentAt != null || failedAt != null;
    }

    /** WAITING (for the queue's word), DUE (the SMS goes out now), SENT or FAILED. */
    public String status() {
        return sentAt != null ? "SENT" : failedAt != null ? "FAILED" : dueAt != null ? "DUE" : "WAITING";
    }

    @Override
    public String toString() {
        return "TurnNoticeContact[" + ticketId + ", " + branchId + ", " + PhoneNumbers.masked(phone) + ", " + status() + "]";
    }
}
