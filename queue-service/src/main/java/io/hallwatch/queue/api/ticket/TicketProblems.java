package io.hallwatch.queue.api.ticket;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.problem.ProblemMappers;
import io.hallwatch.queue.domain.ticket.IllegalTransitionException;
import io.hallwatch.queue.domain.ticket.RemoteTicketExpiredException;
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

    /** A remote ticket checked in after its window: cancelled (or about to be), the customer takes a ticket. */
    @ServerExceptionMapper
    public Response remoteTicketExpired(RemoteTicketExpiredException e, UriInfo uri) {
        return mappers.problem(ProblemException.conflict("remote-ticket-expired", e.getMessage()
                + "; take a ticket at the kiosk"), uri);
    }
}
