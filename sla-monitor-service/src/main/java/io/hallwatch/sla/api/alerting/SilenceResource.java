package io.hallwatch.sla.api.alerting;

import io.hallwatch.common.db.Db;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.sla.api.Params;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A branch-wide silence: "we know, we are on it"; the branch's breaches are kept as QUIET alerts meanwhile. */
@Path("/api/v1/branches/{branchId}/alert-silences")
@Produces(MediaType.APPLICATION_JSON)
public class SilenceResource {
    private static final Duration MAX = Duration.ofHours(12);

    private final Db db;
    private final Clock clock;

    SilenceResource(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code startsAt} defaults to now. */
    public record NewSilence(Instant startsAt, Instant endsAt, String createdBy, String reason) {
    }

    public record Silence(String silenceId, String branchId, Instant startsAt, Instant endsAt, String createdBy, String reason) {
    }

    @POST
    @RolesAllowed(Roles.DUTY_MANAGER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Silence create(@PathParam("branchId") String branchId, NewSilence s) {
        String branch = Params.branch("branchId", branchId, true);
        Instant now = clock.instant();
        if (s == null || s.endsAt() == null || s.createdBy() == null || !RosterValidator.STAFF_ID.matcher(s.createdBy()).matches()) {
            throw ProblemException.badRequest("invalid-silence", "endsAt and createdBy (a staff id) are required");
        }
        Instant start = s.startsAt() == null ? now : s.startsAt();
        if (!start.isBefore(s.endsAt()) || Duration.between(start, s.endsAt()).compareTo(MAX) > 0) {
            throw ProblemException.badRequest("invalid-silence", "startsAt must be before endsAt, at most 12 hours apart");
        }
        if (s.reason() != null && s.reason().length() > 500) {
            throw ProblemException.badRequest("invalid-silence", "reason: at most 500 characters");
        }
        String id = UUID.randomUUID().toString();
        db.update("INSERT INTO alert_silence (silence_id, branch_id, starts_at, ends_at, created_by, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, branch, start, s.endsAt(), s.createdBy(), s.reason(), now);
        return new Silence(id, branch, start, s.endsAt(), s.createdBy(), s.reason());
    }

    @GET
    @RolesAllowed({Roles.DUTY_MANAGER, Roles.MANAGER})
    public List<Silence> active(@PathParam("branchId") String branchId) {
        String branch = Params.branch("branchId", branchId, true);
        return db.list("SELECT * FROM alert_silence WHERE branch_id = ? AND ends_at > ? ORDER BY starts_at", rs -> new Silence(
                rs.getString("silence_id"), rs.getString("branch_id"), Db.instant(rs, "starts_at"), Db.instant(rs, "ends_at"),
                rs.getString("created_by"), rs.getString("reason")), branch, clock.instant());
    }
}
