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

import java.util.List;

import static io.hallwatch.marketing.api.Formats.OFFER_CODE;

/** The offer catalogue: the counters recommend from it, marketing staff maintain it. */
@Path("/api/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OfferResource {

    private final OfferCatalogue catalogue;

    OfferResource(OfferCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    public List<OfferView> list() {
        return catalogue.all().stream().map(OfferView::of).toList();
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER, Roles.ADMIN})
    @Path("/{code}")
    public OfferView get(@PathParam("code") @Pattern(regexp = OFFER_CODE) String code) {
        return catalogue.find(code).map(OfferView::of)
                .orElseThrow(() -> ProblemException.notFound("offer-not-found", "No offer " + code + " in the catalogue"));
    }

    @PUT
    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @Path("/{code}")
    public Response put(@PathParam("code") @Pattern(regexp = OFFER_CODE) String code, @Valid @NotNull OfferRequest request) {
        boolean created = catalogue.save(request.toDomain(code));
        OfferView view = get(code);
        return Response.status(created ? 201 : 200).entity(view).build();
    }
}
