package io.hallwatch.queue.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/**
 * The answer to an idempotent POST that makes something: 201 with its address, or, where an earlier request with the
 * same key (or code) made it, 200; {@code Idempotent-Replayed} says which.
 */
public final class Created {
    private Created() {
    }

    public static Response of(UriInfo uri, String path, UUID id, boolean created, Object entity) {
        return Response.status(created ? 201 : 200)
                .location(uri.getBaseUriBuilder().path(path).build(id))
                .header("Idempotent-Replayed", Boolean.toString(!created))
                .entity(entity).build();
    }
}
