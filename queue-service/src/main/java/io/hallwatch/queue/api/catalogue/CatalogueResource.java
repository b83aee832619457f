package io.hallwatch.queue.api.catalogue;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.BranchScope;
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
    private final BranchAccess access;

    CatalogueResource(CatalogueService catalogue, BranchAccess access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    @GET
    @Path("/business-types")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listBusinessTypes", summary = "The business-type catalogue",
            description = "Every business type with its ticket prefix letter, English and Chinese names and the handling-time "
                    + "limit in seconds that the service standard in force gives it (its owner is the sla-monitor-service's "
                    + "/api/v1/sla-policies); limitFromStandard says the standard has a line of its own for the type.")
    public List<BusinessTypeView> businessTypes() {
        return catalogue.businessTypes().stream().map(BusinessTypeView::of).toList();
    }

    @PUT
    @Path("/business-types/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putBusinessType", summary = "Create or change a business type (admin)",
            description = "Creates the type (201) or replaces its ticket prefix and names (200); its limits are the service "
                    + "standard's (a handlingLimitSeconds in the body is 400). The code is "
                    + "capital letters, digits and underscores; a prefix another type numbers with is 409 ticket-prefix-taken. "
                    + "Other replicas see the change within hallwatch.queue.catalogue-max-age.")
    public Response putBusinessType(@PathParam("code") String code, @Valid @NotNull BusinessTypeRequest request) {
        boolean created = catalogue.putBusinessType(code, request.ticketPrefix(), request.name(), request.nameZh());
        return Response.status(created ? 201 : 200).entity(BusinessTypeView.of(catalogue.businessType(code))).build();
    }

    @GET
    @Path("/branches")
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listBranches", summary = "The branches the caller may see",
            description = "Every branch the token's branches claim covers (all of them for \"*\"), sorted by id, each with its "
                    + "set-up as GET /branches/{branchId} gives it. This is the list a manager's branch board starts from.")
    public List<BranchView> branches() {
        BranchScope scope = access.scope();
        return catalogue.branches().stream().filter(b -> scope.covers(b.id())).map(BranchView::of).toList();
    }

    @GET
    @Path("/branches/{branchId}")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getBranch", summary = "A branch's set-up",
            description = "The branch's name, time zone, opening hours, grace after closing and the business types it "
                    + "offers, sorted. "
                    + "An unknown branch is 404 branch-not-found.")
    public BranchView branch(@PathParam("branchId") String branchId) {
        return BranchView.of(catalogue.branch(branchId));
    }

    @PUT
    @Path("/branches/{branchId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putBranch", summary = "Create or change a branch (admin)",
            description = "Creates (201) or replaces (200) the branch's name, time zone (Asia/Shanghai when left out), "
                    + "opening hours (09:00-18:00 when left out, the same every day, within one local day), the grace after "
                    + "closing in minutes (closeGraceMinutes, 15 when left out: at closing plus grace the tickets still "
                    + "waiting or called are closed BRANCH_CLOSED), the business types it offers and turnNoticeAhead (1-20, 3 "
                    + "when left out: a customer who asked to be told their turn is near gets the SMS at this many people "
                    + "ahead). An unknown time zone, "
                    + "hours that do not open before they close, or an unknown business type are 400 and change nothing.")
    public Response putBranch(@PathParam("branchId") String branchId, @Valid @NotNull BranchRequest request) {
        boolean created = catalogue.putBranch(branchId, request.name(), request.timeZone(), request.opensAt(),
                request.closesAt(), request.closeGraceMinutes(), request.businessTypes(), request.turnNoticeAhead());
        return Response.status(created ? 201 : 200).entity(BranchView.of(catalogue.branch(branchId))).build();
    }

    @GET
    @Path("/branches/{branchId}/neighbours")
    @RolesAllowed({Roles.KIOSK, Roles.CLERK, Roles.DUTY_MANAGER, Roles.MANAGER, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getNeighbours", summary = "The nearby branches a customer may be sent to",
            description = "The branches of the operator near this one with the travel minutes to each, nearest first: where "
                    + "a new ticket's estimate already exceeds its wait limit, the kiosk offers those whose estimate for the "
                    + "business, travel included, is at least 10 minutes shorter. An unknown branch is 404.")
    public NeighboursView neighbours(@PathParam("branchId") String branchId) {
        return NeighboursView.of(catalogue.neighbours(branchId));
    }

    @PUT
    @Path("/branches/{branchId}/neighbours")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "putNeighbours", summary = "Set a branch's nearby branches (admin)",
            description = "Replaces the whole list: {\"neighbours\": [{\"branchId\", \"travelMinutes\" 1-240}]}, at most 20. "
                    + "A neighbour that does not exist, the branch itself or one named twice is 422 invalid-neighbour and "
                    + "changes nothing.")
    public NeighboursView putNeighbours(@PathParam("branchId") String branchId, @Valid @NotNull NeighboursView request) {
        catalogue.putNeighbours(branchId, request.toStore());
        return NeighboursView.of(catalogue.neighbours(branchId));
    }
}
