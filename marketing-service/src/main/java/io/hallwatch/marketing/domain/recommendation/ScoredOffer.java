package io.hallwatch.marketing.domain.recommendation;

import io.hallwatch.marketing.domain.catalogue.Offer;

/** An eligible offer and how well it fits this customer and visit. */
public record ScoredOffer(Offer offer, int score) {
}
