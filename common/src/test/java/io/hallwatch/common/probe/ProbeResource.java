package io.hallwatch.common.probe;

import io.hallwatch.common.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;

/** A REST resource that fails in every way the problem mappers must handle. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProbeResource {
    private final Db db;

    ProbeResource(Db db) {
        this.db = db;
    }

    public record Order(@NotBlank @Pattern(regexp = "[A-Z0-9-]{3,32}") String branchId,
                        @NotNull @Min(1) @Max(10) Integer count) {
    }

    @POST
    @Path("/orders")
    public Response order(@Valid @NotNull Order order) {
        return Response.status(201).entity(order).build();
    }

    @GET
    @Path("/orders/{id}")
    public Order missing(@PathParam("id") String id) {
        throw ProblemException.notFound("order-not-found", "No order " + id);
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }

    /** Looks a name up in the real database, as every resource with a path parameter does. */
    @GET
    @Path("/names/{name}")
    public long lookUp(@PathParam("name") String name) {
        return db.count("SELECT count(*) FROM pg_database WHERE datname = ?", name);
    }

    @GET
    @Path("/database-down")
    public String databaseDown() {
        throw new IllegalStateException("query failed", new SQLException("Connection refused", "08001"));
    }
}
