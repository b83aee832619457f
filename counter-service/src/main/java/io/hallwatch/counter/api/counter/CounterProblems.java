package io.hallwatch.counter.api.counter;

import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.problem.ProblemMappers;
import io.hallwatch.counter.domain.counter.CounterConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** An action the counter's state does not allow is a 409 that changes nothing. */
public class CounterProblems {

    private final ProblemMappers mappers = new ProblemMappers();

    @ServerExceptionMapper
    public Response conflict(CounterConflictException e, UriInfo uri) {
        return mappers.problem(ProblemException.conflict("counter-state-conflict", e.getMessage()), uri);
    }
}
