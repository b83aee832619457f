package io.hallwatch.marketing.catalogue;

import io.hallwatch.marketing.catalogue.domain.Offer;
import io.quarkus.panache.common.Sort;
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
        return OfferEntity.<OfferEntity>listAll(Sort.by("code")).stream().map(OfferEntity::toDomain).toList();
    }

    public Optional<Offer> find(String code) {
        return OfferEntity.<OfferEntity>findByIdOptional(code).map(OfferEntity::toDomain);
    }

    public boolean exists(String code) {
        return OfferEntity.findById(code) != null;
    }

    /** Creates or replaces the offer; true when it was new. */
    @Transactional
    public boolean save(Offer offer) {
        OfferEntity entity = OfferEntity.findById(offer.code());
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
