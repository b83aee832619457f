package io.hallwatch.marketing.customers.rest;

import jakarta.annotation.security.RolesAllowed;
import io.hallwatch.common.security.Roles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.problem.Problem;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.marketing.config.MarketingConfig;
import io.hallwatch.marketing.customers.CustomerProfiles;
import io.hallwatch.marketing.customers.domain.CsvReader;
import io.hallwatch.marketing.customers.domain.CustomerProfile;
import io.hallwatch.marketing.customers.domain.ImportViolation;
import io.hallwatch.marketing.customers.domain.ProfileImport;
import io.hallwatch.marketing.customers.domain.ProfileImportException;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Customer profiles, loaded by an import that stands in for the operator's CRM (CSV or JSON). An
 * import is all or nothing: one bad row and nothing is stored, with every problem listed.
 */
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    private static final Logger LOG = Logger.getLogger(CustomerResource.class);
    static final String CSV = "text/csv";

    private final CustomerProfiles profiles;
    private final MarketingConfig config;
    private final ObjectMapper json;

    CustomerResource(CustomerProfiles profiles, MarketingConfig config, ObjectMapper json) {
        this.profiles = profiles;
        this.config = config;
        this.json = json;
    }

    public record ImportResult(int imported, int created, int updated) {
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Path("/import")
    @Consumes(CSV)
    public Response importCsv(String body, @Context UriInfo uri) {
        List<Map<String, String>> rows;
        try {
            ProfileImport.checkColumns(CsvReader.header(body));
            rows = CsvReader.read(body);
        } catch (CsvReader.CsvFormatException e) {
            throw ProblemException.badRequest("malformed-csv", "The body is not CSV with a header line: " + e.getMessage());
        } catch (ProfileImportException e) {
            return refused(e, uri);
        }
        return store(rows, uri);
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response importJson(String body, @Context UriInfo uri) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-body", "The body is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.badRequest("malformed-body", "The body must be a JSON array of customer profiles");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (JsonNode element : root) {
            if (!element.isObject()) {
                throw ProblemException.badRequest("malformed-body", "Every element must be a JSON object");
            }
            rows.add(flatten(element));
        }
        return store(rows, uri);
    }

    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER})
    @Path("/{customerRef}")
    public CustomerView get(@PathParam("customerRef") @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String customerRef) {
        return profiles.find(customerRef).map(CustomerView::of)
                .orElseThrow(() -> ProblemException.notFound("customer-not-found", "No profile for this customer reference"));
    }

    private Response store(List<Map<String, String>> rows, UriInfo uri) {
        List<CustomerProfile> parsed;
        try {
            parsed = ProfileImport.parse(rows, config.imports().maxRows());
        } catch (ProfileImportException e) {
            return refused(e, uri);
        }
        CustomerProfiles.ImportSummary summary = profiles.importAll(parsed);
        LOG.infof("Imported %d customer profiles (%d new)", parsed.size(), summary.created());
        return Response.ok(new ImportResult(parsed.size(), summary.created(), summary.updated())).build();
    }

    /** Field-level problems in the same problem+json shape as Bean Validation's, one per row and field. */
    private static Response refused(ProfileImportException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ImportViolation v : e.violations()) {
            String field = v.row() == 0 ? v.field() : "rows[" + v.row() + "]." + v.field();
            violations.add(new Problem.Violation(field, v.message()));
        }
        Problem problem = new Problem(Problem.type("invalid-customer-import"), "Invalid customer import", 400,
                violations.size() + " problem(s); nothing was imported", uri.getPath(), violations);
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A JSON profile as the same field → text map a CSV row gives; lastContacts objects become day/offer/result. */
    private static Map<String, String> flatten(JsonNode element) {
        Map<String, String> row = new LinkedHashMap<>();
        element.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isNull()) {
                return;
            }
            if (ProfileImport.LAST_CONTACTS.equals(f.getKey()) && v.isArray()) {
                List<String> entries = new ArrayList<>();
                v.forEach(c -> entries.add(c.isObject()
                        ? text(c.get("on")) + "/" + text(c.get("offerCode")) + "/" + text(c.get("result"))
                        : c.asText()));
                if (!entries.isEmpty()) {
                    row.put(f.getKey(), String.join(";", entries));
                }
            } else {
                row.put(f.getKey(), v.isValueNode() ? v.asText() : v.toString());
            }
        });
        return row;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }
}
