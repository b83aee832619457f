package io.hallwatch.sla.api.breach;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.breach.BreachFilter;
import io.hallwatch.sla.domain.breach.BreachPage;
import io.hallwatch.sla.domain.breach.BreachStatus;
import io.hallwatch.sla.domain.detection.SlaKind;
import io.hallwatch.sla.service.breach.BreachQueries;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The findings, newest first, filtered and paged: what a duty manager or a dashboard looks through. */
@Tag(name = "Breaches", description = "SLA warnings and breaches the monitor found")
@Path("/api/v1/breaches")
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {
    static final int MAX_SIZE = 200;

    private final BreachQueries breaches;
    private final BranchAccess access;

    BreachResource(BreachQueries breaches, BranchAccess access) {
        this.breaches = breaches;
        this.access = access;
    }

    /**
     * @param from detected at or after (ISO-8601 instant)
     * @param to   detected before
     */
    @Operation(operationId = "listBreaches", summary = "List warnings and breaches",
            description = "Findings newest first, filtered by branch, kind, status and detection time, in pages of at most"
                    + " 200, with the limit, the actual length and the times of each. A token limited to some branches"
                    + " must name one.")
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public BreachPage list(@QueryParam("branchId") String branchId, @QueryParam("kind") String kind, @QueryParam("from") String from,
                           @QueryParam("to") String to, @QueryParam("status") String status, @QueryParam("page") String page,
                           @QueryParam("size") String size) {
        String branch = access.branchFilter(Params.branch("branchId", branchId, false));
        SlaKind k = Params.oneOf("kind", kind, SlaKind.class);
        BreachStatus s = Params.oneOf("status", status, BreachStatus.class);
        Instant fromAt = Params.instant("from", from);
        Instant toAt = Params.instant("to", to);
        if (fromAt != null && toAt != null && !fromAt.isBefore(toAt)) {
            throw ProblemException.badRequest("invalid-parameter", "from must be before to");
        }
        int p = Params.integer("page", page, 0, 0, 100_000);
        int n = Params.integer("size", size, 50, 1, MAX_SIZE);
        return breaches.find(new BreachFilter(branch, k, s, fromAt, toAt), p, n);
    }
}
