package io.hallwatch.events;

/** Not JSON, not a CloudEvent, or a payload that does not match its type's contract. */
public class MalformedEventException extends EventFormatException {
    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
