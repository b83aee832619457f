package io.hallwatch.queue.api.catalogue;

import io.hallwatch.queue.domain.catalogue.CatalogueEntry;

/**
 * A business type as the API shows it, with the handling limit of the service standard in force
 * ({@code limitFromStandard}: the standard has a line of its own for the type, not only its default).
 */
public record BusinessTypeView(String code, String ticketPrefix, String name, String nameZh,
                               int handlingLimitSeconds, boolean limitFromStandard) {
    static BusinessTypeView of(CatalogueEntry e) {
        return new BusinessTypeView(e.type().code(), e.type().ticketPrefix(), e.type().name(), e.type().nameZh(),
                e.handlingLimitSeconds(), e.ownLimit());
    }
}
