package io.hallwatch.marketing.store.hall;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

@Entity
@Table(name = "hall_ticket")
public class HallTicketEntity extends PanacheEntityBase {
    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "business_type")
    public String businessType;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "wait_seconds")
    public Long waitSeconds;
    @Column(name = "waiting_since")
    public Instant waitingSince;
    /** Event time of the last ticket event applied: an older one arriving late changes nothing. */
    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * Whether the customer waits at {@code at}: since then or before, but not longer than the stale
     * limit (the hall closed without events). {@link HallLedger#load}'s query says the same in HQL.
     */
    boolean waitingAt(Instant at, Duration staleAfter) {
        return waitingSince != null && !waitingSince.isAfter(at) && waitingSince.isAfter(at.minus(staleAfter));
    }
}
