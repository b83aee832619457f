package io.hallwatch.simulator;

import java.util.List;
import java.util.Map;

/**
 * The duty roster the simulator gives each of its branches, so that the demo's breaches page
 * somebody: a morning and an afternoon duty manager every day of the week over the whole opening
 * day (09:00–18:00, also given as the branch's opening hours), an area manager and a regional
 * manager above them. The numbers are obviously fake (1380000xxxx), the WeCom ids made up.
 */
final class DemoRoster {
    static final List<String> EVERY_DAY = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY");
    static final String OPENS = "09:00";
    static final String NOON = "13:00";
    static final String CLOSES = "18:00";

    private DemoRoster() {
    }

    /** The roster document of the {@code n}-th simulated branch (1, 2, ...), as PUT /api/v1/branches/{b}/duty-roster takes it. */
    static Map<String, Object> of(String branchId, int n) {
        String tag = tag(branchId);
        return Map.of(
                "shifts", List.of(
                        Map.of("days", EVERY_DAY, "from", OPENS, "to", NOON,
                                "managers", List.of(person("dm-am-" + tag, sms(n, 1), "dm.am." + tag))),
                        Map.of("days", EVERY_DAY, "from", NOON, "to", CLOSES,
                                "managers", List.of(person("dm-pm-" + tag, sms(n, 2), "dm.pm." + tag)))),
                "escalation", Map.of(
                        "areaManager", Map.of("staffId", "area-" + tag, "channels", List.of(Map.of("type", "WECOM", "address", "area." + tag))),
                        "regionalManager", Map.of("staffId", "region-south", "channels", List.of(Map.of("type", "SMS", "address", sms(0, 9))))),
                "openingHours", List.of(Map.of("days", EVERY_DAY, "opens", OPENS, "closes", CLOSES)));
    }

    /** The branch's part of its people's staff ids: GZ-TH-001 → gzth001. */
    static String tag(String branchId) {
        return branchId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The staff id of the duty manager on shift at {@code t} (branch time). */
    static String onDuty(String tag, java.time.LocalTime t) {
        return (t.isBefore(java.time.LocalTime.parse(NOON)) ? "dm-am-" : "dm-pm-") + tag;
    }

    /** A duty manager paged by SMS first, WeCom when SMS fails. */
    private static Map<String, Object> person(String staffId, String mobile, String wecomUser) {
        return Map.of("staffId", staffId, "channels", List.of(Map.of("type", "SMS", "address", mobile), Map.of("type", "WECOM", "address", wecomUser)));
    }

    /** 1380000 + branch (3 digits) + role (1 digit): 138-0000-xxxx, a block no real subscriber holds in the demo. */
    static String sms(int branch, int role) {
        return String.format("1380000%03d%d", branch % 1000, role);
    }
}
