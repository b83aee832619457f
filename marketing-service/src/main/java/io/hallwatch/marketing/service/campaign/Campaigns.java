package io.hallwatch.marketing.service.campaign;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.marketing.api.campaign.CampaignRecordView;
import io.hallwatch.marketing.api.campaign.CampaignView;
import io.hallwatch.marketing.api.campaign.EvaluationView;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.campaign.Campaign;
import io.hallwatch.marketing.domain.campaign.CampaignEvaluation;
import io.hallwatch.marketing.domain.campaign.CampaignRecord;
import io.hallwatch.marketing.domain.campaign.ProductTarget;
import io.hallwatch.marketing.domain.customers.ContactResult;
import io.hallwatch.marketing.domain.customers.ContactSource;
import io.hallwatch.marketing.domain.followup.FollowUpSource;
import io.hallwatch.marketing.events.OfferEvents;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.hallwatch.marketing.service.catalogue.OfferCatalogue;
import io.hallwatch.marketing.service.followup.FollowUps;
import io.hallwatch.marketing.store.campaign.CampaignEntity;
import io.hallwatch.marketing.store.campaign.CampaignRecordEntity;
import io.hallwatch.marketing.store.customers.CustomerStore;
import io.hallwatch.marketing.store.followup.FollowUpEntity;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final CustomerStore customers;
    private final OfferEvents events;
    private final MarketingMetrics metrics;
    private final MarketingConfig config;
    private final Clock clock;

    Campaigns(OfferCatalogue catalogue, FollowUps followUps, CustomerStore customers, OfferEvents events,
              MarketingMetrics metrics, MarketingConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.followUps = followUps;
        this.customers = customers;
        this.events = events;
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
        LocalDate today = today();
        return CampaignEntity.listInOrder(branchId).stream().map(e -> CampaignView.of(e.toDomain(), today)).toList();
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
        CampaignRecordEntity.of(campaign.id(), lead, customerRef, followUp.id).persist();
        customers.recordContact(customerRef, now, offerCode, ContactResult.INTERESTED, ContactSource.CAMPAIGN);
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
            CampaignRecordEntity lead = CampaignRecordEntity.lock(leadId);
            if (lead == null || !lead.campaignId.equals(campaignId) || lead.kind != CampaignRecord.Kind.LEAD) {
                throw ProblemException.badRequest("unknown-lead", "No lead " + leadId + " in this campaign");
            }
            if (!lead.offerCode.equals(offerCode)) {
                throw ProblemException.badRequest("lead-offer-mismatch",
                        "Lead " + leadId + " was interested in " + lead.offerCode + ", not " + offerCode);
            }
            if (CampaignRecordEntity.converted(leadId)) {
                throw ProblemException.conflict("lead-already-converted", "Lead " + leadId + " was converted already");
            }
            customer = customer != null ? customer : lead.customerRef;
            if (lead.followUpId != null) {
                followUps.closeConverted(lead.followUpId, now);
            }
        }
        CampaignRecord sale = CampaignRecord.sale(staffId, offerCode, quantity, leadId, now);
        CampaignRecordEntity.of(campaign.id(), sale, customer, null).persist();
        customers.recordContact(customer, now, offerCode, ContactResult.ACCEPTED, ContactSource.CAMPAIGN);
        publish(campaign, sale, "ACCEPTED", null);
        return view(campaign, sale, null);
    }

    public EvaluationView evaluate(UUID id) {
        Campaign campaign = entity(id).toDomain();
        Instant now = clock.instant();
        CampaignEvaluation evaluation = CampaignEvaluation.of(campaign, CampaignRecordEntity.ofCampaign(id),
                followUps.ofCampaign(id), today(), now);
        return EvaluationView.of(campaign, evaluation, now);
    }

    private CampaignEntity entity(UUID id) {
        CampaignEntity e = CampaignEntity.findById(id);
        if (e == null) {
            throw ProblemException.notFound("campaign-not-found", "No campaign " + id);
        }
        return e;
    }

    private void publish(Campaign campaign, CampaignRecord r, String result, UUID followUpId) {
        events.campaignOutcome(campaign.branchId(), r.offerCode(), result, r.at(), followUpId, campaign.id());
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
