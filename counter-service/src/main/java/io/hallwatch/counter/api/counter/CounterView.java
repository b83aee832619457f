package io.hallwatch.counter.api.counter;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.counter.domain.counter.CalledCustomer;
import io.hallwatch.counter.domain.counter.Counter;
import io.hallwatch.counter.domain.counter.CounterScreen;
import io.hallwatch.counter.domain.counter.CounterStatus;
import io.hallwatch.counter.domain.counter.Handling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the counter screen shows. {@code customer.overLimit} turns true once a service runs past
 * its type's limit, with the prompt the standard asks for (ask consent, apologise). {@code customer.previousNotes}: what
 * earlier clerks noted on this visit (after a transfer or a park), oldest first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CounterView(String branchId, String counterId, String label, boolean vip, List<String> skills,
                          CounterStatus status, String clerkId, Instant signedInAt, Customer customer, Pause pause) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(UUID ticketId, String number, String businessType, String tier, Instant calledAt,
                           Instant startedAt, Long handlingSeconds, Integer limitSeconds, boolean overLimit, String prompt,
                           List<PreviousNote> previousNotes) {
    }

    /** A note an earlier clerk left on this visit (before a transfer or a park): where, who, when, how it ended. */
    public record PreviousNote(String counterId, String clerkId, Instant at, String outcome, String note) {
    }

    public record Pause(String reason, Instant since, long seconds, long limitSeconds, boolean overLimit) {
    }

    public static CounterView of(CounterScreen screen) {
        Counter c = screen.counter();
        Customer customer = null;
        if (c.customer() != null) {
            CalledCustomer t = c.customer();
            Handling h = screen.handling();
            customer = new Customer(t.ticketId(), t.number(), t.businessType(), t.tier(), t.calledAt(), t.startedAt(),
                    h == null ? null : h.seconds(), h == null ? null : h.limitSeconds(), h != null && h.overLimit(),
                    h == null ? null : h.prompt(), screen.previousNotes().stream()
                    .map(n -> new PreviousNote(n.counterId(), n.clerkId(), n.at(), n.outcome(), n.note())).toList());
        }
        var p = screen.pause();
        Pause pause = p == null ? null : new Pause(p.reason(), p.since(), p.seconds(), p.limitSeconds(), p.overLimit());
        return new CounterView(c.branchId(), c.counterId(), c.label(), c.vip(), c.skills(), c.status(), c.clerkId(),
                c.signedInAt(), customer, pause);
    }
}
