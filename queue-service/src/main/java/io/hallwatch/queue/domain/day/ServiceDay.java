package io.hallwatch.queue.domain.day;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * The day-closing rule of one branch, in its zone: when a service day opens, closes to new tickets, and ends
 * (closing plus grace, when the tickets still open are closed {@code BRANCH_CLOSED}); which day a ticket issued
 * now belongs to; which day an extension extends. Instants in, instants out; the zone's rules (and its daylight
 * saving, where it has any) are {@link java.time.ZonedDateTime}'s.
 */
public final class ServiceDay {
    private final DayHours hours;

    public ServiceDay(DayHours hours) {
        this.hours = hours;
    }

    public DayHours hours() {
        return hours;
    }

    public Instant opens(LocalDate day) {
        return day.atTime(hours.opensAt()).atZone(hours.zone()).toInstant();
    }

    public Instant regularClose(LocalDate day) {
        return day.atTime(hours.closesAt()).atZone(hours.zone()).toInstant();
    }

    /** When {@code day} closes to new tickets: its regular time, or the extension's end where one is in force. */
    public Instant closes(LocalDate day, Optional<DayExtension> extension) {
        Instant regular = regularClose(day);
        return extension.map(DayExtension::until).filter(regular::isBefore).orElse(regular);
    }

    /** When {@code day} ends: closing plus the grace; the tickets still open then are closed. */
    public Instant closeDue(LocalDate day, Optional<DayExtension> extension) {
        return closes(day, extension).plus(hours.closeGrace());
    }

    public boolean isOver(LocalDate day, Optional<DayExtension> extension, Instant now) {
        return !now.isBefore(closeDue(day, extension));
    }

    public DayState state(LocalDate day, Optional<DayExtension> extension, Instant now) {
        if (now.isBefore(opens(day))) {
            return DayState.NOT_OPEN_YET;
        }
        if (now.isBefore(closes(day, extension))) {
            return DayState.OPEN;
        }
        return now.isBefore(closeDue(day, extension)) ? DayState.CLOSING : DayState.CLOSED;
    }

    /**
     * The service day a ticket issued at {@code now} belongs to, if any is open: yesterday's where an extension
     * keeps it open past midnight (its numbers go on), else today's within its hours (or its extension).
     */
    public Optional<LocalDate> openDay(Instant now, Function<LocalDate, Optional<DayExtension>> extensions) {
        LocalDate today = LocalDate.ofInstant(now, hours.zone());
        LocalDate yesterday = today.minusDays(1);
        if (state(yesterday, extensions.apply(yesterday), now) == DayState.OPEN) {
            return Optional.of(yesterday);
        }
        // Within the regular hours no extension can matter: no lookup.
        if (!now.isBefore(opens(today)) && now.isBefore(regularClose(today))) {
            return Optional.of(today);
        }
        return state(today, extensions.apply(today), now) == DayState.OPEN ? Optional.of(today) : Optional.empty();
    }

    /** The next regular opening after {@code now}: what a refused kiosk tells the customer. */
    public Instant nextOpening(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, hours.zone());
        Instant opens = opens(today);
        return now.isBefore(opens) ? opens : opens(today.plusDays(1));
    }

    /**
     * The service day an extension until {@code until} extends: the last day that opened before it. An end in the
     * small hours belongs to the day before (the day it extended), never to the day about to open.
     */
    public LocalDate extendedDay(Instant until) {
        LocalDate local = LocalDate.ofInstant(until, hours.zone());
        return until.isAfter(opens(local)) ? local : local.minusDays(1);
    }

    /** Why an extension cannot be: the day is over, or the end is not after its regular closing or not ahead. */
    public enum Refusal { DAY_OVER, NOT_AFTER_REGULAR_CLOSE, NOT_AHEAD, TOO_FAR }

    /** How far ahead an extension may end: a late evening, a night through, never a standing change of hours. */
    public static final Duration LONGEST_EXTENSION_AHEAD = Duration.ofHours(36);

    /** Why an extension until {@code until}, asked at {@code now}, cannot be (with words for the duty manager), or empty. */
    public Optional<Refused> refusal(Instant until, Optional<DayExtension> current, Instant now) {
        if (until.isAfter(now.plus(LONGEST_EXTENSION_AHEAD))) {
            return Optional.of(new Refused(Refusal.TOO_FAR, "An extension ends within " + LONGEST_EXTENSION_AHEAD.toHours()
                    + " hours; other hours are the branch's set-up"));
        }
        LocalDate day = extendedDay(until);
        if (isOver(day, current, now)) {
            return Optional.of(new Refused(Refusal.DAY_OVER, "The service day " + day + " is already over: it closed at "
                    + closes(day, current).atZone(hours.zone()).toLocalDateTime() + " plus " + minutes(hours.closeGrace())
                    + " min grace (" + hours.zone() + ")"));
        }
        if (!until.isAfter(regularClose(day))) {
            return Optional.of(new Refused(Refusal.NOT_AFTER_REGULAR_CLOSE, "An extension of " + day
                    + " must end after its regular closing, " + hours.closesAt() + " (" + hours.zone() + ")"));
        }
        if (!until.isAfter(now)) {
            return Optional.of(new Refused(Refusal.NOT_AHEAD, "An extension must end in the future"));
        }
        return Optional.empty();
    }

    public record Refused(Refusal reason, String detail) {
    }

    private static long minutes(Duration d) {
        return d.toMinutes();
    }
}
