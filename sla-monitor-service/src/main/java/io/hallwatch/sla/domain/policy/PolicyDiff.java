package io.hallwatch.sla.domain.policy;

import io.hallwatch.events.ServiceStandard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one policy version changed against the one before, line by line: the audit trail's content. */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    public static List<String> between(ServiceStandard before, ServiceStandard after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<String> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String key : keys) {
            String was = a.get(key);
            String now = b.get(key);
            if (was == null) {
                changes.add(key + ": set to " + now);
            } else if (now == null) {
                changes.add(key + ": removed (was " + was + ")");
            } else if (!was.equals(now)) {
                changes.add(key + ": " + was + " -> " + now);
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(ServiceStandard doc) {
        Map<String, String> flat = new TreeMap<>();
        if (doc == null) {
            return flat;
        }
        put(flat, "defaults.waitLimitSeconds", doc.defaults().waitLimitSeconds());
        put(flat, "defaults.handlingLimitSeconds", doc.defaults().handlingLimitSeconds());
        put(flat, "defaults.warningFraction", doc.defaults().warningFraction());
        put(flat, "branchAverage.windowSeconds", doc.branchAverage().windowSeconds());
        put(flat, "branchAverage.limitSeconds", doc.branchAverage().limitSeconds());
        for (ServiceStandard.BusinessTypeLimits line : doc.businessTypes()) {
            String at = "businessTypes[" + line.businessType() + "]";
            put(flat, at + ".waitLimitSeconds", line.waitLimitSeconds());
            put(flat, at + ".handlingLimitSeconds", line.handlingLimitSeconds());
        }
        for (ServiceStandard.OverrideRule o : doc.overrides()) {
            String at = "overrides[branch=" + Objects.toString(o.branchId(), "*") + ",type="
                    + Objects.toString(o.businessType(), "*") + ",tier=" + Objects.toString(o.customerTier(), "*") + "]";
            put(flat, at + ".waitLimitSeconds", o.waitLimitSeconds());
            put(flat, at + ".handlingLimitSeconds", o.handlingLimitSeconds());
            put(flat, at + ".warningFraction", o.warningFraction());
            put(flat, at + ".averageWindowSeconds", o.averageWindowSeconds());
            put(flat, at + ".averageLimitSeconds", o.averageLimitSeconds());
        }
        return flat;
    }

    private static void put(Map<String, String> flat, String key, Object value) {
        if (value != null) {
            flat.put(key, value.toString());
        }
    }
}
