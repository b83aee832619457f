package io.hallwatch.marketing.domain.customers;

import java.util.List;

/** The import is refused as a whole: nothing of it is stored. */
public class ProfileImportException extends RuntimeException {
    private final List<ImportViolation> violations;

    public ProfileImportException(List<ImportViolation> violations) {
        super(violations.size() + " problem(s) in the import");
        this.violations = List.copyOf(violations);
    }

    public List<ImportViolation> violations() {
        return violations;
    }
}
