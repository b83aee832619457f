package io.hallwatch.sla.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The published OpenAPI document as client generators and linters expect it
 * ({@code mp.openapi.filter}): the bearer scheme takes no scope lists, so the roles each operation
 * allows, which Quarkus writes there from {@code @RolesAllowed}, are said in its description instead.
 */
public class OpenApiDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(OpenApiDocument::rolesInDescription);
            }
        }
    }

    private static void rolesInDescription(Operation op) {
        if (op.getSecurity() == null || op.getSecurity().isEmpty()) {
            return;
        }
        TreeSet<String> roles = new TreeSet<>();
        List<SecurityRequirement> withoutScopes = new ArrayList<>();
        for (SecurityRequirement requirement : op.getSecurity()) {
            SecurityRequirement plain = OASFactory.createSecurityRequirement();
            for (Map.Entry<String, List<String>> scheme : requirement.getSchemes().entrySet()) {
                if (scheme.getValue() != null) {
                    roles.addAll(scheme.getValue());
                }
                plain.addScheme(scheme.getKey());
            }
            withoutScopes.add(plain);
        }
        op.setSecurity(withoutScopes);
        if (!roles.isEmpty()) {
            String said = "Roles allowed: " + String.join(", ", roles) + ".";
            op.setDescription(op.getDescription() == null ? said : op.getDescription() + " " + said);
        }
    }
}
