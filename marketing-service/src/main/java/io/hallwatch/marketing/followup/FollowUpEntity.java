package io.hallwatch.marketing.followup;

import io.hallwatch.marketing.followup.domain.FollowUp;
import io.hallwatch.marketing.followup.domain.FollowUpResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "follow_up")
public class FollowUpEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "offer_code")
    public String offerCode;
    @Column(name = "customer_ref")
    public String customerRef;
    @Enumerated(EnumType.STRING)
    public FollowUpSource source;
    @Column(name = "recommendation_id")
    public UUID recommendationId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "due_at")
    public Instant dueAt;
    public String status;
    @Enumerated(EnumType.STRING)
    public FollowUpResult result;
    public String note;
    @Column(name = "closed_at")
    public Instant closedAt;

    public FollowUp toDomain() {
        return new FollowUp(id, branchId, offerCode, customerRef, createdAt, dueAt, result, note, closedAt);
    }

    void apply(FollowUp f) {
        id = f.id();
        branchId = f.branchId();
        offerCode = f.offerCode();
        customerRef = f.customerRef();
        createdAt = f.createdAt();
        dueAt = f.dueAt();
        result = f.result();
        note = f.note();
        closedAt = f.closedAt();
        status = f.open() ? "OPEN" : "CLOSED";
    }
}
