package io.hallwatch.common.problem;

import java.time.Duration;

/**
 * Thrown by a service for an error it answers on purpose: not found, conflict, a rule broken.
 * {@code slug} becomes the stable {@code type} URI; {@code retryAfter} adds a Retry-After header.
 */
public class ProblemException extends RuntimeException {
    private final String slug;
    private final String title;
    private final int status;
    private final Duration retryAfter;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, Duration retryAfter) {
        super(detail);
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String slug, String detail) {
        return new ProblemException(404, slug, "Not found", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException badRequest(String slug, String detail) {
        return new ProblemException(400, slug, "Invalid request", detail);
    }

    public static ProblemException unavailable(String slug, String detail, Duration retryAfter) {
        return new ProblemException(503, slug, "Service unavailable", detail, retryAfter);
    }

    public Problem toProblem() {
        return Problem.of(slug, title, status, getMessage());
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
