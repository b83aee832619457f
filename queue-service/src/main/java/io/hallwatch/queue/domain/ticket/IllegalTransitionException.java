package io.hallwatch.queue.domain.ticket;

/** An action the ticket's current status does not allow; nothing changes. */
public class IllegalTransitionException extends RuntimeException {
    private final TicketStatus from;
    private final TicketAction action;

    public IllegalTransitionException(TicketStatus from, TicketAction action) {
        super("A " + from + " ticket cannot be " + describe(action));
        this.from = from;
        this.action = action;
    }

    public TicketStatus from() {
        return from;
    }

    public TicketAction action() {
        return action;
    }

    private static String describe(TicketAction action) {
        return switch (action) {
            case CHECK_IN -> "checked in";
            case CALL, CALL_CHOSEN -> "called";
            case PARK -> "parked";
            case RECALL -> "recalled";
            case START_SERVICE -> "started";
            case FINISH_SERVICE -> "finished";
            case NO_SHOW -> "marked no-show";
            case CANCEL -> "cancelled";
            case TRANSFER -> "transferred";
            case CLOSE_DAY -> "closed at the end of the day";
        };
    }
}
