package io.hallwatch.marketing.api.catalogue;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.service.catalogue.OfferCatalogue;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static io.hallwatch.marketing.api.Formats.OFFER_CODE;

/** The offer catalogue: the counters recommend from it, marketing staff maintain it. */
@Tag(name = "Offers", description = "The offer catalogue the counters recommend from; marketing staff maintain it.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final OfferCatalogue catalogue;

    OfferResource(OfferCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(operationId = "listOffers", summary = "The offer catalogue",
            description = "Every offer the counters may recommend, in code order: pitches (one sentence for a busy "
                    + "hall, script and demo step for a quiet one), the business types it fits, eligibility, "
                    + "priority and validity.")
    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    public List<OfferView> list() {
        return catalogue.all().stream().map(OfferView::of).toList();
    }

    @Operation(operationId = "getOffer", summary = "One offer of the catalogue",
            description = "The offer with this code, as the catalogue holds it; 404 offer-not-found when there is "
                    + "none.")
    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    @Path("/{code}")
    public OfferView get(@PathParam("code") @Pattern(regexp = OFFER_CODE) String code) {
        return catalogue.find(code).map(OfferView::of)
                .orElseThrow(() -> ProblemException.notFound("offer-not-found", "No offer " + code + " in the catalogue"));
    }

    @Operation(operationId = "putOffer", summary = "Create or replace an offer",
            description = "Stores the offer under this code as a whole: 201 when it is new, 200 when it replaced "
                    + "one. validTo may not be before validFrom (400 invalid-validity).")
    @PUT
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Path("/{code}")
    public Response put(@PathParam("code") @Pattern(regexp = OFFER_CODE) String code, @Valid @NotNull OfferRequest request) {
        boolean created = catalogue.save(request.toDomain(code));
        OfferView view = get(code);
        return Response.status(created ? 201 : 200).entity(view).build();
    }
}
