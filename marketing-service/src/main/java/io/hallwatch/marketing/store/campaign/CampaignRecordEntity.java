package io.hallwatch.marketing.store.campaign;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.marketing.domain.campaign.CampaignRecord;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
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
@Table(name = "campaign_record")
public class CampaignRecordEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "campaign_id")
    public UUID campaignId;
    @Enumerated(EnumType.STRING)
    public CampaignRecord.Kind kind;
    @Column(name = "staff_id")
    public String staffId;
    @Column(name = "offer_code")
    public String offerCode;
    public int quantity;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "lead_id")
    public UUID leadId;
    @Column(name = "follow_up_id")
    public UUID followUpId;
    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** A lead or sale as recorded at {@code campaignId}'s site, with what the domain record leaves out. */
    public static CampaignRecordEntity of(UUID campaignId, CampaignRecord r, String customerRef, UUID followUpId) {
        CampaignRecordEntity e = new CampaignRecordEntity();
        e.id = r.id();
        e.campaignId = campaignId;
        e.kind = r.kind();
        e.staffId = r.staffId();
        e.offerCode = r.offerCode();
        e.quantity = r.quantity();
        e.customerRef = customerRef;
        e.leadId = r.leadId();
        e.followUpId = followUpId;
        e.recordedAt = r.at();
        return e;
    }

    /** The campaign's leads and sales in the order they were recorded. */
    public static List<CampaignRecord> ofCampaign(UUID campaignId) {
        return CampaignRecordEntity.<CampaignRecordEntity>list("campaignId", Sort.by("recordedAt").and("id"), campaignId)
                .stream().map(CampaignRecordEntity::toDomain).toList();
    }

    /** The record, locked until the transaction ends; null when there is none. */
    public static CampaignRecordEntity lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Whether a sale converted the lead already. */
    public static boolean converted(UUID leadId) {
        if (leadId.version() != 7) {
            // A lead from before V6 has a random id, which says nothing of when it was recorded.
            return count("leadId", leadId) > 0;
        }
        // A sale converting it came after it: only the days since (a day's margin for clocks apart).
        return count("leadId = ?1 and id >= ?2", leadId, IdDays.lowestAt(IdDays.start(IdDays.dayOf(leadId).minusDays(1)))) > 0;
    }

    public CampaignRecord toDomain() {
        return new CampaignRecord(id, kind, staffId, offerCode, quantity, leadId, recordedAt);
    }
}
