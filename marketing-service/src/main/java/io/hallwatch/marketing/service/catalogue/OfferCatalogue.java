package io.hallwatch.marketing.service.catalogue;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.marketing.domain.catalogue.Offer;
import io.hallwatch.marketing.store.catalogue.OfferEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The offers the counters can recommend; marketing staff maintain it through the API. */
@ApplicationScoped
public class OfferCatalogue {

    private final Clock clock;

    OfferCatalogue(Clock clock) {
        this.clock = clock;
    }

    public List<Offer> all() {
        return OfferEntity.allByCode().stream().map(OfferEntity::toDomain).toList();
    }

    public Optional<Offer> find(String code) {
        return OfferEntity.byCode(code).map(OfferEntity::toDomain);
    }

    public boolean exists(String code) {
        return OfferEntity.byCode(code).isPresent();
    }

    /** Creates or replaces the offer; true when it was new. An offer must not end before it starts. */
    @Transactional
    public boolean save(Offer offer) {
        if (offer.validTo() != null && offer.validTo().isBefore(offer.validFrom())) {
            throw ProblemException.badRequest("invalid-validity", "validTo " + offer.validTo()
                    + " is before validFrom " + offer.validFrom());
        }
        OfferEntity entity = OfferEntity.byCode(offer.code()).orElse(null);
        boolean created = entity == null;
        if (created) {
            entity = new OfferEntity();
        }
        entity.apply(offer, clock.instant());
        if (created) {
            entity.persist();
        }
        return created;
    }
}
