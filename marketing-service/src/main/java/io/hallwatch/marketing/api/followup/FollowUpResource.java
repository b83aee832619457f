package io.hallwatch.marketing.api.followup;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.domain.followup.FollowUpResult;
import io.hallwatch.marketing.service.followup.FollowUps;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import static io.hallwatch.marketing.api.Formats.FOLLOW_UP_STATUS;
import static io.hallwatch.marketing.api.Formats.ID;
import static io.hallwatch.marketing.api.Formats.NO_PHONE_MESSAGE;
import static io.hallwatch.marketing.api.Formats.NO_PHONE_NUMBER;

/**
 * A branch's follow-up list (二次营销): GET lists it, POST records how a follow-up ended, which
 * closes it.
 */
@Tag(name = "Follow-ups", description = "A branch's second-round marketing: call-backs planned from interest at the counter or at a campaign.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/branches/{branchId}/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FollowUpResource {

    private final FollowUps followUps;

    FollowUpResource(FollowUps followUps) {
        this.followUps = followUps;
    }

    public record CloseFollowUp(@NotNull UUID followUpId, @NotNull FollowUpResult result,
                                @Size(max = 200) @Pattern(regexp = NO_PHONE_NUMBER,
                                        message = NO_PHONE_MESSAGE) String note) {
    }

    @Operation(operationId = "listFollowUps", summary = "The branch's follow-ups",
            description = "Follow-ups of the branch, earliest due first, overdue ones flagged. status chooses OPEN "
                    + "(the default), CLOSED or ALL; dueBy, an instant, keeps those due by then.")
    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER})
    public List<FollowUpView> list(@PathParam("branchId") @Pattern(regexp = ID) String branchId,
                                   @QueryParam("status") @DefaultValue("OPEN") @Pattern(regexp = FOLLOW_UP_STATUS) String status,
                                   @QueryParam("dueBy") String dueBy) {
        return followUps.list(branchId, FollowUps.Filter.valueOf(status), instant(dueBy));
    }

    @Operation(operationId = "closeFollowUp", summary = "Record how a follow-up ended",
            description = "ACCEPTED, DECLINED or UNREACHABLE, with an optional note for the branch (no phone "
                    + "numbers); closes the follow-up. The same result again answers as before; another result "
                    + "for a closed follow-up is 409 follow-up-closed.")
    @POST
    @RolesAllowed({Roles.CLERK, Roles.MANAGER})
    public FollowUpView close(@PathParam("branchId") @Pattern(regexp = ID) String branchId,
                              @Valid @NotNull CloseFollowUp body) {
        return followUps.close(branchId, body.followUpId(), body.result(), body.note());
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-due-by", "dueBy must be an instant like 2026-11-27T10:00:00Z");
        }
    }
}
