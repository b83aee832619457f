package io.hallwatch.queue.api.catalogue;

import io.hallwatch.queue.domain.catalogue.BusinessType;

/** A business type as the API shows it. */
public record BusinessTypeView(String code, String ticketPrefix, String name, String nameZh,
                               int handlingLimitSeconds, boolean limitFromStandard) {
    static BusinessTypeView of(BusinessType t) {
        return new BusinessTypeView(t.code(), t.ticketPrefix(), t.name(), t.nameZh(), t.handlingLimitSeconds(), t.limitFromStandard());
    }
}
