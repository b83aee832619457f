package io.hallwatch.marketing.api.recommendation;

import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.service.recommendation.CounterScreens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import static io.hallwatch.marketing.api.Formats.ID;

/** The counter terminal polls this while it serves: 200 with what to show, or 204 when there is nothing. */
@Tag(name = "Counter screen", description = "What a counter screen shows for the customer being served.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/branches/{branchId}/counters/{counterId}/recommendation")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final CounterScreens screens;

    RecommendationResource(CounterScreens screens) {
        this.screens = screens;
    }

    @Operation(operationId = "getCounterRecommendation", summary = "What the counter screen shows now",
            description = "For the customer being served at this counter: the apology and recovery gesture first "
                    + "when the customer waited too long, then the offer with a pitch sized to the hall "
                    + "(offer.offerId is what the outcome is recorded against), or noOfferReason. 204 when "
                    + "nobody is being served or there is nothing to show.")
    @GET
    @RolesAllowed(Roles.CLERK)
    public Response get(@PathParam("branchId") @Pattern(regexp = ID) String branchId,
                        @PathParam("counterId") @Pattern(regexp = ID) String counterId) {
        return screens.now(branchId, counterId)
                .map(s -> Response.ok(s).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
