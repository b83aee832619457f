package io.hallwatch.marketing.api.outcome;

import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.api.Formats;
import io.hallwatch.marketing.domain.outcome.OfferResult;
import io.hallwatch.marketing.service.outcome.Outcomes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The clerk records how the offer went. {@code offerId} is the one the counter screen showed
 * ({@code offer.offerId}); 201 when recorded, 200 when the same outcome was recorded before.
 */
@Tag(name = "Outcomes", description = "How the offers made at the counters ended, as the clerks record them.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/offers/{offerId}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    private final Outcomes outcomes;
    private final BranchAccess access;

    OutcomeResource(Outcomes outcomes, BranchAccess access) {
        this.outcomes = outcomes;
        this.access = access;
    }

    public record OutcomeRequest(@NotNull OfferResult result,
                                 @Size(max = 200) @Pattern(regexp = Formats.NO_PHONE_NUMBER,
                                         message = Formats.NO_PHONE_MESSAGE) String reason) {
    }

    @Operation(operationId = "recordOfferOutcome", summary = "Record how an offer made at the counter ended",
            description = "offerId is the counter screen's offer.offerId. 201 when recorded, 200 when the same "
                    + "outcome was recorded before; 409 for another outcome, for advice without an offer, or "
                    + "for advice replaced since. INTERESTED plans a follow-up and answers it. The reason stays "
                    + "here: it never goes into an event.")
    @POST
    @RolesAllowed(Roles.CLERK)
    public Response record(@PathParam("offerId") @Pattern(regexp = Formats.UUID, message = "must be an offer id (UUID)") String offerId,
                           @Valid @NotNull OutcomeRequest body) {
        access.check(outcomes.branchOf(UUID.fromString(offerId)));
        Outcomes.Recorded recorded = outcomes.record(UUID.fromString(offerId), body.result(), body.reason());
        return Response.status(recorded.created() ? 201 : 200).entity(recorded.outcome()).build();
    }
}
