package io.hallwatch.marketing.campaign;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.OfferOutcomeRecorded;
import io.hallwatch.marketing.campaign.domain.Campaign;
import io.hallwatch.marketing.campaign.domain.CampaignEvaluation;
import io.hallwatch.marketing.campaign.domain.CampaignRecord;
import io.hallwatch.marketing.campaign.domain.ProductTarget;
import io.hallwatch.marketing.catalogue.OfferCatalogue;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.customers.ContactSource;
import io.hallwatch.marketing.customers.CustomerProfiles;
import io.hallwatch.marketing.customers.domain.ContactResult;
import io.hallwatch.marketing.followup.FollowUpEntity;
import io.hallwatch.marketing.followup.FollowUpSource;
import io.hallwatch.marketing.followup.FollowUps;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Enterprise on-site campaigns: planned by a manager, run by their staff who record leads and sales
 * on site, evaluated against the targets. Each lead and sale is also an outcome event and a contact
 * in the customer's history; each lead leaves the branch a follow-up.
 */
@ApplicationScoped
public class Campaigns {

    private final OfferCatalogue catalogue;
    private final FollowUps followUps;
    private final CustomerProfiles profiles;
    private final Outbox outbox;
    private final MarketingMetrics metrics;
    private final MarketingConfig config;
    private final Clock clock;

    Campaigns(OfferCatalogue catalogue, FollowUps followUps, CustomerProfiles profiles, Outbox outbox,
              MarketingMetrics metrics, MarketingConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.followUps = followUps;
        this.profiles = profiles;
        this.outbox = outbox;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public CampaignView create(Campaign plan) {
        List<String> unknown = plan.targets().stream().map(ProductTarget::offerCode).filter(c -> !catalogue.exists(c)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("unknown-offer", "Not in the catalogue: " + String.join(", ", unknown));
        }
        CampaignEntity entity = CampaignEntity.of(plan, clock.instant());
        entity.persist();
        return CampaignView.of(entity.toDomain(), today());
    }

    public List<CampaignView> list(String branchId) {
        List<CampaignEntity> all = branchId == null
                ? CampaignEntity.listAll(Sort.by("startsOn").and("id"))
                : CampaignEntity.list("branchId", Sort.by("startsOn").and("id"), branchId);
        LocalDate today = today();
        return all.stream().map(e -> CampaignView.of(e.toDomain(), today)).toList();
    }

    public CampaignView get(UUID id) {
        return CampaignView.of(entity(id).toDomain(), today());
    }

    @Transactional
    public CampaignRecordView recordLead(UUID campaignId, String staffId, String offerCode, String customerRef) {
        Campaign campaign = entity(campaignId).toDomain();
        Instant now = clock.instant();
        campaign.checkRecord(staffId, offerCode, today());
        CampaignRecord lead = CampaignRecord.lead(staffId, offerCode, now);
        FollowUpEntity followUp = followUps.plan(campaign.branchId(), offerCode, customerRef,
                new FollowUps.Origin(FollowUpSource.CAMPAIGN, null, null, campaign.id()), now);
        persist(campaign, lead, customerRef, followUp.id);
        profiles.recordContact(customerRef, now, offerCode, ContactResult.INTERESTED, ContactSource.CAMPAIGN);
        publish(campaign, lead, "INTERESTED", followUp.id);
        return view(campaign, lead, followUp);
    }

    @Transactional
    public CampaignRecordView recordSale(UUID campaignId, String staffId, String offerCode, int quantity,
                                         String customerRef, UUID leadId) {
        Campaign campaign = entity(campaignId).toDomain();
        Instant now = clock.instant();
        campaign.checkRecord(staffId, offerCode, today());
        String customer = customerRef;
        if (leadId != null) {
            CampaignRecordEntity lead = CampaignRecordEntity.findById(leadId, LockModeType.PESSIMISTIC_WRITE);
            if (lead == null || !lead.campaignId.equals(campaignId) || lead.kind != CampaignRecord.Kind.LEAD) {
                throw ProblemException.badRequest("unknown-lead", "No lead " + leadId + " in this campaign");
            }
            if (!lead.offerCode.equals(offerCode)) {
                throw ProblemException.badRequest("lead-offer-mismatch",
                        "Lead " + leadId + " was interested in " + lead.offerCode + ", not " + offerCode);
            }
            if (CampaignRecordEntity.count("leadId", leadId) > 0) {
                throw ProblemException.conflict("lead-already-converted", "Lead " + leadId + " was converted already");
            }
            customer = customer != null ? customer : lead.customerRef;
            if (lead.followUpId != null) {
                followUps.closeConverted(lead.followUpId, now);
            }
        }
        CampaignRecord sale = CampaignRecord.sale(staffId, offerCode, quantity, leadId, now);
        persist(campaign, sale, customer, null);
        profiles.recordContact(customer, now, offerCode, ContactResult.ACCEPTED, ContactSource.CAMPAIGN);
        publish(campaign, sale, "ACCEPTED", null);
        return view(campaign, sale, null);
    }

    public EvaluationView evaluate(UUID id) {
        Campaign campaign = entity(id).toDomain();
        List<CampaignRecord> records = CampaignRecordEntity.<CampaignRecordEntity>list("campaignId",
                Sort.by("recordedAt").and("id"), id).stream().map(CampaignRecordEntity::toDomain).toList();
        Instant now = clock.instant();
        CampaignEvaluation evaluation = CampaignEvaluation.of(campaign, records,
                followUps.ofCampaign(id).stream().map(FollowUpEntity::toDomain).toList(), today(), now);
        return EvaluationView.of(campaign, evaluation, now);
    }

    private CampaignEntity entity(UUID id) {
        CampaignEntity e = CampaignEntity.findById(id);
        if (e == null) {
            throw ProblemException.notFound("campaign-not-found", "No campaign " + id);
        }
        return e;
    }

    private static void persist(Campaign campaign, CampaignRecord r, String customerRef, UUID followUpId) {
        CampaignRecordEntity e = new CampaignRecordEntity();
        e.id = r.id();
        e.campaignId = campaign.id();
        e.kind = r.kind();
        e.staffId = r.staffId();
        e.offerCode = r.offerCode();
        e.quantity = r.quantity();
        e.customerRef = customerRef;
        e.leadId = r.leadId();
        e.followUpId = followUpId;
        e.recordedAt = r.at();
        e.persist();
    }

    private void publish(Campaign campaign, CampaignRecord r, String result, UUID followUpId) {
        outbox.publish(r.at(), new OfferOutcomeRecorded(UUID.randomUUID().toString(), campaign.branchId(), "CAMPAIGN",
                r.offerCode(), result, r.at(), null, null, null, null,
                followUpId == null ? null : followUpId.toString(), campaign.id().toString()));
        metrics.outcome(campaign.branchId(), r.offerCode(), "NONE", "CAMPAIGN", result);
    }

    private static CampaignRecordView view(Campaign c, CampaignRecord r, FollowUpEntity followUp) {
        return new CampaignRecordView(r.id(), c.id(), r.kind(), r.staffId(), r.offerCode(), r.quantity(), r.leadId(),
                r.at(), followUp == null ? null : new CampaignRecordView.FollowUpRef(followUp.id, followUp.dueAt));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), config.zone());
    }
}
