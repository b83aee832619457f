package io.hallwatch.sla.service.alerting;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.sla.domain.alerting.RosterValidator;
import io.hallwatch.sla.domain.alerting.Silence;
import io.hallwatch.sla.store.alerting.SilenceStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Branch-wide silences: at most {@link Silence#MAX} long, set by a duty manager with a reason. */
@ApplicationScoped
public class SilenceService {
    private final SilenceStore store;
    private final Clock clock;

    SilenceService(SilenceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A silence from {@code startsAt} (now when null) until {@code endsAt}; 400 problems name what is wrong. */
    public Silence create(String branchId, Instant startsAt, Instant endsAt, String createdBy, String reason) {
        Instant now = clock.instant();
        if (endsAt == null || createdBy == null || !RosterValidator.STAFF_ID.matcher(createdBy).matches()) {
            throw ProblemException.badRequest("invalid-silence", "endsAt and createdBy (a staff id) are required");
        }
        Instant start = startsAt == null ? now : startsAt;
        if (!start.isBefore(endsAt) || Duration.between(start, endsAt).compareTo(Silence.MAX) > 0) {
            throw ProblemException.badRequest("invalid-silence", "startsAt must be before endsAt, at most 12 hours apart");
        }
        if (reason != null && reason.length() > Silence.MAX_REASON) {
            throw ProblemException.badRequest("invalid-silence", "reason: at most " + Silence.MAX_REASON + " characters");
        }
        Silence silence = new Silence(UUID.randomUUID().toString(), branchId, start, endsAt, createdBy, reason);
        store.insert(silence, now);
        return silence;
    }

    /** The branch's silences not over yet. */
    public List<Silence> notOver(String branchId) {
        return store.notOver(branchId, clock.instant());
    }
}
