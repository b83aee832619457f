package io.hallwatch.common.probe;

import io.agroal.api.AgroalDataSource;
import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.events.CloudEvent;
import io.hallwatch.events.CustomerTier;
import io.hallwatch.events.TicketIssued;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/** A service-shaped bean: one state change and its event, in one transaction. */
@ApplicationScoped
public class ProbeService {

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final Clock clock;

    ProbeService(AgroalDataSource dataSource, Outbox outbox, Clock clock) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public CloudEvent<TicketIssued> issue(String branchId, String ticketId, String number) {
        insertState(branchId, ticketId);
        return outbox.publish(clock.instant(),
                new TicketIssued(ticketId, branchId, number, "PAYMENT", CustomerTier.NORMAL, clock.instant(), null));
    }

    /** Writes the state and the event, then fails: neither may survive. */
    @Transactional
    public void issueThenFail(String branchId, String ticketId) {
        issue(branchId, ticketId, "A001");
        throw new IllegalStateException("the change failed after its event was written");
    }

    private void insertState(String branchId, String ticketId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO probe_state (ticket_id, branch_id) VALUES (?, ?)")) {
            s.setString(1, ticketId);
            s.setString(2, branchId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
