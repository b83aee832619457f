package io.hallwatch.queue.api.ticket;

import io.hallwatch.events.CustomerTier;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a kiosk sends to issue a ticket. {@code tier} defaults to NORMAL. {@code customerRef} is an
 * opaque CRM reference (a membership card scan, say) that only the marketing service resolves; a
 * phone number is refused.
 */
public record IssueTicketRequest(
        @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,31}", message = "must be a business type code such as PAYMENT") String businessType,
        CustomerTier tier,
        @Size(max = 64)
        @Pattern(regexp = "(?!\\+?[0-9]{7,15}$)[A-Za-z0-9._:-]{1,64}",
                message = "must be an opaque reference of letters, digits and . _ : -, not a phone number")
        String customerRef) {

    public CustomerTier tierOrDefault() {
        return tier == null ? CustomerTier.NORMAL : tier;
    }
}
