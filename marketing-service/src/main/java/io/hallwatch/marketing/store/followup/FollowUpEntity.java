package io.hallwatch.marketing.store.followup;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.marketing.domain.followup.FollowUp;
import io.hallwatch.marketing.domain.followup.FollowUpResult;
import io.hallwatch.marketing.domain.followup.FollowUpSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
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

    /**
     * A branch's follow-ups, earliest due first: with {@code status} (OPEN, CLOSED) or any when
     * null, and due by {@code dueBy} unless it is null.
     */
    public static List<FollowUpEntity> ofBranch(String branchId, String status, Instant dueBy) {
        StringBuilder query = new StringBuilder("branchId = :branch");
        Parameters params = Parameters.with("branch", branchId);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (dueBy != null) {
            query.append(" and dueAt <= :dueBy");
            params.and("dueBy", dueBy);
        }
        query.append(" order by dueAt, id");
        return list(query.toString(), params);
    }

    public static List<FollowUpEntity> ofCampaign(UUID campaignId) {
        return list("campaignId", campaignId);
    }

    /** The follow-up an INTERESTED outcome at the counter planned, or null. */
    public static FollowUpEntity ofRecommendation(UUID recommendationId) {
        if (recommendationId.version() != 7) {
            // Advice from before V6 has a random id, which says nothing of when it was made.
            return FollowUpEntity.<FollowUpEntity>find("recommendationId", recommendationId).firstResult();
        }
        // The outcome planned it after the advice was made: only the days since (a day's margin for clocks apart).
        return FollowUpEntity.<FollowUpEntity>find("recommendationId = ?1 and id >= ?2", recommendationId,
                IdDays.lowestAt(IdDays.start(IdDays.dayOf(recommendationId).minusDays(1)))).firstResult();
    }

    /** The follow-up, locked until the transaction ends; null when there is none. */
    public static FollowUpEntity lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public FollowUp toDomain() {
        return new FollowUp(id, branchId, offerCode, customerRef, createdAt, dueAt, result, note, closedAt);
    }

    public void apply(FollowUp f) {
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
