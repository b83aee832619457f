package io.hallwatch.counter.api.counter;

import io.hallwatch.counter.domain.counter.CounterStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the counter screen shows. {@code customer.overLimit} turns true once a service runs past
 * its type's limit, with the prompt the standard asks for (ask consent, apologise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CounterView(String branchId, String counterId, String label, boolean vip, List<String> skills,
                          CounterStatus status, String clerkId, Instant signedInAt, Customer customer, Pause pause) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Customer(UUID ticketId, String number, String businessType, String tier, Instant calledAt,
                           Instant startedAt, Long handlingSeconds, Integer limitSeconds, boolean overLimit, String prompt) {
    }

    public record Pause(String reason, Instant since, long seconds, long limitSeconds, boolean overLimit) {
    }
}
