package io.hallwatch.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves the roles that Quarkus writes into each operation's security requirement (from
 * {@code @RolesAllowed}, as scopes, which OpenAPI 3.1 permits for role names) into the operation's
 * description, and leaves the bearer requirement without scope lists: roles are not OAuth scopes,
 * and Spectral's {@code spectral:oas} and many client generators expect none on an HTTP scheme.
 * In {@code common}, so that every service's document is filtered the same way.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OpenApiRoles implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null) {
            return operation;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (SecurityRequirement requirement : security) {
            Map<String, List<String>> schemes = requirement.getSchemes();
            if (schemes == null) {
                continue;
            }
            Map<String, List<String>> bare = new LinkedHashMap<>();
            schemes.forEach((scheme, scopes) -> {
                if (scopes != null) {
                    roles.addAll(scopes);
                }
                bare.put(scheme, List.of());
            });
            requirement.setSchemes(bare);
        }
        if (!roles.isEmpty()) {
            String said = operation.getDescription() == null ? "" : operation.getDescription() + " ";
            operation.setDescription(said + "Roles (the token's groups): " + String.join(", ", roles) + ".");
        }
        return operation;
    }
}
