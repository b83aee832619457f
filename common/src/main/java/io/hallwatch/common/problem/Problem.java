package io.hallwatch.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error the services answer. {@code type} is stable
 * per kind of error (clients branch on it); {@code detail} is for humans and never carries a
 * stack trace, SQL, or personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
                      List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String BASE = "https://hallwatch.io/problems/";

    /** A field that failed validation: where ({@code field}) and why. */
    public record Violation(String field, String message) {
    }

    public static URI type(String slug) {
        return URI.create(BASE + slug);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(type(slug), title, status, detail, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }
}
