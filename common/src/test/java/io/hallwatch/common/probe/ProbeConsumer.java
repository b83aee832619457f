package io.hallwatch.common.probe;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.consumer.EventConsumers;
import io.hallwatch.common.consumer.RejectedEventException;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.TicketEvent;
import io.hallwatch.events.Topics;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A consumer-shaped bean: records every ticket event it applies. Tickets numbered Z999 break its
 * rules and are rejected, standing in for an event a real consumer can never apply.
 */
@ApplicationScoped
public class ProbeConsumer {
    public static final String NAME = "probe-consumer";
    public static final String REJECTED_NUMBER = "Z999";

    private final AgroalDataSource dataSource;

    ProbeConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event, EventConsumers consumers) {
        consumers.start(NAME, List.of(Topics.TICKETS), this::apply);
    }

    private void apply(CloudEvent<?> event) {
        if (!(event.data() instanceof TicketEvent ticket)) {
            return;
        }
        if (REJECTED_NUMBER.equals(ticket.ticketNumber())) {
            throw new RejectedEventException("ticket number " + REJECTED_NUMBER + " is not accepted here");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO probe_applied (event_id, ticket_id) VALUES (?, ?)")) {
            s.setObject(1, event.id());
            s.setString(2, ticket.ticketId());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
