package io.hallwatch.sla.domain.alerting;

import java.util.List;
import java.util.Map;

/** Rosters for the tests, as Java values and as JSON bodies. */
public final class Rosters {
    private Rosters() {
    }

    public static DutyRoster.Person person(String staffId, String type, String address) {
        return new DutyRoster.Person(staffId, List.of(new DutyRoster.Contact(type, address)));
    }

    /** Weekdays 09:00–13:00 dm-am, 13:00–18:00 dm-pm; area manager, then regional. */
    public static DutyRoster weekdays() {
        List<String> week = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
        return new DutyRoster(List.of(
                new DutyRoster.Shift(week, "09:00", "13:00", List.of(new DutyRoster.Person("dm-am",
                        List.of(new DutyRoster.Contact("SMS", "13812345678"), new DutyRoster.Contact("WECOM", "wang.li"))))),
                new DutyRoster.Shift(week, "13:00", "18:00", List.of(person("dm-pm", "SMS", "13987654321")))),
                new DutyRoster.Escalation(person("area-1", "DINGTALK", "ding-area-1"), person("region-1", "SMS", "+8613700001111")));
    }

    public static Map<String, Object> body(DutyRoster r) {
        return Map.of("shifts", r.shifts(), "escalation", r.escalation());
    }
}
