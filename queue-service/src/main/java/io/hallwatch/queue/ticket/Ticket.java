package io.hallwatch.queue.ticket;

import io.hallwatch.events.CustomerTier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A customer's place in a branch's queue (号票). Status changes go through {@link TicketLifecycle}. */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "business_type")
    public String businessType;
    @Enumerated(EnumType.STRING)
    public CustomerTier tier;
    public String number;
    @Column(name = "service_day")
    public LocalDate serviceDay;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "called_at")
    public Instant calledAt;
    @Column(name = "counter_id")
    public String counterId;
    @Column(name = "clerk_id")
    public String clerkId;
    @Column(name = "recall_count")
    public int recallCount;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "previous_business_type")
    public String previousBusinessType;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "estimated_wait_minutes")
    public int estimatedWaitMinutes;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Version
    public int version;

    /** Applies {@code action}, or throws {@link IllegalTransitionException} and changes nothing. */
    public void apply(TicketAction action) {
        status = TicketLifecycle.next(status, action);
    }

    /** The wait from the original issue to {@code at}. */
    public Duration waitedUntil(Instant at) {
        return Duration.between(issuedAt, at);
    }
}
