package io.hallwatch.sla.api.notice;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.notice.PhoneNumbers;
import io.hallwatch.sla.domain.notice.TurnNoticeContact;
import io.hallwatch.sla.service.notice.TurnNoticeContacts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

/** "Your turn is near": the customer's number, which this service alone holds until the one SMS is sent. */
@Tag(name = "Turn notices", description = "The customer's number for the one \"your turn is near\" SMS")
@Path("/api/v1/tickets/{ticketId}/turn-notice-contact")
@Produces(MediaType.APPLICATION_JSON)
public class TurnNoticeContactResource {
    private final TurnNoticeContacts contacts;
    private final BranchAccess access;

    TurnNoticeContactResource(TurnNoticeContacts contacts, BranchAccess access) {
        this.contacts = contacts;
        this.access = access;
    }

    /** {@code branchId}: the ticket's branch; {@code phone}: a mainland mobile number such as 13812345678. */
    public record ContactRequest(String branchId, String phone) {
    }

    /**
     * The answer: the number masked ({@code 138****5678}); {@code status} WAITING (the queue has not said the turn is
     * near yet), DUE (it has: the SMS goes out now), SENT or FAILED.
     */
    public record ContactView(String ticketId, String branchId, String phone, Instant requestedAt, String status) {
        static ContactView of(TurnNoticeContact c) {
            return new ContactView(c.ticketId(), c.branchId(), PhoneNumbers.masked(c.phone()), c.requestedAt(), c.status());
        }
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.KIOSK, Roles.SERVICE})
    @Operation(operationId = "putTurnNoticeContact", summary = "Give the customer's number for the \"your turn is near\" SMS",
            description = "Roles kiosk, service; the token must cover branchId. Body {\"branchId\", \"phone\"}: the ticket's "
                    + "branch and a mainland mobile number (11 digits, 1 then 3-9), else 422 invalid-phone. Kept here only (never "
                    + "in an event, log line or metric) until the one SMS is sent, then erased; a second call replaces the "
                    + "number until then. The queue's consent (POST /api/v1/tickets/{ticketId}/turn-notice at the queue-service) "
                    + "decides when the SMS goes. 200 with the number masked (138****5678); 404 ticket-not-found (a ticket this "
                    + "service has not seen yet: retry shortly); 409 ticket-of-another-branch, ticket-not-waiting, "
                    + "turn-notice-closed (already sent or given up); 400 invalid-parameter for a missing or malformed branchId.")
    public ContactView put(@PathParam("ticketId") UUID ticketId, ContactRequest request) {
        String branchId = Params.branch("branchId", request == null ? null : request.branchId(), true);
        access.check(branchId);
        access.check(contacts.branchOf(ticketId.toString())); // the ticket's own branch, as every /tickets/{id} call
        return ContactView.of(contacts.put(ticketId.toString(), branchId, request.phone()));
    }
}
