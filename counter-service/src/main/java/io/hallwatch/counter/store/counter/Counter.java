package io.hallwatch.counter.store.counter;

import io.hallwatch.counter.domain.counter.CounterAction;
import io.hallwatch.counter.domain.counter.CounterConflictException;
import io.hallwatch.counter.domain.counter.CounterState;
import io.hallwatch.counter.domain.counter.CounterStatus;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A service position of a branch, with who works it and what it is doing now. */
@Entity
@Table(name = "counter")
@IdClass(Counter.Key.class)
public class Counter extends PanacheEntityBase {
    @Id
    @Column(name = "branch_id")
    public String branchId;
    @Id
    @Column(name = "counter_id")
    public String counterId;
    /** What customers see on the display, e.g. 3号台. */
    public String label;
    public boolean vip;
    /** The business types this counter serves. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] skills;
    @Enumerated(EnumType.STRING)
    public CounterStatus status = CounterStatus.CLOSED;
    @Column(name = "clerk_id")
    public String clerkId;
    @Column(name = "signed_in_at")
    public Instant signedInAt;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "ticket_business_type")
    public String ticketBusinessType;
    @Column(name = "ticket_tier")
    public String ticketTier;
    @Column(name = "ticket_issued_at")
    public Instant ticketIssuedAt;
    @Column(name = "called_at")
    public Instant calledAt;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "pause_id")
    public UUID pauseId;
    @Version
    public int version;

    public CounterState state() {
        return new CounterState(status, status == CounterStatus.OPEN && ticketId != null);
    }

    /** Moves the state machine, or throws {@link CounterConflictException} and changes nothing. */
    public void apply(CounterAction action) {
        status = state().apply(action).status();
    }

    public void clearTicket() {
        ticketId = null;
        ticketNumber = null;
        ticketBusinessType = null;
        ticketTier = null;
        ticketIssuedAt = null;
        calledAt = null;
        startedAt = null;
    }

    public static class Key implements Serializable {
        public String branchId;
        public String counterId;

        public Key() {
        }

        public Key(String branchId, String counterId) {
            this.branchId = branchId;
            this.counterId = counterId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(branchId, k.branchId) && Objects.equals(counterId, k.counterId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(branchId, counterId);
        }
    }
}
