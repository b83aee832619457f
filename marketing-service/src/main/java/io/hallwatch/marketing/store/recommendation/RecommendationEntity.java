package io.hallwatch.marketing.store.recommendation;

import io.hallwatch.common.retention.IdDays;
import io.hallwatch.marketing.domain.outcome.OfferResult;
import io.hallwatch.marketing.domain.recommendation.NoOfferReason;
import io.hallwatch.marketing.domain.recommendation.PitchForm;
import io.hallwatch.marketing.domain.recommendation.RecommendationStatus;
import io.hallwatch.marketing.domain.recovery.RecoveryGesture;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What one counter was told for one customer (V3); the id is the {@code offerId} outcomes refer to. */
@Entity
@Table(name = "recommendation")
public class RecommendationEntity extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "branch_id")
    public String branchId;
    @Column(name = "counter_id")
    public String counterId;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "ticket_number")
    public String ticketNumber;
    @Column(name = "clerk_id")
    public String clerkId;
    @Column(name = "business_type")
    public String businessType;
    @Column(name = "customer_ref")
    public String customerRef;
    @Column(name = "service_started_at")
    public Instant serviceStartedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Enumerated(EnumType.STRING)
    public RecommendationStatus status;
    public int waiting;
    @Column(name = "busy_threshold")
    public int busyThreshold;
    @Column(name = "offer_code")
    public String offerCode;
    public Integer score;
    @Enumerated(EnumType.STRING)
    @Column(name = "pitch_form")
    public PitchForm pitchForm;
    @Column(name = "pitch_seconds")
    public Integer pitchSeconds;
    @Enumerated(EnumType.STRING)
    @Column(name = "no_offer_reason")
    public NoOfferReason noOfferReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "recovery_gesture")
    public RecoveryGesture recoveryGesture;
    @Column(name = "waited_seconds")
    public Long waitedSeconds;
    @Column(name = "limit_seconds")
    public Long limitSeconds;
    @Column(name = "outcome_id")
    public UUID outcomeId;
    @Enumerated(EnumType.STRING)
    public OfferResult outcome;
    @Column(name = "outcome_reason")
    public String outcomeReason;
    @Column(name = "outcome_at")
    public Instant outcomeAt;

    /**
     * {@link RecommendationStatus#SERVING} as an HQL literal: queries by counter must name the status
     * literally to use the partial index on serving rows (a bound parameter gets a generic plan
     * that scans the table).
     */
    private static final String SERVING = RecommendationStatus.class.getName() + ".SERVING";

    /** The customer now at this counter, if any. */
    public static Optional<RecommendationEntity> serving(String branchId, String counterId) {
        // The live days only (V6's partitions): advice left SERVING longer (a service whose end never arrived) is no one's.
        return RecommendationEntity.<RecommendationEntity>find(
                        "id >= ?3 and branchId = ?1 and counterId = ?2 and status = " + SERVING
                                + " order by serviceStartedAt desc, createdAt desc",
                        branchId, counterId, IdDays.liveFrom())
                .firstResultOptional();
    }

    /**
     * The serving advice for {@code ticketIds} and at the counters {@code counterIds} of
     * {@code branchIds}, locked until the transaction ends, in id order (so that two callers lock
     * without a deadlock). Branches × counter ids is a superset of the counters meant (the caller
     * picks its pairs in memory); it keeps to the indexes.
     */
    public static List<RecommendationEntity> lockServing(Set<String> ticketIds, Set<String> branchIds, Set<String> counterIds) {
        if (ticketIds.isEmpty() && counterIds.isEmpty()) {
            return List.of();
        }
        if (counterIds.isEmpty()) {
            return RecommendationEntity.<RecommendationEntity>find("id >= ?2 and status = " + SERVING
                            + " and ticketId in ?1 order by id",
                    ticketIds, IdDays.liveFrom()).withLock(LockModeType.PESSIMISTIC_WRITE).list();
        }
        return RecommendationEntity.<RecommendationEntity>find("id >= ?4 and status = " + SERVING
                        + " and (ticketId in ?1 or (branchId in ?2 and counterId in ?3)) order by id",
                ticketIds.isEmpty() ? Set.of("") : ticketIds, branchIds, counterIds, IdDays.liveFrom())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The advice, locked until the transaction ends; null when there is none. */
    public static RecommendationEntity lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Per branch, of the outcomes recorded at the counters since {@code since} (platform clock), {@code window} before
     * now: accepted, and pitched at all. An outcome follows its advice within the service, so the advice was made
     * within the window (and a day) of wall time, whatever the platform clock's scale: only those days' partitions
     * are read, not every day kept.
     */
    public static List<BranchConversion> conversionSince(Instant since, Duration window) {
        return getEntityManager().createQuery("select new " + BranchConversion.class.getName()
                        + "(r.branchId, count(*) filter (where r.outcome = :accepted), count(*) filter (where r.outcome in :pitched))"
                        + " from RecommendationEntity r where r.id >= :made and r.outcomeAt >= :since group by r.branchId",
                        BranchConversion.class)
                .setParameter("accepted", OfferResult.ACCEPTED)
                .setParameter("pitched", OfferResult.PITCHED)
                .setParameter("since", since)
                .setParameter("made", IdDays.lowestAt(Instant.now().minus(window).minus(IdDays.LIVE)))
                .getResultList();
    }
}
