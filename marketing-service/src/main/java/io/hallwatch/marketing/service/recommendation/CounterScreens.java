package io.hallwatch.marketing.service.recommendation;

import io.hallwatch.marketing.api.recommendation.CounterScreen;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.domain.recommendation.PitchForm;
import io.hallwatch.marketing.domain.recovery.Recovery;
import io.hallwatch.marketing.domain.recovery.WaitBreach;
import io.hallwatch.marketing.service.catalogue.OfferCatalogue;
import io.hallwatch.marketing.store.recommendation.RecommendationEntity;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Reads what a counter's screen shows now; empty when no one is served or there is nothing to say. */
@ApplicationScoped
public class CounterScreens {

    private final OfferCatalogue catalogue;
    private final MarketingConfig config;
    private final Clock clock;

    CounterScreens(OfferCatalogue catalogue, MarketingConfig config, Clock clock) {
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
    }

    public Optional<CounterScreen> now(String branchId, String counterId) {
        Instant staleBefore = clock.instant().minus(config.load().staleAfter());
        return RecommendationEntity.serving(branchId, counterId)
                // a service whose finish never arrived (the counter closed) does not stay on screen
                .filter(r -> r.serviceStartedAt.isAfter(staleBefore))
                .filter(r -> r.offerCode != null || r.recoveryGesture != null)
                .map(this::screen);
    }

    private CounterScreen screen(RecommendationEntity r) {
        CounterScreen.RecoveryView recovery = null;
        if (r.recoveryGesture != null) {
            Recovery rec = Recovery.forBreach(new WaitBreach(r.waitedSeconds, r.limitSeconds), r.recoveryGesture);
            recovery = new CounterScreen.RecoveryView(rec.apology(), rec.apologyZh(), rec.gesture(),
                    rec.gesture().text(), rec.gesture().textZh(), rec.waitedMinutes());
        }
        CounterScreen.OfferView offer = null;
        if (r.offerCode != null) {
            Offer o = catalogue.find(r.offerCode).orElseThrow(
                    () -> new IllegalStateException("Recommended offer " + r.offerCode + " left the catalogue"));
            boolean full = r.pitchForm == PitchForm.FULL;
            offer = new CounterScreen.OfferView(r.id, o.code(), o.name(), o.nameZh(), new CounterScreen.PitchView(
                    r.pitchForm, full ? o.fullScript() : o.shortPitch(), full ? o.demoStep() : null, r.pitchSeconds));
        }
        return new CounterScreen(r.branchId, r.counterId, r.ticketId, r.ticketNumber, r.businessType,
                r.serviceStartedAt, recovery, offer, r.noOfferReason,
                new CounterScreen.HallView(r.waiting, r.busyThreshold, r.waiting >= r.busyThreshold));
    }
}
