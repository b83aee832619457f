package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoRosterTest {

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void exactly_one_duty_manager_is_on_shift_every_minute_a_simulated_customer_can_arrive() {
        Map<String, Object> roster = DemoRoster.of("GZ-TH-001", 1);
        List<Map<String, Object>> shifts = list(roster.get("shifts"));
        for (String day : DemoRoster.EVERY_DAY) {
            for (int hour = 0; hour < 24; hour++) {
                if (ArrivalProfile.factor(hour) == 0) {
                    continue;
                }
                for (int minute = 0; minute < 60; minute++) {
                    LocalTime t = LocalTime.of(hour, minute);
                    long on = shifts.stream().filter(s -> ((List<?>) s.get("days")).contains(day)
                            && !t.isBefore(LocalTime.parse((String) s.get("from"))) && t.isBefore(LocalTime.parse((String) s.get("to")))).count();
                    assertEquals(1, on, day + " " + t);
                    Map<String, Object> hours = list(roster.get("openingHours")).get(0);
                    assertTrue(!t.isBefore(LocalTime.parse((String) hours.get("opens"))) && t.isBefore(LocalTime.parse((String) hours.get("closes"))),
                            "open (not quiet) at " + t);
                }
            }
        }
        // The launcher's demo day starts at 09:00 branch time: the first simulated minute is covered.
        assertEquals("09:00", shifts.get(0).get("from"));
    }

    @Test
    void every_number_is_an_obviously_fake_mainland_mobile_and_each_branch_has_its_own() {
        Set<String> numbers = new HashSet<>();
        for (int n = 1; n <= 3; n++) {
            String text = DemoRoster.of("B-" + n, n).toString();
            var m = java.util.regex.Pattern.compile("\\b1[3-9]\\d{9}\\b").matcher(text);
            while (m.find()) {
                assertTrue(m.group().startsWith("1380000"), m.group());
                numbers.add(m.group());
            }
            assertTrue(text.contains("areaManager") && text.contains("regionalManager"), text);
        }
        assertEquals(3 * 2 + 1, numbers.size(), numbers.toString()); // two duty managers per branch, one regional manager
    }
}
