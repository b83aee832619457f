package io.hallwatch.sla.client.alerting;

/**
 * A send that did not succeed. {@code permanent} means retrying the same channel will not help
 * (bad address, rejected request): go on to the person's next channel. The message never holds an address.
 */
public class DeliveryException extends RuntimeException {
    private final boolean permanent;

    public DeliveryException(boolean permanent, String reason) {
        super(reason);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
