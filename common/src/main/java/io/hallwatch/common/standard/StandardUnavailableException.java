package io.hallwatch.common.standard;

/**
 * No version of the service standard has reached this service yet (its owner has not published, or
 * the topic is not readable): a request that needs a limit cannot be answered truthfully.
 */
public class StandardUnavailableException extends RuntimeException {
    public StandardUnavailableException() {
        super("The service standard has not been received from hallwatch.standard.v1 yet");
    }
}
