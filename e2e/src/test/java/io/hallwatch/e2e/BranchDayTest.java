package io.hallwatch.e2e;

import io.hallwatch.e2e.BranchDay.Action;
import io.hallwatch.e2e.BranchDay.Kind;
import io.hallwatch.e2e.DayOracle.Finding;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scripted branch day and its oracle: the script exercises every rule, and no figure is borderline. */
class BranchDayTest {
    private final DayOracle oracle = new DayOracle(BranchDay.standard("HEAVY", "OPTOUT", "LATE"));

    @Test
    void no_figure_of_the_standard_day_sits_on_a_threshold() {
        assertEquals(List.of(), oracle.marginViolations());
    }

    @Test
    void the_standard_day_breaches_waits_handling_and_the_hall_average_and_recovers() {
        Set<Finding> findings = oracle.findings();
        assertTrue(findings.stream().filter(f -> f.kind() == DayOracle.Kind.WAIT_BREACH).count() >= 3, findings::toString);
        assertTrue(findings.contains(new Finding("Q3", DayOracle.Kind.HANDLING_BREACH)), findings::toString);
        assertTrue(findings.contains(new Finding("B5", DayOracle.Kind.HANDLING_BREACH)), findings::toString);
        assertFalse(findings.stream().anyMatch(f -> f.ticket().startsWith("T")), "the afternoon is calm: " + findings);
        DayOracle.AverageEpisodes average = oracle.averageEpisodes();
        assertEquals(1, average.breaches(), average::toString);
        assertTrue(average.clearedAtEnd(), average::toString);
    }

    @Test
    void the_late_customer_waited_too_long_in_a_busy_hall_and_the_heavy_user_came_to_a_quiet_one() {
        List<DayOracle.Advice> advice = oracle.advice();
        assertEquals(List.of(new DayOracle.Advice("Q2", false, false), new DayOracle.Advice("Q4", false, false),
                new DayOracle.Advice("B13", true, true)), advice);
    }

    @Test
    void every_ticket_is_called_once_in_issue_order_and_each_counter_does_one_thing_at_a_time() {
        List<Action> actions = oracle.timeline().actions();
        List<String> issued = actions.stream().filter(a -> a.kind() == Kind.ISSUE).map(Action::ticket).toList();
        List<String> called = actions.stream().filter(a -> a.kind() == Kind.CALL).map(Action::ticket).toList();
        assertEquals(issued, called);
        for (String counter : List.of("C01", "C02")) {
            Kind last = Kind.SIGN_IN;
            for (Action a : actions.stream().filter(a -> counter.equals(a.counterId())).toList()) {
                assertTrue(switch (a.kind()) {
                    case CALL -> last == Kind.SIGN_IN || last == Kind.FINISH || last == Kind.NO_SHOW || last == Kind.RESUME;
                    case START -> last == Kind.CALL;
                    case FINISH -> last == Kind.START;
                    case NO_SHOW -> last == Kind.CALL;
                    case PAUSE -> last == Kind.SIGN_IN || last == Kind.FINISH || last == Kind.NO_SHOW;
                    case RESUME -> last == Kind.PAUSE;
                    default -> true;
                }, counter + ": " + a.kind() + " after " + last);
                last = a.kind();
            }
        }
    }

    @Test
    void the_break_is_taken_when_the_clerk_is_free_and_shows_in_the_report() {
        assertEquals(20.0, oracle.pausedMinutes().get("clerk-b").get("BREAK"));
        assertEquals(1, oracle.noShowsByClerk().values().stream().mapToInt(Integer::intValue).sum());
    }
}
