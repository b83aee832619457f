package io.hallwatch.events;

/**
 * A record that is not a valid Hallwatch event. Consumers send such records to the dead-letter
 * topic with {@link #getMessage()} as the reason; the message never quotes the record's content.
 */
public class EventFormatException extends RuntimeException {
    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
