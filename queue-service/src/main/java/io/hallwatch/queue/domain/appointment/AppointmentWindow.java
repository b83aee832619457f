package io.hallwatch.queue.domain.appointment;

import java.time.Duration;
import java.time.Instant;

/**
 * When the customer of an appointment may check in, judged against the slot's start: from {@code early} before it
 * (15 minutes) to {@code late} after it (10 minutes) the check-in gets a ticket called ahead of walk-up tickets from
 * the slot's start; after that, until {@code noShowAfter} past the start (15 minutes), an ordinary ticket; later the
 * appointment is a no-show and its place was freed.
 */
public record AppointmentWindow(Duration early, Duration late, Duration noShowAfter) {

    public AppointmentWindow {
        if (early.isNegative() || late.isNegative() || noShowAfter.compareTo(late) < 0) {
            throw new IllegalArgumentException("Need early >= 0, 0 <= late <= no-show: " + early + ", " + late + ", " + noShowAfter);
        }
    }

    /** How a check-in at {@code at} for a slot starting {@code slotStart} stands. */
    public enum Arrival {
        TOO_EARLY, ON_TIME, LATE, MISSED
    }

    public Arrival judge(Instant slotStart, Instant at) {
        if (at.isBefore(opensAt(slotStart))) {
            return Arrival.TOO_EARLY;
        }
        if (!at.isAfter(slotStart.plus(late))) {
            return Arrival.ON_TIME;
        }
        return at.isBefore(noShowAt(slotStart)) ? Arrival.LATE : Arrival.MISSED;
    }

    /** The first moment the check-in is open. */
    public Instant opensAt(Instant slotStart) {
        return slotStart.minus(early);
    }

    /** The last moment an on-time check-in is possible. */
    public Instant onTimeUntil(Instant slotStart) {
        return slotStart.plus(late);
    }

    /** From when nobody having checked in makes the appointment a no-show. */
    public Instant noShowAt(Instant slotStart) {
        return slotStart.plus(noShowAfter);
    }
}
