package io.hallwatch.common.consumer;

/**
 * An event that is well-formed but can never be applied (it contradicts the consumer's rules).
 * It goes to the dead-letter topic with this message as the reason; the consumer goes on.
 */
public class RejectedEventException extends RuntimeException {
    public RejectedEventException(String reason) {
        super(reason);
    }
}
