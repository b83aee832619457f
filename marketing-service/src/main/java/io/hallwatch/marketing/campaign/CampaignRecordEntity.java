package io.hallwatch.marketing.campaign;

import io.hallwatch.marketing.campaign.domain.CampaignRecord;
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

    public CampaignRecord toDomain() {
        return new CampaignRecord(id, kind, staffId, offerCode, quantity, leadId, recordedAt);
    }
}
