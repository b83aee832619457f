package io.hallwatch.sla.client.alerting;

import io.hallwatch.sla.domain.alerting.AlertMessage;
import io.hallwatch.sla.domain.alerting.ChannelType;

/** One way to reach a person. Implementations send once; retries and fallback are the caller's. */
public interface NotificationChannel {

    ChannelType type();

    /** Whether this deployment configured the channel. */
    boolean configured();

    /**
     * Sends {@code message} to {@code address} (a mobile number, a WeCom or DingTalk user id, a
     * webhook recipient id). Returns normally when the provider accepted it.
     *
     * @throws DeliveryException when it did not
     */
    void send(String address, AlertMessage message);
}
