package io.hallwatch.marketing.followup;

import io.hallwatch.common.outbox.Outbox;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.events.OfferOutcomeRecorded;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.customers.ContactSource;
import io.hallwatch.marketing.customers.CustomerProfiles;
import io.hallwatch.marketing.followup.domain.FollowUp;
import io.hallwatch.marketing.followup.domain.FollowUpResult;
import io.hallwatch.marketing.metrics.MarketingMetrics;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The branches' second-round marketing tasks: planned from interest, closed with how they ended. */
@ApplicationScoped
public class FollowUps {

    private final MarketingConfig config;
    private final CustomerProfiles profiles;
    private final Outbox outbox;
    private final MarketingMetrics metrics;
    private final Clock clock;

    FollowUps(MarketingConfig config, CustomerProfiles profiles, Outbox outbox, MarketingMetrics metrics, Clock clock) {
        this.config = config;
        this.profiles = profiles;
        this.outbox = outbox;
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
        StringBuilder query = new StringBuilder("branchId = :branch");
        Parameters params = Parameters.with("branch", branchId);
        if (filter != Filter.ALL) {
            query.append(" and status = :status");
            params.and("status", filter.name());
        }
        if (dueBy != null) {
            query.append(" and dueAt <= :dueBy");
            params.and("dueBy", dueBy);
        }
        query.append(" order by dueAt, id");
        Instant now = clock.instant();
        return FollowUpEntity.<FollowUpEntity>list(query.toString(), params).stream()
                .map(e -> FollowUpView.of(e, now)).toList();
    }

    public List<FollowUpEntity> ofCampaign(UUID campaignId) {
        return FollowUpEntity.list("campaignId", campaignId);
    }

    public FollowUpEntity ofRecommendation(UUID recommendationId) {
        return FollowUpEntity.<FollowUpEntity>find("recommendationId", recommendationId).firstResult();
    }

    /**
     * A lead's follow-up when the lead bought on site after all: nothing left to call back about.
     * No event and no contact of its own: the sale that converted the lead reports both.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeConverted(UUID id, Instant at) {
        FollowUpEntity e = FollowUpEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
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
        FollowUpEntity e = FollowUpEntity.findById(id, LockModeType.PESSIMISTIC_WRITE);
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
            result.contact().ifPresent(c -> profiles.recordContact(e.customerRef, now, e.offerCode, c, ContactSource.FOLLOW_UP));
            outbox.publish(now, new OfferOutcomeRecorded(UUID.randomUUID().toString(), e.branchId, "FOLLOW_UP",
                    e.offerCode, result.name(), now, e.recommendationId == null ? null : e.recommendationId.toString(),
                    e.ticketId, null, null, e.id.toString(), e.campaignId == null ? null : e.campaignId.toString()));
            metrics.outcome(e.branchId, e.offerCode, "NONE", "FOLLOW_UP", result.name());
        }
        return FollowUpView.of(e, now);
    }
}
