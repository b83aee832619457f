package io.hallwatch.events;

/** A well-formed CloudEvent whose {@code type} this version of the contract does not know. */
public class UnknownEventTypeException extends EventFormatException {
    private final String type;

    public UnknownEventTypeException(String type) {
        super("Unknown event type '" + type + "'");
        this.type = type;
    }

    public String type() {
        return type;
    }
}
