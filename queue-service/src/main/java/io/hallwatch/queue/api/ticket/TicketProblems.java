package io.hallwatch.queue.api.ticket;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.problem.ProblemMappers;
import io.hallwatch.queue.domain.ticket.IllegalTransitionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A ticket action its status does not allow is a 409 that changes nothing. */
public class TicketProblems {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return mappers.problem(ProblemException.conflict("invalid-transition", e.getMessage()), uri);
    }
}
