package io.hallwatch.queue.api.catalogue;

import io.hallwatch.queue.domain.catalogue.Branch;

import java.time.LocalTime;
import java.util.List;

/** A branch as the API shows it; {@code businessTypes} sorted. */
public record BranchView(String id, String name, String timeZone, LocalTime opensAt, LocalTime closesAt, int closeGraceMinutes,
                         List<String> businessTypes, int turnNoticeAhead) {
    static BranchView of(Branch b) {
        return new BranchView(b.id(), b.name(), b.timeZone(), b.opensAt(), b.closesAt(), b.closeGraceMinutes(),
                b.businessTypes().stream().sorted().toList(), b.turnNoticeAhead());
    }
}
