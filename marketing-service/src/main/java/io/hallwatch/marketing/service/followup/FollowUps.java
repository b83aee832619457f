package io.hallwatch.marketing.service.followup;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.marketing.api.followup.FollowUpView;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.customers.ContactSource;
import io.hallwatch.marketing.domain.followup.FollowUp;
import io.hallwatch.marketing.domain.followup.FollowUpResult;
import io.hallwatch.marketing.domain.followup.FollowUpSource;
import io.hallwatch.marketing.events.OfferEvents;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.hallwatch.marketing.store.customers.CustomerStore;
import io.hallwatch.marketing.store.followup.FollowUpEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The branches' second-round marketing tasks: planned from interest, closed with how they ended. */
@ApplicationScoped
public class FollowUps {

    private final MarketingConfig config;
    private final CustomerStore customers;
    private final OfferEvents events;
    private final MarketingMetrics metrics;
    private final Clock clock;

    FollowUps(MarketingConfig config, CustomerStore customers, OfferEvents events, MarketingMetrics metrics, Clock clock) {
        this.config = config;
        this.customers = customers;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    public enum Filter { OPEN, CLOSED, ALL }

    /** Where an interest came from, carried into the follow-up and its outcome event. */
    public record Origin(FollowUpSource source, UUID recommendationId, String ticketId, UUID campaignId) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public FollowUpEntity plan(String branchId, String offerCode, String customerRef, Origin origin, Instant at) {
        FollowUp f = FollowUp.plan(branchId, offerCode, customerRef, at, config.followUp().dueAfter());
        FollowUpEntity e = new FollowUpEntity();
        e.apply(f);
        e.source = origin.source();
        e.recommendationId = origin.recommendationId();
        e.ticketId = origin.ticketId();
        e.campaignId = origin.campaignId();
        e.persist();
        return e;
    }

    /** The branch's follow-ups, earliest due first; {@code dueBy} keeps those due by then. */
    public List<FollowUpView> list(String branchId, Filter filter, Instant dueBy) {
        Instant now = clock.instant();
        return FollowUpEntity.ofBranch(branchId, filter == Filter.ALL ? null : filter.name(), dueBy).stream()
                .map(e -> view(e, now)).toList();
    }

    /** The follow-ups a campaign's leads left. */
    public List<FollowUp> ofCampaign(UUID campaignId) {
        return FollowUpEntity.ofCampaign(campaignId).stream().map(FollowUpEntity::toDomain).toList();
    }

    /**
     * A lead's follow-up when the lead bought on site after all: nothing left to call back about.
     * No event and no contact of its own: the sale that converted the lead reports both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeConverted(UUID id, Instant at) {
        FollowUpEntity e = FollowUpEntity.lock(id);
        if (e != null && e.toDomain().open()) {
            e.apply(e.toDomain().close(FollowUpResult.ACCEPTED, "converted on site", at));
        }
    }

    /**
     * Records how the follow-up ended. Sending the same result again answers as before; another
     * result for a closed follow-up is a conflict.
     */
    @Transactional
    public FollowUpView close(String branchId, UUID id, FollowUpResult result, String note) {
        FollowUpEntity e = FollowUpEntity.lock(id);
        if (e == null || !e.branchId.equals(branchId)) {
            throw ProblemException.notFound("follow-up-not-found", "No follow-up " + id + " at branch " + branchId);
        }
        Instant now = clock.instant();
        FollowUp before = e.toDomain();
        FollowUp after;
        try {
            after = before.close(result, note, now);
        } catch (FollowUp.AlreadyClosedException x) {
            throw ProblemException.conflict("follow-up-closed", x.getMessage());
        }
        if (after != before) {
            e.apply(after);
            result.contact().ifPresent(c -> customers.recordContact(e.customerRef, now, e.offerCode, c, ContactSource.FOLLOW_UP));
            events.followUpOutcome(e.branchId, e.offerCode, result, now, e.recommendationId, e.ticketId, e.id, e.campaignId);
            metrics.outcome(e.branchId, e.offerCode, "NONE", "FOLLOW_UP", result.name());
        }
        return view(e, now);
    }

    private static FollowUpView view(FollowUpEntity e, Instant now) {
        return new FollowUpView(e.id, e.branchId, e.offerCode, e.customerRef, e.source, e.recommendationId,
                e.campaignId, e.createdAt, e.dueAt, e.toDomain().overdue(now), e.status, e.result, e.note, e.closedAt);
    }
}
