package io.hallwatch.queue.domain.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

/** What issuing or moving a ticket needs to know of a branch: its zone, hours and business types. */
public record BranchSetup(String id, String name, ZoneId zone, LocalTime opensAt, LocalTime closesAt, Set<String> businessTypes) {

    public BranchSetup {
        businessTypes = Set.copyOf(businessTypes);
    }

    public static BranchSetup of(Branch branch) {
        return new BranchSetup(branch.id(), branch.name(), ZoneId.of(branch.timeZone()), branch.opensAt(), branch.closesAt(),
                branch.businessTypes());
    }

    /** The branch-local day an instant falls on: ticket numbers restart with it. */
    public LocalDate serviceDay(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public boolean isOpenAt(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return !local.isBefore(opensAt) && local.isBefore(closesAt);
    }

    public boolean offers(String businessType) {
        return businessTypes.contains(businessType);
    }
}
