package io.hallwatch.simulator;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallBudgetTest {
    private static final long WAIT = TimeUnit.SECONDS.toNanos(2);
    private static final Api.Answer OK = new Api.Answer(201, null);

    /** Calls that are "sent" when the budget starts them and answered when the test says so. */
    private static final class Platform {
        final List<String> sent = new ArrayList<>();
        final List<CompletableFuture<Api.Answer>> pending = new ArrayList<>();

        Supplier<CompletableFuture<Api.Answer>> call(String name) {
            return () -> {
                sent.add(name);
                CompletableFuture<Api.Answer> answer = new CompletableFuture<>();
                pending.add(answer);
                return answer;
            };
        }

        void answerOldest() {
            pending.remove(0).complete(OK);
        }
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Platform platform = new Platform();

    private CallBudget budget(int limit, int line) {
        return new CallBudget("kiosks", limit, line, WAIT, now::get, Runnable::run);
    }

    @Test
    void no_more_than_the_limit_is_in_flight_and_the_others_go_out_in_turn_as_answers_come_back() {
        CallBudget budget = budget(2, 10);
        List<CompletableFuture<Api.Answer>> answers = new ArrayList<>();
        for (String name : List.of("a", "b", "c", "d")) {
            answers.add(budget.submit(platform.call(name)));
        }
        assertEquals(List.of("a", "b"), platform.sent);
        assertEquals(new CallBudget.Snapshot("kiosks", 2, 2, 2, 2, 0), budget.snapshot());

        platform.answerOldest();
        assertSame(OK, answers.get(0).join());
        assertEquals(List.of("a", "b", "c"), platform.sent);
        assertFalse(answers.get(2).isDone());

        platform.answerOldest();
        platform.answerOldest();
        platform.answerOldest();
        assertEquals(List.of("a", "b", "c", "d"), platform.sent);
        answers.forEach(a -> assertSame(OK, a.join()));
        assertEquals(new CallBudget.Snapshot("kiosks", 2, 0, 0, 4, 0), budget.snapshot());
    }

    @Test
    void a_call_that_waited_too_long_for_its_turn_is_shed_not_sent() {
        CallBudget budget = budget(1, 10);
        budget.submit(platform.call("first"));
        CompletableFuture<Api.Answer> late = budget.submit(platform.call("late"));
        now.addAndGet(WAIT + 1);
        CompletableFuture<Api.Answer> fresh = budget.submit(platform.call("fresh"));

        platform.answerOldest();
        assertTrue(late.join().shed());
        assertEquals(List.of("first", "fresh"), platform.sent);
        assertFalse(fresh.isDone());
        assertEquals(1, budget.snapshot().shed());
    }

    @Test
    void waiting_calls_are_shed_on_time_even_while_the_platform_answers_nothing() {
        CallBudget budget = budget(1, 10);
        budget.submit(platform.call("stuck"));
        CompletableFuture<Api.Answer> waiting = budget.submit(platform.call("waiting"));
        budget.shedOverdue();
        assertFalse(waiting.isDone(), "not yet overdue");

        now.addAndGet(WAIT + 1);
        budget.shedOverdue();
        assertTrue(waiting.join().shed());
        assertEquals(List.of("stuck"), platform.sent);
        assertEquals(0, budget.snapshot().waiting());
    }

    @Test
    void however_many_calls_are_asked_for_the_waiting_line_stays_bounded_and_the_rest_is_shed() {
        CallBudget budget = budget(3, 50);
        int asked = 20_000;
        int shedAtOnce = 0;
        for (int i = 0; i < asked; i++) {
            if (budget.submit(platform.call("t")).isDone()) {
                shedAtOnce++;
            }
            assertTrue(budget.snapshot().waiting() <= 50);
        }
        assertEquals(3, platform.sent.size());
        assertEquals(asked - 3 - 50, shedAtOnce);
        assertEquals(asked - 3 - 50, budget.snapshot().shed());
    }

    @Test
    void one_kind_of_caller_using_up_its_budget_leaves_the_other_kinds_theirs() {
        CallBudget kiosks = budget(2, 5);
        CallBudget clerks = new CallBudget("clerks", 2, 5, WAIT, now::get, Runnable::run);
        for (int i = 0; i < 100; i++) {
            kiosks.submit(platform.call("ticket"));
        }
        Platform counters = new Platform();
        clerks.submit(counters.call("call-next"));
        clerks.submit(counters.call("call-next"));
        assertEquals(2, counters.sent.size(), "clerks' calls go out at once");
        assertEquals(93, kiosks.snapshot().shed());
        assertEquals(0, clerks.snapshot().shed());
    }

    @Test
    void a_call_that_fails_or_throws_frees_its_slot_and_answers_as_failed() {
        CallBudget budget = budget(1, 10);
        CompletableFuture<Api.Answer> broken = budget.submit(() -> {
            throw new IllegalStateException("no route");
        });
        assertSame(Api.Answer.FAILED, broken.join());
        CompletableFuture<Api.Answer> failing = budget.submit(() -> CompletableFuture.failedFuture(new RuntimeException("reset")));
        assertSame(Api.Answer.FAILED, failing.join());
        budget.submit(platform.call("next"));
        assertEquals(List.of("next"), platform.sent);
        assertEquals(1, budget.snapshot().inFlight());
    }

    @Test
    void the_next_call_in_line_starts_on_the_starter_not_on_the_thread_that_delivered_the_answer() {
        List<Runnable> started = new ArrayList<>();
        CallBudget budget = new CallBudget("clerks", 1, 10, WAIT, now::get, started::add);
        budget.submit(platform.call("a"));
        budget.submit(platform.call("b"));
        platform.answerOldest();
        assertEquals(List.of("a"), platform.sent);
        assertEquals(1, started.size());
        started.get(0).run();
        assertEquals(List.of("a", "b"), platform.sent);
    }
}
