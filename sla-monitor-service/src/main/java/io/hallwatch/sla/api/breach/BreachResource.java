package io.hallwatch.sla.api.breach;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.BranchAccess;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.breach.BreachStatus;
import io.hallwatch.sla.domain.detection.SlaKind;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The findings, newest first, filtered and paged: what a duty manager or a dashboard looks through. */
@Path("/api/v1/breaches")
@Produces(MediaType.APPLICATION_JSON)
public class BreachResource {
    static final int MAX_SIZE = 200;

    private final Db db;
    private final BranchAccess access;

    BreachResource(Db db, BranchAccess access) {
        this.db = db;
        this.access = access;
    }

    public record Page(List<BreachView> items, int page, int size, long total) {
    }

    /**
     * @param from detected at or after (ISO-8601 instant)
     * @param to   detected before
     */
    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public Page list(@QueryParam("branchId") String branchId, @QueryParam("kind") String kind, @QueryParam("from") String from,
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

        StringBuilder where = new StringBuilder(" WHERE TRUE");
        List<Object> args = new ArrayList<>();
        if (branch != null) {
            where.append(" AND branch_id = ?");
            args.add(branch);
        }
        if (k != null) {
            where.append(" AND kind = ?");
            args.add(k.name());
        }
        if (s != null) {
            where.append(" AND status = ?");
            args.add(s.name());
        }
        if (fromAt != null) {
            where.append(" AND detected_at >= ?");
            args.add(fromAt);
        }
        if (toAt != null) {
            where.append(" AND detected_at < ?");
            args.add(toAt);
        }
        long total = db.count("SELECT count(*) FROM sla_breach" + where, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(n);
        pageArgs.add((long) p * n);
        List<BreachView> items = db.list("SELECT * FROM sla_breach" + where + " ORDER BY detected_at DESC, breach_id LIMIT ? OFFSET ?",
                BreachView::read, pageArgs.toArray());
        return new Page(items, p, n, total);
    }
}
