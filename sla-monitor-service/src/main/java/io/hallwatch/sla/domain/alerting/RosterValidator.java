package io.hallwatch.sla.domain.alerting;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Every problem of a roster, each naming its field; messages never repeat an address. */
public final class RosterValidator {
    public static final Pattern STAFF_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");
    static final Pattern MOBILE = Pattern.compile("^(\\+86)?1[3-9][0-9]{9}$");
    static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");
    static final Pattern HH_MM = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
    static final int MAX_SHIFTS = 50;
    static final int MAX_PEOPLE = 20;
    static final int MAX_CHANNELS = 5;
    static final int MAX_CLOSED_DATES = 400;

    private RosterValidator() {
    }

    public static List<String> problems(DutyRoster roster) {
        List<String> p = new ArrayList<>();
        if (roster == null) {
            p.add("a roster is required");
            return p;
        }
        if (roster.shifts() == null || roster.shifts().isEmpty()) {
            p.add("shifts: at least one shift is required");
        } else if (roster.shifts().size() > MAX_SHIFTS) {
            p.add("shifts: at most " + MAX_SHIFTS);
        } else {
            for (int i = 0; i < roster.shifts().size(); i++) {
                shift("shifts[" + i + "]", roster.shifts().get(i), p);
            }
        }
        if (roster.escalation() == null) {
            p.add("escalation: required (areaManager and regionalManager)");
        } else {
            person("escalation.areaManager", roster.escalation().areaManager(), p);
            person("escalation.regionalManager", roster.escalation().regionalManager(), p);
        }
        hours(roster, p);
        return p;
    }

    private static void hours(DutyRoster roster, List<String> p) {
        if (roster.openingHours() != null) {
            if (roster.openingHours().size() > MAX_SHIFTS) {
                p.add("openingHours: at most " + MAX_SHIFTS);
                return;
            }
            for (int i = 0; i < roster.openingHours().size(); i++) {
                String at = "openingHours[" + i + "]";
                DutyRoster.Hours h = roster.openingHours().get(i);
                if (h == null) {
                    p.add(at + ": required");
                    continue;
                }
                days(at, h.days(), p);
                LocalTime opens = time(at + ".opens", h.opens(), p);
                LocalTime closes = time(at + ".closes", h.closes(), p);
                if (opens != null && closes != null && !opens.isBefore(closes)) {
                    p.add(at + ": opens must be before closes (within one day)");
                }
            }
        }
        if (roster.closedDates() != null) {
            if (roster.closedDates().size() > MAX_CLOSED_DATES) {
                p.add("closedDates: at most " + MAX_CLOSED_DATES);
                return;
            }
            for (int i = 0; i < roster.closedDates().size(); i++) {
                String d = roster.closedDates().get(i);
                try {
                    java.time.LocalDate.parse(d == null ? "" : d);
                } catch (DateTimeParseException e) {
                    p.add("closedDates[" + i + "]: a date YYYY-MM-DD");
                }
            }
        }
    }

    private static void days(String at, List<String> days, List<String> p) {
        if (days == null || days.isEmpty()) {
            p.add(at + ".days: at least one of MONDAY..SUNDAY");
        } else {
            for (String d : days) {
                if (day(d) == null) {
                    p.add(at + ".days: '" + d + "' is not one of MONDAY..SUNDAY");
                }
            }
        }
    }

    private static void shift(String at, DutyRoster.Shift s, List<String> p) {
        if (s == null) {
            p.add(at + ": required");
            return;
        }
        days(at, s.days(), p);
        LocalTime from = time(at + ".from", s.from(), p);
        LocalTime to = time(at + ".to", s.to(), p);
        if (from != null && to != null && !from.isBefore(to)) {
            p.add(at + ": from must be before to (a shift lies within one day)");
        }
        if (s.managers() == null || s.managers().isEmpty()) {
            p.add(at + ".managers: at least one duty manager");
        } else if (s.managers().size() > MAX_PEOPLE) {
            p.add(at + ".managers: at most " + MAX_PEOPLE);
        } else {
            for (int i = 0; i < s.managers().size(); i++) {
                person(at + ".managers[" + i + "]", s.managers().get(i), p);
            }
        }
    }

    private static void person(String at, DutyRoster.Person person, List<String> p) {
        if (person == null) {
            p.add(at + ": required");
            return;
        }
        if (person.staffId() == null || !STAFF_ID.matcher(person.staffId()).matches()) {
            p.add(at + ".staffId: required, a staff id (letters, digits, . _ @ -; up to 64)");
        }
        if (person.channels() == null || person.channels().isEmpty()) {
            p.add(at + ".channels: at least one channel");
            return;
        }
        if (person.channels().size() > MAX_CHANNELS) {
            p.add(at + ".channels: at most " + MAX_CHANNELS);
            return;
        }
        for (int i = 0; i < person.channels().size(); i++) {
            DutyRoster.Contact c = person.channels().get(i);
            String here = at + ".channels[" + i + "]";
            if (c == null) {
                p.add(here + ": required");
                continue;
            }
            ChannelType type = type(c.type());
            if (type == null) {
                p.add(here + ".type: one of SMS, WECOM, DINGTALK, WEBHOOK");
                continue;
            }
            String a = c.address();
            boolean ok = switch (type) {
                case SMS -> a != null && MOBILE.matcher(a).matches();
                case WECOM -> a != null && USER_ID.matcher(a).matches();
                case DINGTALK -> a != null && (MOBILE.matcher(a).matches() || USER_ID.matcher(a).matches());
                case WEBHOOK -> a != null && USER_ID.matcher(a).matches();
            };
            if (!ok) {
                p.add(here + ".address: " + switch (type) {
                    case SMS -> "a mainland mobile number (11 digits, optionally +86)";
                    case WECOM -> "a WeCom user id";
                    case DINGTALK -> "a DingTalk user id or mobile number";
                    case WEBHOOK -> "a recipient id for the webhook";
                });
            }
        }
    }

    static ChannelType type(String t) {
        if (t == null) {
            return null;
        }
        try {
            return ChannelType.valueOf(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static DayOfWeek day(String d) {
        if (d == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(d.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalTime time(String at, String value, List<String> p) {
        if (value == null || !HH_MM.matcher(value).matches()) {
            p.add(at + ": a time HH:mm in branch time");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            p.add(at + ": a time HH:mm in branch time");
            return null;
        }
    }
}
