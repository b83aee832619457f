package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.ServiceStandard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a policy document before it becomes a version. Returns every problem at once, each
 * naming the field, so that a manager fixing a policy sees the whole list in one answer.
 */
public final class PolicyValidator {
    /** Same as the events' businessType pattern. */
    static final Pattern BUSINESS_TYPE = Pattern.compile("^[A-Z][A-Z0-9_]{0,31}$");
    /** Branch ids are Kafka keys and metric tags: short, plain characters. */
    public static final Pattern BRANCH_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    /** Who changed the policy: a staff or system id, not a name. */
    static final Pattern ACTOR = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$");
    static final int MAX_REASON = 500;
    /** A limit longer than a day is a typo, not a service standard. */
    static final int MAX_LIMIT_SECONDS = 86_400;
    static final int MIN_WINDOW_SECONDS = 60;
    static final int MAX_BUSINESS_TYPES = 200;
    static final int MAX_OVERRIDES = 20_000;

    private PolicyValidator() {
    }

    /**
     * Every problem of a change: what it was edited from, who makes it and why, then the document
     * itself ({@link #problems(ServiceStandard)}).
     */
    public static List<String> problems(Integer basedOnVersion, String changedBy, String reason, ServiceStandard doc) {
        List<String> problems = new ArrayList<>();
        if (basedOnVersion == null) {
            problems.add("basedOnVersion: required (the version you edited)");
        }
        if (changedBy == null || !ACTOR.matcher(changedBy).matches()) {
            problems.add("changedBy: required, a staff or system id (letters, digits, . _ @ -; up to 64)");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            problems.add("reason: at most " + MAX_REASON + " characters");
        }
        problems.addAll(problems(doc));
        return problems;
    }

    public static List<String> problems(ServiceStandard doc) {
        List<String> problems = new ArrayList<>();
        if (doc == null) {
            return List.of("body: a policy document is required");
        }
        if (doc.defaults() == null) {
            problems.add("defaults: required");
        } else {
            limit(problems, "defaults.waitLimitSeconds", doc.defaults().waitLimitSeconds(), true);
            limit(problems, "defaults.handlingLimitSeconds", doc.defaults().handlingLimitSeconds(), true);
            fraction(problems, "defaults.warningFraction", doc.defaults().warningFraction(), true);
        }
        if (doc.branchAverage() == null) {
            problems.add("branchAverage: required");
        } else {
            window(problems, "branchAverage.windowSeconds", doc.branchAverage().windowSeconds(), true);
            limit(problems, "branchAverage.limitSeconds", doc.branchAverage().limitSeconds(), true);
        }
        businessTypes(problems, doc.businessTypes());
        overrides(problems, doc.overrides());
        return problems;
    }

    private static void businessTypes(List<String> problems, List<ServiceStandard.BusinessTypeLimits> lines) {
        if (lines.size() > MAX_BUSINESS_TYPES) {
            problems.add("businessTypes: at most " + MAX_BUSINESS_TYPES + " lines");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            ServiceStandard.BusinessTypeLimits line = lines.get(i);
            String at = "businessTypes[" + i + "]";
            if (line == null) {
                problems.add(at + ": must not be null");
                continue;
            }
            if (line.businessType() == null || !BUSINESS_TYPE.matcher(line.businessType()).matches()) {
                problems.add(at + ".businessType: must be a code like PAYMENT (A-Z, 0-9, _; up to 32)");
            } else if (!seen.add(line.businessType())) {
                problems.add(at + ".businessType: " + line.businessType() + " appears twice");
            }
            limit(problems, at + ".waitLimitSeconds", line.waitLimitSeconds(), false);
            limit(problems, at + ".handlingLimitSeconds", line.handlingLimitSeconds(), true);
        }
    }

    private static void overrides(List<String> problems, List<ServiceStandard.OverrideRule> overrides) {
        if (overrides.size() > MAX_OVERRIDES) {
            problems.add("overrides: at most " + MAX_OVERRIDES);
            return;
        }
        Set<String> selectors = new HashSet<>();
        for (int i = 0; i < overrides.size(); i++) {
            ServiceStandard.OverrideRule o = overrides.get(i);
            String at = "overrides[" + i + "]";
            if (o == null) {
                problems.add(at + ": must not be null");
                continue;
            }
            if (o.branchId() == null && o.customerTier() == null) {
                problems.add(at + ": must select a branchId or a customerTier (business types have their own lines)");
            }
            if (o.branchId() != null && !BRANCH_ID.matcher(o.branchId()).matches()) {
                problems.add(at + ".branchId: letters, digits, '-' and '_' only, up to 64");
            }
            if (o.businessType() != null && !BUSINESS_TYPE.matcher(o.businessType()).matches()) {
                problems.add(at + ".businessType: must be a code like PAYMENT (A-Z, 0-9, _; up to 32)");
            }
            if (o.waitLimitSeconds() == null && o.handlingLimitSeconds() == null && o.warningFraction() == null
                    && o.averageWindowSeconds() == null && o.averageLimitSeconds() == null) {
                problems.add(at + ": sets nothing; give at least one limit");
            }
            limit(problems, at + ".waitLimitSeconds", o.waitLimitSeconds(), false);
            limit(problems, at + ".handlingLimitSeconds", o.handlingLimitSeconds(), false);
            fraction(problems, at + ".warningFraction", o.warningFraction(), false);
            window(problems, at + ".averageWindowSeconds", o.averageWindowSeconds(), false);
            limit(problems, at + ".averageLimitSeconds", o.averageLimitSeconds(), false);
            if ((o.averageWindowSeconds() != null || o.averageLimitSeconds() != null) && !o.branchOnly()) {
                problems.add(at + ": the branch average applies to a whole branch; set it on an override that selects only a branchId");
            }
            String selector = o.branchId() + "|" + o.businessType() + "|" + o.customerTier();
            if (!selectors.add(selector)) {
                problems.add(at + ": another override selects the same branch, business type and tier");
            }
        }
    }

    private static void limit(List<String> problems, String field, Integer seconds, boolean required) {
        if (seconds == null) {
            if (required) {
                problems.add(field + ": required");
            }
        } else if (seconds < 1 || seconds > MAX_LIMIT_SECONDS) {
            problems.add(field + ": must be between 1 and " + MAX_LIMIT_SECONDS + " seconds");
        }
    }

    private static void window(List<String> problems, String field, Integer seconds, boolean required) {
        if (seconds == null) {
            if (required) {
                problems.add(field + ": required");
            }
        } else if (seconds < MIN_WINDOW_SECONDS || seconds > MAX_LIMIT_SECONDS) {
            problems.add(field + ": must be between " + MIN_WINDOW_SECONDS + " and " + MAX_LIMIT_SECONDS + " seconds");
        }
    }

    private static void fraction(List<String> problems, String field, Double value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(field + ": required");
            }
        } else if (!(value > 0.0 && value < 1.0)) {
            problems.add(field + ": must be greater than 0 and less than 1 (a warning comes before the breach)");
        }
    }
}
