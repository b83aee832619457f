package io.hallwatch.queue.domain.catalogue;

/**
 * A business type with the handling limit the service standard gives it where no branch or tier
 * override applies. {@code ownLimit}: the standard has a line for this type; otherwise the limit is the
 * standard's default for types without one.
 */
public record CatalogueEntry(BusinessType type, int handlingLimitSeconds, boolean ownLimit) {
}
