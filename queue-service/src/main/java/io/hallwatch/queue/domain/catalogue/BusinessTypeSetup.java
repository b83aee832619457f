package io.hallwatch.queue.domain.catalogue;

/** What issuing a ticket needs to know of a business type: its ticket prefix. */
public record BusinessTypeSetup(String code, char prefix) {

    public static BusinessTypeSetup of(BusinessType type) {
        return new BusinessTypeSetup(type.code(), type.prefix());
    }
}
