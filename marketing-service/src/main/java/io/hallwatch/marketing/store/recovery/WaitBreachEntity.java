package io.hallwatch.marketing.store.recovery;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "wait_breach")
public class WaitBreachEntity extends PanacheEntityBase {
    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "breach_id")
    public String breachId;
    @Column(name = "limit_seconds")
    public long limitSeconds;
    @Column(name = "actual_seconds")
    public long actualSeconds;
    @Column(name = "detected_at")
    public Instant detectedAt;
}
