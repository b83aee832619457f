package io.hallwatch.queue.domain.ticket;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static io.hallwatch.queue.domain.ticket.TicketAction.CALL;
import static io.hallwatch.queue.domain.ticket.TicketAction.CALL_CHOSEN;
import static io.hallwatch.queue.domain.ticket.TicketAction.PARK;
import static io.hallwatch.queue.domain.ticket.TicketAction.CANCEL;
import static io.hallwatch.queue.domain.ticket.TicketAction.CHECK_IN;
import static io.hallwatch.queue.domain.ticket.TicketAction.CLOSE_DAY;
import static io.hallwatch.queue.domain.ticket.TicketAction.FINISH_SERVICE;
import static io.hallwatch.queue.domain.ticket.TicketAction.NO_SHOW;
import static io.hallwatch.queue.domain.ticket.TicketAction.RECALL;
import static io.hallwatch.queue.domain.ticket.TicketAction.START_SERVICE;
import static io.hallwatch.queue.domain.ticket.TicketAction.TRANSFER;

/**
 * The ticket state machine. A transfer puts the ticket back in a queue (of its new type) from
 * wherever it was before it ended; a customer may leave (cancel) while waiting or once called, but
 * not in the middle of a service, which the counter finishes instead. When the branch's day ends, whoever still
 * waits or was called is closed (a service already started is finished by its counter).
 * <p>
 * A counter may call a chosen waiting ticket out of the call order ({@code CALL_CHOSEN}), and park a called or
 * serving visit back into the queue ({@code PARK}: it waits again). A walk-in starts its life CALLED at the counter
 * that serves it ({@link #walkIn()}), never WAITING. A remote ticket starts REMOTE and joins the queue (WAITING) when
 * the customer checks in, or is cancelled, by the customer or because nobody checked in within its window.
 */
public final class TicketLifecycle {

    private static final Map<TicketStatus, Map<TicketAction, TicketStatus>> TRANSITIONS = new EnumMap<>(TicketStatus.class);

    static {
        allow(TicketStatus.REMOTE, CHECK_IN, TicketStatus.WAITING);
        allow(TicketStatus.REMOTE, CANCEL, TicketStatus.CANCELLED);
        allow(TicketStatus.WAITING, CALL, TicketStatus.CALLED);
        allow(TicketStatus.WAITING, CALL_CHOSEN, TicketStatus.CALLED);
        allow(TicketStatus.WAITING, CANCEL, TicketStatus.CANCELLED);
        allow(TicketStatus.WAITING, TRANSFER, TicketStatus.WAITING);
        allow(TicketStatus.CALLED, RECALL, TicketStatus.CALLED);
        allow(TicketStatus.CALLED, START_SERVICE, TicketStatus.SERVING);
        allow(TicketStatus.CALLED, NO_SHOW, TicketStatus.NO_SHOW);
        allow(TicketStatus.CALLED, CANCEL, TicketStatus.CANCELLED);
        allow(TicketStatus.CALLED, TRANSFER, TicketStatus.WAITING);
        allow(TicketStatus.WAITING, CLOSE_DAY, TicketStatus.CLOSED);
        allow(TicketStatus.CALLED, CLOSE_DAY, TicketStatus.CLOSED);
        allow(TicketStatus.SERVING, FINISH_SERVICE, TicketStatus.DONE);
        allow(TicketStatus.SERVING, TRANSFER, TicketStatus.WAITING);
        allow(TicketStatus.CALLED, PARK, TicketStatus.WAITING);
        allow(TicketStatus.SERVING, PARK, TicketStatus.WAITING);
    }

    /** The status a walk-in ticket is created in: called at once at the counter that serves it. */
    public static TicketStatus walkIn() {
        return TicketStatus.CALLED;
    }

    private TicketLifecycle() {
    }

    private static void allow(TicketStatus from, TicketAction action, TicketStatus to) {
        TRANSITIONS.computeIfAbsent(from, s -> new EnumMap<>(TicketAction.class)).put(action, to);
    }

    /** The status after {@code action}, or an {@link IllegalTransitionException}. */
    public static TicketStatus next(TicketStatus from, TicketAction action) {
        return target(from, action).orElseThrow(() -> new IllegalTransitionException(from, action));
    }

    public static Optional<TicketStatus> target(TicketStatus from, TicketAction action) {
        return Optional.ofNullable(TRANSITIONS.getOrDefault(from, Map.of()).get(action));
    }
}
