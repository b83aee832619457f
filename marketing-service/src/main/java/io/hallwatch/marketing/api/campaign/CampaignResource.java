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

    @GET
    @RolesAllowed(Roles.MANAGER)
    public List<CampaignView> list(@QueryParam("branchId") @Pattern(regexp = ID) String branchId) {
        return campaigns.list(access.branchFilter(branchId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.MANAGER)
    public CampaignView get(@PathParam("id") UUID id) {
        return inScope(campaigns.get(id));
    }

    @POST
    @Path("/{id}/leads")
    @RolesAllowed({Roles.MANAGER, Roles.CLERK})
    public Response lead(@PathParam("id") UUID id, @Valid @NotNull LeadRequest r) {
        inScope(campaigns.get(id));
        CampaignRecordView lead = campaigns.recordLead(id, r.staffId(), r.offerCode(), r.customerRef());
        return Response.status(201).entity(lead).build();
    }

    @POST
    @Path("/{id}/sales")
    @RolesAllowed({Roles.MANAGER, Roles.CLERK})
    public Response sale(@PathParam("id") UUID id, @Valid @NotNull SaleRequest r) {
        inScope(campaigns.get(id));
        CampaignRecordView sale = campaigns.recordSale(id, r.staffId(), r.offerCode(),
                r.quantity() == null ? 1 : r.quantity(), r.customerRef(), r.leadId());
        return Response.status(201).entity(sale).build();
    }

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
