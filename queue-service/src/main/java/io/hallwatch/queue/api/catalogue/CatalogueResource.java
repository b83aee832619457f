package io.hallwatch.queue.api.catalogue;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import io.hallwatch.queue.service.catalogue.CatalogueService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Business types and branches")
public class CatalogueResource {

    private final CatalogueService catalogue;

    CatalogueResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("/business-types")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "The business-type catalogue with ticket prefixes and handling-time limits")
    public List<BusinessTypeView> businessTypes() {
        return catalogue.businessTypes().stream().map(BusinessTypeView::of).toList();
    }

    @PUT
    @Path("/business-types/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or change a business type (admin)")
    public Response putBusinessType(@PathParam("code") String code, @Valid @NotNull BusinessTypeRequest request) {
        boolean created = catalogue.putBusinessType(code, request.ticketPrefix(), request.name(), request.nameZh(),
                request.handlingLimitSeconds());
        return Response.status(created ? 201 : 200).entity(BusinessTypeView.of(catalogue.businessType(code))).build();
    }

    @GET
    @Path("/branches/{branchId}")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "A branch: time zone, opening hours, business types offered")
    public BranchView branch(@PathParam("branchId") String branchId) {
        return BranchView.of(catalogue.branch(branchId));
    }

    @PUT
    @Path("/branches/{branchId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or change a branch (admin)")
    public Response putBranch(@PathParam("branchId") String branchId, @Valid @NotNull BranchRequest request) {
        boolean created = catalogue.putBranch(branchId, request.name(), request.timeZone(), request.opensAt(),
                request.closesAt(), request.businessTypes());
        return Response.status(created ? 201 : 200).entity(BranchView.of(catalogue.branch(branchId))).build();
    }
}
