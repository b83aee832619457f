package io.hallwatch.counter.domain.counter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A service position of a branch (台席), with who works it and what it is doing now. Each change
 * returns the counter as it becomes, or throws {@link CounterConflictException} where its
 * {@link CounterState} does not allow the action (the counter is then left as it was).
 *
 * @param label    what customers see on the display, e.g. 3号台
 * @param skills   the business types this counter serves
 * @param customer the customer called or in service; {@code null} when nobody is
 * @param pauseId  the open pause's record while PAUSED
 * @param version  the row's version as read, for the store's check that nobody changed it since
 */
public record Counter(String branchId, String counterId, String label, boolean vip, List<String> skills,
                      CounterStatus status, String clerkId, Instant signedInAt, CalledCustomer customer, UUID pauseId,
                      int version) {

    public Counter {
        skills = List.copyOf(skills);
    }

    public CounterState state() {
        return new CounterState(status, status == CounterStatus.OPEN && customer != null);
    }

    /** Throws {@link CounterConflictException} where the state does not allow {@code action}; changes nothing. */
    public void check(CounterAction action) {
        state().apply(action);
    }

    public Counter signIn(String clerk, Instant at) {
        return with(CounterAction.SIGN_IN, clerk, at, customer, pauseId);
    }

    public Counter signOut() {
        return with(CounterAction.SIGN_OUT, null, null, customer, pauseId);
    }

    public Counter pause(UUID pause) {
        return with(CounterAction.PAUSE, clerkId, signedInAt, customer, pause);
    }

    public Counter resume() {
        return with(CounterAction.RESUME, clerkId, signedInAt, customer, null);
    }

    public Counter call(CalledCustomer called) {
        return with(CounterAction.CALL, clerkId, signedInAt, called, pauseId);
    }

    /** The called customer did not come; refused when the counter has called someone else meanwhile. */
    public Counter noShow(UUID ticketId) {
        if (customer == null || !customer.ticketId().equals(ticketId)) {
            throw new CounterConflictException("The counter's called customer changed meanwhile");
        }
        return with(CounterAction.NO_SHOW, clerkId, signedInAt, null, pauseId);
    }

    /** The called or serving visit went back to the queue; refused when the counter's customer changed meanwhile. */
    public Counter park(UUID ticketId) {
        if (customer == null || !customer.ticketId().equals(ticketId)) {
            throw new CounterConflictException("The counter's customer changed meanwhile");
        }
        return with(CounterAction.PARK, clerkId, signedInAt, null, pauseId);
    }

    public Counter startService(Instant at) {
        CounterState next = state().apply(CounterAction.START_SERVICE);
        return new Counter(branchId, counterId, label, vip, skills, next.status(), clerkId, signedInAt,
                customer.startedAt(at), pauseId, version);
    }

    public Counter finishService() {
        return with(CounterAction.FINISH_SERVICE, clerkId, signedInAt, null, pauseId);
    }

    private Counter with(CounterAction action, String clerk, Instant since, CalledCustomer called, UUID pause) {
        CounterStatus next = state().apply(action).status();
        return new Counter(branchId, counterId, label, vip, skills, next, clerk, since, called, pause, version);
    }
}
