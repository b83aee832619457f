package io.hallwatch.events;

/** An event about a counter rather than a ticket: its subject is {@code <branch>/<counter>}. */
public sealed interface CounterEvent extends EventPayload permits CounterPaused, CounterResumed {

    String counterId();

    String clerkId();

    @Override
    default String subject() {
        return branchId() + "/" + counterId();
    }
}
