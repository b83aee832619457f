package io.hallwatch.queue.domain.catalogue;

/**
 * A kind of business a branch serves, with its ticket prefix and handling-time limit.
 * {@code limitFromStandard}: the operator's service standard sets the limit, not a configurable default.
 */
public record BusinessType(String code, String ticketPrefix, String name, String nameZh, int handlingLimitSeconds,
                           boolean limitFromStandard) {

    public char prefix() {
        return ticketPrefix.charAt(0);
    }
}
