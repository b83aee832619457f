package io.hallwatch.queue.domain.appointment;

import io.hallwatch.queue.domain.day.DayHours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a business type of a branch takes appointments: its opening hours cut into slots of {@code slotMinutes} from
 * the opening (a last slot that would run past closing is not offered), each with room for {@code capacity}
 * customers. Capacity 0: no appointments.
 */
public record AppointmentPlan(String businessType, int slotMinutes, int capacity) {
    public static final int MIN_SLOT_MINUTES = 5;
    public static final int MAX_SLOT_MINUTES = 240;
    public static final int MAX_CAPACITY = 100;

    public AppointmentPlan {
        if (slotMinutes < MIN_SLOT_MINUTES || slotMinutes > MAX_SLOT_MINUTES) {
            throw new IllegalArgumentException("A slot lasts " + MIN_SLOT_MINUTES + " to " + MAX_SLOT_MINUTES + " minutes: " + slotMinutes);
        }
        if (capacity < 0 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("A slot takes 0 to " + MAX_CAPACITY + " customers: " + capacity);
        }
    }

    /** The slots of {@code day} (the branch's local day) within its regular hours. */
    public List<Slot> slots(LocalDate day, DayHours hours) {
        List<Slot> slots = new ArrayList<>();
        if (capacity == 0) {
            return slots;
        }
        ZonedDateTime closes = day.atTime(hours.closesAt()).atZone(hours.zone());
        Duration length = Duration.ofMinutes(slotMinutes);
        for (ZonedDateTime start = day.atTime(hours.opensAt()).atZone(hours.zone());
             !start.plus(length).isAfter(closes); start = start.plus(length)) {
            slots.add(new Slot(start.toInstant(), start.plus(length).toInstant()));
        }
        return slots;
    }

    /** The slot that starts at {@code start}, if the plan has one there. */
    public Optional<Slot> slotAt(Instant start, DayHours hours) {
        LocalDate day = start.atZone(hours.zone()).toLocalDate();
        return slots(day, hours).stream().filter(s -> s.start().equals(start)).findFirst();
    }
}
