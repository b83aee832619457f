package io.hallwatch.counter.domain.counter;

import java.util.List;

/**
 * What the counter screen shows at a moment: the counter, the service in progress against its
 * limit ({@code null} unless a customer is in service), the pause so far ({@code null} unless
 * paused), and the notes earlier clerks left on the customer's visit (empty when none, or nobody called).
 */
public record CounterScreen(Counter counter, Handling handling, Pause pause, List<PreviousNote> previousNotes) {

    public CounterScreen {
        previousNotes = previousNotes == null ? List.of() : List.copyOf(previousNotes);
    }

    public CounterScreen(Counter counter, Handling handling, Pause pause) {
        this(counter, handling, pause, List.of());
    }
}
