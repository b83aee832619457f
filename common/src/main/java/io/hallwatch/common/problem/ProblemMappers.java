package io.hallwatch.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hallwatch.common.Failures;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.hallwatch.common.standard.StandardUnavailableException;

import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Turns every error into {@code application/problem+json}, one mapper per kind of error. Nothing
 * internal reaches the caller: unexpected failures are logged here with an id and answered with
 * that id only.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying when the database is away. */
    private static final String DATABASE_RETRY_AFTER = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.toProblem(), uri);
        if (e.retryAfter() != null) {
            response.header("Retry-After", Long.toString(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.build();
    }

    /** The limits this answer needs have not reached the service yet (its readiness says so too). */
    @ServerExceptionMapper
    public Response standardUnavailable(StandardUnavailableException e, UriInfo uri) {
        return respond(Problem.of("standard-unavailable", "Service unavailable", 503,
                "The service standard has not reached this service yet; retry shortly"), uri)
                .header("Retry-After", DATABASE_RETRY_AFTER).build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        Problem problem = new Problem(Problem.type("validation"), "Invalid request", 400,
                violations.size() + " field(s) are invalid", null, violations);
        return respond(problem, uri).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " at '" + m.getPathReference().replaceAll("^.*\\[\"?", "").replaceAll("\"?]$", "") + "'" : "";
        return respond(Problem.of("malformed-body", "Malformed request body", 400,
                "The body is not valid JSON of the expected shape" + where), uri).build();
    }

    /** More specific than Quarkus's own mapper for this type, which would answer plain JSON. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String slug = switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        String detail = status == 404 ? "No resource at this path" : info.getReasonPhrase();
        return respond(Problem.of(slug, info.getReasonPhrase(), status, detail), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (Failures.isTransient(e)) {
            LOG.warnf("Database unavailable for %s: %s", uri.getPath(), e.getClass().getSimpleName());
            return respond(Problem.of("database-unavailable", "Service unavailable", 503,
                    "The service cannot reach its database; retry shortly"), uri)
                    .header("Retry-After", DATABASE_RETRY_AFTER).build();
        }
        if (Failures.isUnstorableText(e)) {
            return respond(Problem.of("unstorable-text", "Invalid characters", 400,
                    "The request contains characters that cannot be stored, such as a NUL character"), uri).build();
        }
        String incident = java.util.UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, uri.getPath());
        return respond(Problem.of("internal", "Internal error", 500,
                "The request failed unexpectedly; incident " + incident), uri).build();
    }

    private static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : uri.getPath()));
    }

    private static String field(ConstraintViolation<?> v) {
        // Drop the method and parameter names: the caller knows its body's fields, not our Java.
        List<String> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.RETURN_VALUE)
                .filter(n -> !(n.getKind() == ElementKind.PARAMETER && isBodyParameter(v)))
                .map(Path.Node::getName).filter(n -> n != null && !n.isBlank()).toList();
        return nodes.isEmpty() ? "body" : String.join(".", nodes);
    }

    private static boolean isBodyParameter(ConstraintViolation<?> v) {
        // A violation inside a request body has more nodes after the parameter.
        return StreamSupport.stream(v.getPropertyPath().spliterator(), false).count() > 2;
    }
}
