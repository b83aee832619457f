package io.hallwatch.marketing.api.campaign;

import io.hallwatch.common.problem.Problem;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.domain.campaign.Campaign;
import io.hallwatch.marketing.domain.campaign.CampaignRuleException;
import io.hallwatch.marketing.domain.campaign.ProductTarget;
import io.hallwatch.marketing.service.campaign.Campaigns;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.hallwatch.marketing.api.Formats.CUSTOMER_REF;
import static io.hallwatch.marketing.api.Formats.ID;
import static io.hallwatch.marketing.api.Formats.NO_PHONE_MESSAGE;
import static io.hallwatch.marketing.api.Formats.NO_PHONE_NUMBER;
import static io.hallwatch.marketing.api.Formats.OFFER_CODE;

/** Enterprise on-site campaigns (集团进驻营销): plan, record leads and sales on site, evaluate. */
@Tag(name = "Campaigns", description = "Enterprise on-site campaigns: planned by a manager, run by their staff, evaluated against targets.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final Campaigns campaigns;
    private final BranchAccess access;

    CampaignResource(Campaigns campaigns, BranchAccess access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    public record TargetRequest(@NotNull @Pattern(regexp = OFFER_CODE) String offerCode,
                                @Min(1) @Max(1_000_000) int target) {
    }

    public record CampaignRequest(
            @NotNull @Pattern(regexp = ID) String branchId,
            @NotNull @Pattern(regexp = CUSTOMER_REF) String groupRef,
            @Size(max = 100) @Pattern(regexp = NO_PHONE_NUMBER, message = NO_PHONE_MESSAGE) String groupName,
            @NotBlank @Size(max = 200) @Pattern(regexp = NO_PHONE_NUMBER, message = NO_PHONE_MESSAGE) String site,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            @NotNull @Pattern(regexp = ID) String leadStaffId,
            @NotNull @Size(min = Campaign.MIN_STAFF, max = 50, message = "an on-site campaign needs at least 3 staff (集团进驻营销人员不得低于3人)")
            List<@NotNull @Pattern(regexp = ID) String> staff,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull TargetRequest> targets,
            @NotBlank @Size(max = 2000) @Pattern(regexp = NO_PHONE_NUMBER, message = NO_PHONE_MESSAGE) String surgePlan) {
    }

    public record LeadRequest(@NotNull @Pattern(regexp = ID) String staffId,
                              @NotNull @Pattern(regexp = OFFER_CODE) String offerCode,
                              @Pattern(regexp = CUSTOMER_REF, message = "must be the CRM's reference, never a phone number") String customerRef) {
    }

    public record SaleRequest(@NotNull @Pattern(regexp = ID) String staffId,
                              @NotNull @Pattern(regexp = OFFER_CODE) String offerCode,
                              @Min(1) @Max(100_000) Integer quantity,
                              @Pattern(regexp = CUSTOMER_REF, message = "must be the CRM's reference, never a phone number") String customerRef,
                              UUID leadId) {
    }

    @Operation(operationId = "createCampaign", summary = "Plan an enterprise on-site campaign",
            description = "A campaign at an enterprise group's site: dates, lead and at least three staff, a target "
                    + "per catalogue product and a surge plan. 201 with the campaign; the manual's rules not "
                    + "met are 400 campaign-rules, each rule a violation.")
    @POST
    @RolesAllowed(Roles.MANAGER)
    public Response create(@Valid @NotNull CampaignRequest r, @Context UriInfo uri) {
        access.check(r.branchId());
        Campaign plan = new Campaign(UUID.randomUUID(), r.branchId(), r.groupRef(), r.groupName(), r.site(), r.startsOn(),
                r.endsOn(), r.leadStaffId(), r.staff(),
                r.targets().stream().map(t -> new ProductTarget(t.offerCode(), t.target())).toList(), r.surgePlan());
        CampaignView created = campaigns.create(plan);
        return Response.created(URI.create("/api/v1/campaigns/" + created.id())).entity(created).build();
    }

    @Operation(operationId = "listCampaigns", summary = "The campaigns and their status",
            description = "Campaigns with their status today (PLANNED, RUNNING, ENDED), earliest start first. "
                    + "branchId keeps one branch's; a token limited to some branches must give it.")
    @GET
    @RolesAllowed(Roles.MANAGER)
    public List<CampaignView> list(@QueryParam("branchId") @Pattern(regexp = ID) String branchId) {
        return campaigns.list(access.branchFilter(branchId));
    }

    @Operation(operationId = "getCampaign", summary = "One campaign",
            description = "The campaign as planned, with its status today; 404 campaign-not-found when there is "
                    + "none.")
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    public CampaignView get(@PathParam("id") UUID id) {
        return inScope(campaigns.get(id));
    }

    @Operation(operationId = "recordCampaignLead", summary = "Record an interested person on site",
            description = "A lead for one of the campaign's products, recorded by one of its staff while it runs; "
                    + "it plans a follow-up for the branch, answered with the lead. 409 campaign-not-running "
                    + "outside its dates.")
    @POST
    @Path("/{id}/leads")
    @RolesAllowed({Roles.MANAGER, Roles.CLERK})
    public Response lead(@PathParam("id") UUID id, @Valid @NotNull LeadRequest r) {
        inScope(campaigns.get(id));
        CampaignRecordView lead = campaigns.recordLead(id, r.staffId(), r.offerCode(), r.customerRef());
        return Response.status(201).entity(lead).build();
    }

    @Operation(operationId = "recordCampaignSale", summary = "Record a sale on site",
            description = "A sale of one of the campaign's products by one of its staff while it runs; with leadId "
                    + "it converts that lead (once) and closes the lead's follow-up. 409 campaign-not-running "
                    + "outside its dates, 409 lead-already-converted for a second sale of one lead.")
    @POST
    @Path("/{id}/sales")
    @RolesAllowed({Roles.MANAGER, Roles.CLERK})
    public Response sale(@PathParam("id") UUID id, @Valid @NotNull SaleRequest r) {
        inScope(campaigns.get(id));
        CampaignRecordView sale = campaigns.recordSale(id, r.staffId(), r.offerCode(),
                r.quantity() == null ? 1 : r.quantity(), r.customerRef(), r.leadId());
        return Response.status(201).entity(sale).build();
    }

    @Operation(operationId = "evaluateCampaign", summary = "Evaluate a campaign against its targets",
            description = "Per product: target, units sold, achievement, leads, sales, prospects, conversion and "
                    + "follow-ups accepted; per staff member: leads, sales, units and conversion; the totals; "
                    + "and the follow-ups produced, open, overdue and how they ended.")
    @GET
    @Path("/{id}/evaluation")
    @RolesAllowed(Roles.MANAGER)
    public EvaluationView evaluation(@PathParam("id") UUID id) {
        inScope(campaigns.get(id));
        return campaigns.evaluate(id);
    }

    private CampaignView inScope(CampaignView campaign) {
        access.check(campaign.branchId());
        return campaign;
    }

    /** The manual's rules broken: which ones, in the same shape as field validation. */
    @ServerExceptionMapper
    public Response rulesBroken(CampaignRuleException e, UriInfo uri) {
        List<Problem.Violation> violations = e.problems().stream().map(p -> {
            int colon = p.indexOf(": ");
            return colon < 0 ? new Problem.Violation("body", p) : new Problem.Violation(p.substring(0, colon), p.substring(colon + 2));
        }).toList();
        Problem problem = new Problem(Problem.type("campaign-rules"), "Campaign rules not met", 400,
                violations.size() + " rule(s) of the on-site campaign manual are not met", uri.getPath(), violations);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response notRunning(Campaign.NotRunningException e, UriInfo uri) {
        ProblemException p = ProblemException.conflict("campaign-not-running", e.getMessage());
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(p.toProblem().withInstance(uri.getPath())).build();
    }
}
