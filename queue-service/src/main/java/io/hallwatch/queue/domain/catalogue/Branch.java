package io.hallwatch.queue.domain.catalogue;

import java.time.LocalTime;
import java.util.Set;

/**
 * A business hall (营业厅): its time zone, opening hours, the grace after closing before the tickets still open
 * are closed, the business types it offers ({@link BranchSetup} reads them), and at how many people ahead a
 * customer who asked for it is told their turn is near ({@code turnNoticeAhead}).
 */
public record Branch(String id, String name, String timeZone, LocalTime opensAt, LocalTime closesAt, int closeGraceMinutes,
                     Set<String> businessTypes, int turnNoticeAhead) {

    /** People ahead at which a consenting customer is told, unless the branch says otherwise. */
    public static final int DEFAULT_TURN_NOTICE_AHEAD = 3;

    public Branch(String id, String name, String timeZone, LocalTime opensAt, LocalTime closesAt, int closeGraceMinutes,
                  Set<String> businessTypes) {
        this(id, name, timeZone, opensAt, closesAt, closeGraceMinutes, businessTypes, DEFAULT_TURN_NOTICE_AHEAD);
    }

    public Branch {
        businessTypes = Set.copyOf(businessTypes);
    }
}
