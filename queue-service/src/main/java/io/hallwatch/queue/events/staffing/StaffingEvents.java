package io.hallwatch.queue.events.staffing;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.StaffingShortfallForecast;
import jakarta.enterprise.context.ApplicationScoped;

/** The staffing forecast's event on {@code hallwatch.tickets.v1}, through the outbox in the caller's transaction. */
@ApplicationScoped
public class StaffingEvents {
    private final Outbox outbox;

    StaffingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void shortfall(StaffingShortfallForecast forecast) {
        outbox.publish(forecast.forecastAt(), forecast);
    }
}
