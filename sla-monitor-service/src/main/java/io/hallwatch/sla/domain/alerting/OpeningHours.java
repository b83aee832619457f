package io.hallwatch.sla.domain.alerting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A branch's opening hours in branch time: per weekday a window [opens, closes), and dates it is
 * closed all day (holidays). Plain logic; a roster without hours of its own gets the deployment's
 * default every day.
 */
public final class OpeningHours {
    private record Window(LocalTime opens, LocalTime closes) {
    }

    private final Map<DayOfWeek, List<Window>> byDay;
    private final Set<LocalDate> closedDates;

    private OpeningHours(Map<DayOfWeek, List<Window>> byDay, Set<LocalDate> closedDates) {
        this.byDay = byDay;
        this.closedDates = closedDates;
    }

    /** The same window every day of the week. */
    public static OpeningHours everyDay(LocalTime opens, LocalTime closes) {
        Map<DayOfWeek, List<Window>> m = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            m.put(d, List.of(new Window(opens, closes)));
        }
        return new OpeningHours(m, Set.of());
    }

    /** The roster's hours (a valid roster), or {@code fallback} hours every day when it gives none; its closed dates apply either way. */
    public static OpeningHours of(DutyRoster roster, LocalTime fallbackOpens, LocalTime fallbackCloses) {
        Set<LocalDate> closed = roster.closedDates() == null ? Set.of()
                : roster.closedDates().stream().map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
        if (roster.openingHours() == null || roster.openingHours().isEmpty()) {
            return new OpeningHours(everyDay(fallbackOpens, fallbackCloses).byDay, closed);
        }
        Map<DayOfWeek, List<Window>> m = new EnumMap<>(DayOfWeek.class);
        for (DutyRoster.Hours h : roster.openingHours()) {
            Window w = new Window(LocalTime.parse(h.opens()), LocalTime.parse(h.closes()));
            for (String d : h.days()) {
                m.merge(RosterValidator.day(d), List.of(w), (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
            }
        }
        return new OpeningHours(m, closed);
    }

    /** Whether the branch is open at {@code local} (branch time). */
    public boolean isOpen(LocalDateTime local) {
        if (closedDates.contains(local.toLocalDate())) {
            return false;
        }
        LocalTime t = local.toLocalTime();
        return byDay.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(w -> !t.isBefore(w.opens()) && t.isBefore(w.closes()));
    }
}
