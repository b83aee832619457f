package io.hallwatch.reliability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Order per branch on the tickets topic: within one branch, each business type's numbers (A001,
 * A002, ...) are handed out in issue order, so their first deliveries must come in increasing
 * order. A redelivered event (same id again) is not a reordering.
 */
final class IssueOrder {
    /** A ticket-issued event as read from the topic, in partition order. */
    record Issued(String eventId, String branchId, String number) {
    }

    private IssueOrder() {
    }

    /** The out-of-order pairs found, as "branch: A005 after A007"; empty when in order. */
    static List<String> violations(List<Issued> inPartitionOrder) {
        Map<String, Integer> last = new HashMap<>();
        Map<String, String> lastNumber = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<String> violations = new ArrayList<>();
        for (Issued e : inPartitionOrder) {
            if (!seen.add(e.eventId())) {
                continue;
            }
            String prefix = e.number().replaceAll("[0-9]", "");
            int n = Integer.parseInt(e.number().replaceAll("[^0-9]", ""));
            String lane = e.branchId() + "/" + prefix;
            Integer before = last.put(lane, n);
            String beforeNumber = lastNumber.put(lane, e.number());
            if (before != null && before >= n) {
                violations.add(e.branchId() + ": " + e.number() + " after " + beforeNumber);
            }
        }
        return violations;
    }
}
