package io.hallwatch.marketing.api.customers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.common.problem.Problem;
import io.hallwatch.common.problem.ProblemException;
import io.hallwatch.common.security.Roles;
import io.hallwatch.marketing.domain.customers.CsvReader;
import io.hallwatch.marketing.domain.customers.ImportViolation;
import io.hallwatch.marketing.domain.customers.ProfileImport;
import io.hallwatch.marketing.domain.customers.ProfileImportException;
import io.hallwatch.marketing.service.customers.CustomerProfiles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.hallwatch.marketing.api.Formats.ID;

/**
 * Customer profiles, loaded by an import that stands in for the operator's CRM (CSV or JSON). An
 * import is all or nothing: one bad row and nothing is stored, with every problem listed.
 */
@Tag(name = "Customers", description = "Customer profiles, imported from the CRM: the situation, never the identity.")
@SecurityRequirement(name = "SecurityScheme")
@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    static final String CSV = "text/csv";

    private final CustomerProfiles profiles;
    private final ObjectMapper json;

    CustomerResource(CustomerProfiles profiles, ObjectMapper json) {
        this.profiles = profiles;
        this.json = json;
    }

    public record ImportResult(int imported, int created, int updated) {
    }

    @Operation(operationId = "importCustomers", summary = "Import customer profiles from the CRM",
            description = "Profiles as text/csv with a header line, or as a JSON array of objects. All or nothing: "
                    + "one refused row and nothing is stored, with every problem listed (400 "
                    + "invalid-customer-import). A profile replaces the one an earlier import gave, CRM contact "
                    + "history included; two imports of the same customers may run at once, and the later one "
                    + "wins. Columns or values that look like a phone number, name or address are refused.")
    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Path("/import")
    @Consumes(CSV)
    public Response importCsv(String body, @Context UriInfo uri) {
        CustomerProfiles.ImportSummary summary;
        try {
            summary = profiles.importCsv(body);
        } catch (CsvReader.CsvFormatException e) {
            throw ProblemException.badRequest("malformed-csv", "The body is not CSV with a header line: " + e.getMessage());
        } catch (ProfileImportException e) {
            return refused(e, uri);
        }
        return imported(summary);
    }

    // The same operation as importCsv's (one path and method): its @Operation names both.
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
        try {
            return imported(profiles.importRows(rows));
        } catch (ProfileImportException e) {
            return refused(e, uri);
        }
    }

    @Operation(operationId = "getCustomer", summary = "One customer profile",
            description = "What the last import said of the customer with this CRM reference: plan, spend band, "
                    + "data use against the allowance, broadband, contract end, group, marketing opt-out and "
                    + "the CRM's last contacts. 404 customer-not-found when no import named it.")
    @GET
    @RolesAllowed({Roles.CLERK, Roles.MANAGER})
    @Path("/{customerRef}")
    public CustomerView get(@PathParam("customerRef") @Pattern(regexp = ID) String customerRef) {
        return profiles.find(customerRef).map(CustomerView::of)
                .orElseThrow(() -> ProblemException.notFound("customer-not-found", "No profile for this customer reference"));
    }

    private static Response imported(CustomerProfiles.ImportSummary summary) {
        return Response.ok(new ImportResult(summary.imported(), summary.created(), summary.updated())).build();
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
