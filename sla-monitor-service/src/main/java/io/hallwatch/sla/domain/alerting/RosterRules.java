package io.hallwatch.sla.domain.alerting;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Who is to be told, from a valid roster and the branch-local time: no framework, no clock of its own. */
public final class RosterRules {
    private RosterRules() {
    }

    /** The duty managers on shift at {@code local} (branch time), each once, in roster order. */
    public static List<DutyRoster.Person> onShift(DutyRoster roster, LocalDateTime local) {
        List<DutyRoster.Person> out = new ArrayList<>();
        LocalTime t = local.toLocalTime();
        for (DutyRoster.Shift s : roster.shifts()) {
            boolean today = s.days().stream().anyMatch(d -> RosterValidator.day(d) == local.getDayOfWeek());
            if (today && !t.isBefore(LocalTime.parse(s.from())) && t.isBefore(LocalTime.parse(s.to()))) {
                for (DutyRoster.Person p : s.managers()) {
                    if (out.stream().noneMatch(o -> o.staffId().equals(p.staffId()))) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The people of an escalation level: 1 the duty managers on shift (none → the area manager),
     * 2 the area manager, 3 the regional manager; beyond the chain nobody.
     */
    public static List<DutyRoster.Person> atLevel(DutyRoster roster, int level, LocalDateTime local) {
        return switch (level) {
            case 1 -> {
                List<DutyRoster.Person> on = onShift(roster, local);
                yield on.isEmpty() ? List.of(roster.escalation().areaManager()) : on;
            }
            case 2 -> List.of(roster.escalation().areaManager());
            case 3 -> List.of(roster.escalation().regionalManager());
            default -> List.of();
        };
    }

    /** The person of the roster with this staff id (a duty manager or someone of the chain), if any. */
    public static Optional<DutyRoster.Person> person(DutyRoster roster, String staffId) {
        return Stream.concat(roster.shifts().stream().flatMap(s -> s.managers().stream()),
                        Stream.of(roster.escalation().areaManager(), roster.escalation().regionalManager()))
                .filter(p -> p.staffId().equals(staffId)).findFirst();
    }
}
