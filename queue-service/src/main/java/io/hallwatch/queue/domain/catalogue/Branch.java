package io.hallwatch.queue.domain.catalogue;

import java.time.LocalTime;
import java.util.Set;

/**
 * A business hall (营业厅): its time zone, opening hours, the grace after closing before the tickets still open
 * are closed, and the business types it offers ({@link BranchSetup} reads them).
 */
public record Branch(String id, String name, String timeZone, LocalTime opensAt, LocalTime closesAt, int closeGraceMinutes,
                     Set<String> businessTypes) {

    public Branch {
        businessTypes = Set.copyOf(businessTypes);
    }
}
