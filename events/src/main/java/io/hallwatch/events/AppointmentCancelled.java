package io.hallwatch.events;

import java.time.Instant;

/**
 * A booked appointment ended without a check-in, freeing its place in the slot: {@code reason} CUSTOMER (cancelled
 * through the API) or NO_SHOW (nobody checked in by 15 minutes after the slot's start).
 */
public record AppointmentCancelled(String appointmentId, String branchId, String businessType, Instant slotStart,
                                   Instant cancelledAt, String reason) implements AppointmentEvent {
}
