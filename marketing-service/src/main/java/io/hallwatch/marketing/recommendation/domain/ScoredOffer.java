package io.hallwatch.marketing.recommendation.domain;

import io.hallwatch.marketing.catalogue.domain.Offer;

/** An eligible offer and how well it fits this customer and visit. */
public record ScoredOffer(Offer offer, int score) {
}
